internal import CPDF

/// One page of a ``MuPDFDocument``, interpreted once into a display list: its characters,
/// its rules and images, and its pixels, each read from the list.
final class MuPDFPage {
    private let context: MuPDFContext
    private let list: OpaquePointer
    private let timeLimit: Double
    /// The page's box in points (origin top left), its rotation applied.
    let bounds: Box

    init(context: MuPDFContext, list: OpaquePointer, bounds: fz_rect, timeLimit: Double) {
        self.context = context
        self.list = list
        self.timeLimit = timeLimit
        self.bounds = Box(x0: Double(bounds.x0), y0: Double(bounds.y0), x1: Double(bounds.x1), y1: Double(bounds.y1))
    }

    deinit { fz_drop_display_list(context.context, list) }

    /// The page's words: runs of characters on one baseline with no gap wider than a
    /// quarter of the font size between them; spaces end a word and are dropped. A page whose
    /// text mostly runs down, up or upside down (a table printed sideways) has its words
    /// turned back upright, and says by how much.
    func words() throws(MuPDFError) -> (words: [PageWord], turn: PageTurn) {
        let cookie = Cookie(timeLimit: timeLimit)
        var text: UnsafeMutablePointer<fz_stext_page>?
        guard tf_text(context.context, list, cookie.pointer, &text) == Int32(TF_OK), let text else {
            throw context.caughtError()
        }
        defer { fz_drop_stext_page(context.context, text) }
        if cookie.timedOut { throw MuPDFError(code: .timedOut, message: "text took too long") }
        if cookie.stopped { throw MuPDFError(code: .failed, message: "text could not be read") }
        var lines: [fz_stext_line] = []
        var block = text.pointee.first_block
        while let current = block {
            if current.pointee.type == Int32(FZ_STEXT_BLOCK_TEXT) {
                var line = current.pointee.u.t.first_line
                while let textLine = line {
                    lines.append(textLine.pointee)
                    line = textLine.pointee.next
                }
            }
            block = current.pointee.next
        }
        var directions: [(x: Double, y: Double)] = []
        for line in lines {
            var char = line.first_char
            while let current = char {
                directions.append((Double(line.dir.x), Double(line.dir.y)))
                char = current.pointee.next
            }
        }
        let turn = PageTurn.of(directions: directions, shown: bounds)
        var words: [PageWord] = []
        for line in lines { Self.appendWords(of: line, turn: turn, to: &words) }
        return (words, turn)
    }

    private static func appendWords(of line: fz_stext_line, turn: PageTurn, to words: inout [PageWord]) {
        var scalars = String.UnicodeScalarView()
        var box: Box?
        var wordSize = 0.0
        func finish() {
            if let finished = box, !scalars.isEmpty {
                words.append(PageWord(text: String(scalars), box: finished, size: wordSize))
            }
            scalars = String.UnicodeScalarView()
            box = nil
            wordSize = 0
        }
        var char = line.first_char
        while let current = char {
            let glyph = current.pointee
            char = glyph.next
            guard let scalar = Unicode.Scalar(UInt32(bitPattern: glyph.c)) else { continue }
            if scalar.properties.isWhitespace {
                finish()
                continue
            }
            // The font's own ascent and descent make boxes of very different heights (a CJK
            // font's can be three times its size); an em square on the baseline is the same
            // for every font.
            let quad = glyph.quad
            let (ul, ll, ur, lr) = (
                turn.upright(x: Double(quad.ul.x), y: Double(quad.ul.y)), turn.upright(x: Double(quad.ll.x), y: Double(quad.ll.y)),
                turn.upright(x: Double(quad.ur.x), y: Double(quad.ur.y)), turn.upright(x: Double(quad.lr.x), y: Double(quad.lr.y))
            )
            let size = Double(glyph.size), baseline = turn.upright(x: Double(glyph.origin.x), y: Double(glyph.origin.y)).y
            let glyphBox = Box(
                x0: min(ul.x, ll.x), y0: baseline - 0.88 * size,
                x1: max(ur.x, lr.x), y1: baseline + 0.12 * size)
            if let current = box {
                let gap = glyphBox.x0 - current.x1
                if gap > 0.25 * size || gap < -size || glyphBox.verticalOverlap(current) < 0.5 {
                    finish()
                }
            }
            box = box.map { $0.union(glyphBox) } ?? glyphBox
            wordSize = max(wordSize, size)
            scalars.append(scalar)
        }
        finish()
    }

