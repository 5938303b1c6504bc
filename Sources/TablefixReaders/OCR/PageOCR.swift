import Foundation
import TablefixModel

/// Reads a picture of a page with geometry: straightens it, finds its ruling lines, reads
/// each table cell on its own and the text around the tables as a page, with every word's
/// box and the engine's confidence. The result is the same ``PageContent`` a text layer
/// gives, so the same grid building applies.
package struct PageOCR: Sendable {
    /// The resolution pages are drawn at for the engine.
    package var dpi: Double

    package init(dpi: Double = 300) {
        self.dpi = dpi
    }

    /// The lowest resolution worth reading; a page too large to draw at it within the
    /// pixel limit is refused.
    static let minimumDPI = 100.0

    /// Reads a PDF page that has no text layer.
    func read(_ page: MuPDFPage, number: Int, limits: PDFLimits, path: String) throws -> PageContent {
        try read(
            number: number, width: page.bounds.width, height: page.bounds.height, limits: limits, path: path,
            what: "page \(number)"
        ) { dpi, rotation throws(MuPDFError) in
            try page.render(dpi: dpi, rotation: rotation)
        }
    }

    /// Reads a picture: draws it straight at a resolution that fits the pixel limit, finds
    /// its rules and reads its cells and text. When `only` is given, the engine reads the
    /// cells of the ruled tables it picks and nothing else (no text outside them): a
    /// caller that wants one table does not pay for the rest of the picture.
    func read(
        number: Int, width: Double, height: Double, limits: PDFLimits, path: String, what: String,
        only: (([RuledTable]) -> [RuledTable])? = nil,
        draw: (Double, Double) throws(MuPDFError) -> GrayImage
    ) throws -> PageContent {
        let started = Date()
        let pointsSquared = width * height
        var dpi = self.dpi
        if pointsSquared * dpi * dpi / 5184 > Double(limits.pixels) {
            dpi = (Double(limits.pixels) * 5184 / pointsSquared).squareRoot()
        }
        guard dpi >= Self.minimumDPI else {
            throw ReadError(
                .tooLarge, file: path,
                reason: "\(what) is \(Int(width)) × \(Int(height)) points, too large to read by OCR within \(limits.pixels) pixels")
        }
        let preview = try draw(60, 0)
        let skew = Skew.degrees(of: preview)
        var image = try draw(dpi, abs(skew) >= 0.1 ? -skew : 0)
        let scale = 72 / dpi
        // Every rule is erased, those of tables without rows drawn too (a column's rule
        // reads as `|` or `1`); the detector's long, dense runs are not text strokes.
        let pixelRules = RuleDetector.rules(in: image, dpi: dpi, skew: abs(skew) >= 0.1 ? skew : 0)
        for rule in pixelRules { rule.erase(from: &image) }
        // With the rules gone, a speck beside one is as alone as a speck anywhere.
        Dust.remove(from: &image, dpi: dpi)
        let rules = pixelRules.map { $0.rule(dpi: dpi) }
        let found = RuledTable.tables(in: rules, page: number)
        let tables = only?(found) ?? found
        if only != nil, tables.isEmpty {
            return PageContent(page: number, width: width, height: height, words: [], rules: rules, isOCR: true)
        }
        func remaining() throws(ReadError) -> Double {
            let left = limits.secondsPerPage - Date().timeIntervalSince(started)
            guard left > 0 else {
                throw ReadError(.tooLarge, file: path, reason: "\(what) took more than \(Int(limits.secondsPerPage)) s to read by OCR")
            }
            return left
        }
        var words: [PageWord] = []
        var text = image
        for table in tables {
            let layout = TableLayout(table)
            for box in CellPartition(layout).boxes(in: layout) {
                words += try Self.cellWords(in: image, box: box, dpi: dpi, seconds: try remaining())
            }
            let frame = table.box
            text.fill(
                x0: Int(frame.x0 / scale) - 2, y0: Int(frame.y0 / scale) - 2, x1: Int(frame.x1 / scale) + 3,
                y1: Int(frame.y1 / scale) + 3)
        }
        if only == nil {
            words += try TesseractPool.shared.withEngine { engine throws(ReadError) in
                try Self.pieceWords(in: text, dpi: dpi, engine: engine, remaining: remaining)
            }
        }
        return PageContent(page: number, width: width, height: height, words: words, rules: rules, isOCR: true)
    }

    /// The words of the picture outside its ruled tables, read piece by piece
    /// (``InkPieces``): each line of a paragraph, each cell of a table drawn without rules,
    /// read as a ruled table's cells are.
    static func pieceWords(
        in image: GrayImage, dpi: Double, engine: Tesseract, remaining: () throws(ReadError) -> Double
    ) throws(ReadError) -> [PageWord] {
        var clean = image
        _ = clean.despeckle()
        guard let lineHeight = InkPieces.lineHeight(of: clean, dpi: dpi) else { return [] }
        let area = (dpi / 300) * (dpi / 300)
        var words: [PageWord] = []
        for piece in InkPieces.pieces(in: clean, lineHeight: lineHeight) {
            let ink = clean.crop(x0: piece.x0, y0: piece.y0, x1: piece.x1, y1: piece.y1)
            guard Double(ink.inkCount) >= Double(blankInk) * area else { continue }
            words += try inkWords(ink, x: piece.x0, y: piece.y0, dpi: dpi, engine: engine, seconds: try remaining())
        }
        return words
    }

    /// Dark pixels fewer than this (at 300 dpi; scaled by area) leave a cell blank: specks.
    static let blankInk = 24

    /// The words of one cell: its picture inside the rules, specks removed, read as one
    /// line or one block. A cell with no ink gives one empty word that says so, sure; a cell
    /// with ink that reads as nothing gives an empty word with confidence 0. The engine is
    /// asked for only when the cell has ink: a picture of an empty grid never loads a model.
    static func cellWords(in image: GrayImage, box: Box, dpi: Double, seconds: Double) throws(ReadError)
        -> [PageWord]
    {
        let scale = 72 / dpi
        let inset = max(2, Int(dpi / 100))
        let x0 = Int(box.x0 / scale) + inset, y0 = Int(box.y0 / scale) + inset
        let x1 = Int(box.x1 / scale) - inset, y1 = Int(box.y1 / scale) - inset
        guard x1 > x0, y1 > y0 else { return [] }
        var cell = image.crop(x0: x0, y0: y0, x1: x1, y1: y1)
        let ink = cell.despeckle()
        let centre = Box(x0: box.midX - 0.5, y0: box.midY - 0.5, x1: box.midX + 0.5, y1: box.midY + 0.5)
        let area = (dpi / 300) * (dpi / 300)
        if Double(ink) < Double(blankInk) * area {
            return [PageWord(text: "", box: centre, size: 0, confidence: ConfidencePolicy.standard.ocrBlankCell)]
        }
        cell.whitenBackground()
        // Only the ink, with a white margin: what is left of the erased rules at the edges
        // (lighter than ink) would be read as strokes.
        guard let ink = cell.inkBounds() else { return [PageWord(text: "", box: centre, size: 0, confidence: ConfidencePolicy.standard.ocrBlankCell)] }
        let text = cell.crop(x0: ink.x0, y0: ink.y0, x1: ink.x1, y1: ink.y1)
        let read = try TesseractPool.shared.withEngine { engine throws(ReadError) in
            try inkWords(text, x: x0 + ink.x0, y: y0 + ink.y0, dpi: dpi, engine: engine, seconds: seconds)
        }
        return read.isEmpty ? [PageWord(text: "", box: centre, size: 0, confidence: ConfidencePolicy.standard.ocrIllegible)] : read
    }

    /// The words of a picture cut to its ink, whose top-left corner is at `x`, `y` in the
    /// page's pixels: read with a white margin as one line, or as a block when the ink is
    /// taller than a 16-point line (a wrapped label); a reading of digits or look-alikes is
    /// read again for numerals.
    static func inkWords(_ text: GrayImage, x: Int, y: Int, dpi: Double, engine: Tesseract, seconds: Double)
        throws(ReadError) -> [PageWord]
    {
        let padding = Int(dpi / 15)
        let padded = text.padded(by: padding)
        let layout: Tesseract.Layout = Double(text.height) < dpi / 72 * 16 ? .line : .block
        var read = engine.words(in: padded, dpi: Int(dpi), layout: layout, seconds: seconds)
        if let numeral = try numeralReading(of: read, in: padded, dpi: dpi, seconds: seconds) { read = numeral }
        return read.map { pageWord($0, dx: x - padding, dy: y - padding, scale: 72 / dpi) }
    }

    /// CJK characters that OCR gives for digits and dashes in a cell of numbers.
    static let numeralLookalikes: Set<Character> = ["一", "工", "〇", "】", "【", "丨", "」", "「"]

    /// A cell whose reading has no CJK text but look-alikes of digits (`]` for 1, `一` for
    /// a dash), or nothing although it has ink, or one or two CJK characters read without
    /// much confidence (`于` or `有` for a blurred digit), is read again by the `eng` model
    /// allowing only numerals. The second reading wins when it is surer; when the first
    /// held characters no number is printed with, when it is sure enough (the policy's
    /// `ocrNumeralOver…`), or whatever its confidence against a lone stroke (`]`, `|`).
    static func numeralReading(of read: [OCRWord], in image: GrayImage, dpi: Double, seconds: Double) throws(ReadError)
        -> [OCRWord]?
    {
        let text = read.map(\.text).joined()
        let first = read.map(\.confidence).min() ?? 0
        let cjk = text.contains { $0.isCJK && !numeralLookalikes.contains($0) }
        let policy = ConfidencePolicy.standard
        guard text.count <= 12, !cjk || (text.count <= 2 && first < policy.ocrNumeralRetry) else { return nil }
        let again = try TesseractPool.shared.withEngine("eng") { engine throws(ReadError) in
            engine.words(in: image, dpi: Int(dpi), layout: .line, seconds: seconds, only: Tesseract.numerals)
        }
        guard !again.isEmpty else { return nil }
        let second = again.map(\.confidence).min() ?? 0
        let foreign = text.isEmpty || text.contains { !Tesseract.numerals.contains($0) }
        // A single stroke read as `]` or `|` is a digit whatever the engine's doubt: the
        // numeral reading stands, with its own (low) confidence.
        let stroke = text.count == 1 && !cjk && foreign
        return second >= first || stroke || (foreign && second >= (cjk ? policy.ocrNumeralOverCJK : policy.ocrNumeralOverOther)) ? again : nil
    }

    static func pageWord(_ word: OCRWord, dx: Int, dy: Int, scale: Double) -> PageWord {
        let box = Box(
            x0: Double(word.x0 + dx) * scale, y0: Double(word.y0 + dy) * scale, x1: Double(word.x1 + dx) * scale,
            y1: Double(word.y1 + dy) * scale)
        return PageWord(text: word.text, box: box, size: box.height, confidence: word.confidence)
    }
}

extension GrayImage {
    /// Paints a rectangle white.
    mutating func fill(x0: Int, y0: Int, x1: Int, y1: Int) {
        for y in max(0, y0)..<max(max(0, y0), min(height, y1)) {
            for x in max(0, x0)..<max(max(0, x0), min(width, x1)) { self[x, y] = 255 }
        }
    }

    /// Stretches the picture so that its background (its median gray: a cell is mostly
    /// background) becomes white: a shaded cell reads as black on white, like its border.
    mutating func whitenBackground() {
        var histogram = [Int](repeating: 0, count: 256)
        for pixel in pixels { histogram[Int(pixel)] += 1 }
        var seen = 0, background = 255
        for (gray, count) in histogram.enumerated() {
            seen += count
            if seen * 2 >= pixels.count {
                background = gray
                break
            }
        }
        guard background > 0, background < 255 else { return }
        for index in pixels.indices {
            let pixel = Int(pixels[index])
            pixels[index] = pixel >= background ? 255 : UInt8(pixel * 255 / background)
        }
    }

    /// The smallest rectangle holding every ink pixel (end exclusive), nil when there is none.
    func inkBounds() -> (x0: Int, y0: Int, x1: Int, y1: Int)? {
        var x0 = width, y0 = height, x1 = -1, y1 = -1
        for y in 0..<height {
            for x in 0..<width where self[x, y] < RuleDetector.inkThreshold {
                x0 = min(x0, x)
                x1 = max(x1, x)
                y0 = min(y0, y)
                y1 = max(y1, y)
            }
        }
        return x1 >= 0 ? (x0, y0, x1 + 1, y1 + 1) : nil
    }