    /// The straight lines the page draws (rules), the images it paints, and whether its text
    /// is all drawn invisibly (render mode 3, as OCR programs lay their text over a scan).
    func geometry() throws(MuPDFError) -> (rules: [Rule], images: [PageImage], invisibleText: Bool) {
        let cookie = Cookie(timeLimit: timeLimit)
        var rules = tf_marks()
        var images = tf_marks()
        var visibleGlyphs: Int32 = 0
        var invisibleGlyphs: Int32 = 0
        guard tf_geometry(context.context, list, cookie.pointer, &rules, &images, &visibleGlyphs, &invisibleGlyphs)
            == Int32(TF_OK)
        else {
            throw context.caughtError()
        }
        defer {
            tf_marks_drop(context.context, &rules)
            tf_marks_drop(context.context, &images)
        }
        if cookie.timedOut { throw MuPDFError(code: .timedOut, message: "drawing took too long") }
        if cookie.stopped { throw MuPDFError(code: .failed, message: "drawing could not be read") }
        var lines: [Rule] = []
        for index in 0..<Int(rules.count) {
            let box = rules.marks[index].box
            let width = Double(box.x1 - box.x0), height = Double(box.y1 - box.y0)
            if width >= height {
                lines.append(
                    Rule(direction: .horizontal, position: Double(box.y0 + box.y1) / 2, start: Double(box.x0),
                         end: Double(box.x1)))
            } else {
                lines.append(
                    Rule(direction: .vertical, position: Double(box.x0 + box.x1) / 2, start: Double(box.y0),
                         end: Double(box.y1)))
            }
        }
        var pictures: [PageImage] = []
        for index in 0..<Int(images.count) {
            let mark = images.marks[index]
            pictures.append(
                PageImage(
                    box: Box(x0: Double(mark.box.x0), y0: Double(mark.box.y0), x1: Double(mark.box.x1), y1: Double(mark.box.y1)),
                    pixelWidth: Int(mark.width), pixelHeight: Int(mark.height)))
        }
        return (lines, pictures, invisibleGlyphs > 0 && visibleGlyphs * 20 <= invisibleGlyphs)
    }

    /// Draws the page at `dpi` as 8-bit gray pixels, turned by `rotation` degrees
    /// (clockwise) about the centre of `area` (points; the whole page by default). The
    /// picture keeps the area's size, so a pixel is `72 / dpi` points of the turned area.
    func render(dpi: Double, rotation: Double = 0, area: Box? = nil) throws(MuPDFError) -> GrayImage {
        let scale = Float(dpi / 72)
        let clip = area ?? bounds
        let width = Int32((clip.width * dpi / 72).rounded()), height = Int32((clip.height * dpi / 72).rounded())
        var matrix = fz_translate(-Float(clip.midX), -Float(clip.midY))
        matrix = fz_concat(matrix, fz_rotate(Float(rotation)))
        matrix = fz_concat(matrix, fz_scale(scale, scale))
        matrix = fz_concat(matrix, fz_translate(Float(width) / 2, Float(height) / 2))
        let pixels = fz_irect(x0: 0, y0: 0, x1: max(width, 1), y1: max(height, 1))
        let cookie = Cookie(timeLimit: timeLimit)
        var pixmap: UnsafeMutablePointer<fz_pixmap>?
        guard tf_render_gray(context.context, list, matrix, pixels, cookie.pointer, &pixmap) == Int32(TF_OK),
            let pixmap
        else { throw context.caughtError() }
        defer { fz_drop_pixmap(context.context, pixmap) }
        if cookie.timedOut { throw MuPDFError(code: .timedOut, message: "drawing took too long") }
        if cookie.stopped { throw MuPDFError(code: .failed, message: "page could not be drawn") }
        return GrayImage(copying: pixmap, context: context)
    }
}

extension GrayImage {
    /// A copy of a gray MuPDF pixmap's samples.
    init(copying pixmap: UnsafeMutablePointer<fz_pixmap>, context: MuPDFContext) {
        let width = Int(fz_pixmap_width(context.context, pixmap))
        let height = Int(fz_pixmap_height(context.context, pixmap))
        let stride = Int(fz_pixmap_stride(context.context, pixmap))
        var pixels = [UInt8](repeating: 255, count: width * height)
        if let samples = fz_pixmap_samples(context.context, pixmap) {
            pixels.withUnsafeMutableBufferPointer { target in
                guard let base = target.baseAddress else { return }
                for row in 0..<height {
                    (base + row * width).update(from: samples + row * stride, count: width)
                }
            }
        }
        self.init(width: width, height: height, pixels: pixels)
    }
}

extension GrayImage {
    /// The picture as PNG bytes.
    func png(context: MuPDFContext) throws(MuPDFError) -> [UInt8] {
        var pixmap: UnsafeMutablePointer<fz_pixmap>?
        let made = pixels.withUnsafeBufferPointer { samples in
            tf_pixmap_from_gray(context.context, Int32(width), Int32(height), samples.baseAddress, width, &pixmap)
        }
        guard made == Int32(TF_OK), let pixmap else { throw context.caughtError() }
        defer { fz_drop_pixmap(context.context, pixmap) }
        var buffer: UnsafeMutablePointer<fz_buffer>?
        guard tf_png(context.context, pixmap, &buffer) == Int32(TF_OK), let buffer else { throw context.caughtError() }
        defer { fz_drop_buffer(context.context, buffer) }
        var data: UnsafeMutablePointer<UInt8>?
        let count = fz_buffer_storage(context.context, buffer, &data)
        guard let data else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: count))
    }
}