    /// The picture with a white border of `padding` pixels.
    func padded(by padding: Int) -> GrayImage {
        var out = GrayImage(width: width + 2 * padding, height: height + 2 * padding)
        for y in 0..<height {
            for x in 0..<width { out[x + padding, y + padding] = self[x, y] }
        }
        return out
    }

    /// How many pixels are ink.
    var inkCount: Int { pixels.reduce(0) { $0 + ($1 < RuleDetector.inkThreshold ? 1 : 0) } }

    /// Whitens ink pixels with fewer than two ink neighbours (specks of noise) and returns
    /// how many ink pixels are left.
    mutating func despeckle() -> Int {
        let original = self
        var ink = 0
        for y in 0..<height {
            for x in 0..<width where original[x, y] < RuleDetector.inkThreshold {
                var neighbours = 0
                for dy in -1...1 {
                    for dx in -1...1 where dx != 0 || dy != 0 {
                        let nx = x + dx, ny = y + dy
                        if nx >= 0, ny >= 0, nx < width, ny < height, original[nx, ny] < RuleDetector.inkThreshold {
                            neighbours += 1
                        }
                    }
                }
                if neighbours < 2 { self[x, y] = 255 } else { ink += 1 }
            }
        }
        return ink
    }
}

extension Character {
    /// A CJK ideograph or CJK punctuation (full-width forms included).
    var isCJK: Bool {
        unicodeScalars.contains { scalar in
            (0x3000...0x303F).contains(scalar.value) || (0x3400...0x9FFF).contains(scalar.value)
                || (0xF900...0xFAFF).contains(scalar.value) || (0xFF00...0xFFEF).contains(scalar.value)
        }
    }
}
