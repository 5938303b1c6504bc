package import TablefixModel

/// Reads a PDF into a ``Document`` from the geometry of its pages, not from a text dump:
/// each page's words with their boxes (from the text layer, or by OCR for a page that has
/// none), its ruling lines and its pictures; ruled tables become grids with their merged
/// cells, a table broken across pages one grid, the other lines paragraphs in reading order.
///
/// Faithful like every reader: it rebuilds what the page shows and interprets nothing.
package struct PDFReader: Sendable {
    package var limits: PDFLimits
    package var ocr: PageOCR

    package init(limits: PDFLimits = .standard, ocr: PageOCR = PageOCR()) {
        self.limits = limits
        self.ocr = ocr
    }

    /// Reads the PDF in `bytes`; `path` names it in errors and in the document's source.
    ///
    /// - Throws: ``ReadError``: encrypted (`needs a password`), broken, or past a limit.
    package func document(from bytes: [UInt8], path: String) throws(ReadError) -> Document {
        try document(from: bytes, path: path, pictureType: nil)
    }

    /// Reads a picture (PNG, JPEG, TIFF, GIF) as one scanned page: by OCR with geometry, its
    /// ruled tables cell by cell. The document's format is `image`.
    ///
    /// - Throws: ``ReadError``: not a picture MuPDF can decode, or past a limit.
    package func document(fromPicture bytes: [UInt8], path: String) throws(ReadError) -> Document {
        guard let type = FormatSniffer.pictureType(of: bytes) else {
            throw ReadError(.unsupported, file: path, reason: "not a PNG, JPEG, TIFF or GIF picture")
        }
        return try document(from: bytes, path: path, pictureType: type)
    }

    /// The fewest pixels a side of a picture read as a page has: smaller ones are refused.
    static let smallestTablePicture = 200

    private func document(from bytes: [UInt8], path: String, pictureType: String?) throws(ReadError) -> Document {
        do {
            let context = try MuPDFContext(memoryLimit: limits.memory)
            let pdf = try MuPDFDocument(bytes: bytes, context: context, pictureType: pictureType)
            guard pdf.pageCount > 0 else {
                let reason = pdf.wasRepaired ? "damaged PDF (cut short?): no page could be found" : "PDF has no pages"
                throw ReadError(.corrupt, file: path, reason: reason)
            }
            guard pdf.pageCount <= limits.pages else {
                throw ReadError(
                    .tooLarge, file: path,
                    reason: "PDF has \(pdf.pageCount) pages, more than the limit of \(limits.pages)")
            }
            var layouts: [PageLayout] = []
            for index in 0..<pdf.pageCount {
                layouts.append(PageLayout(try pageContent(pdf, index: index, path: path, isPicture: pictureType != nil)))
            }
            Self.markRecurringBands(&layouts)
            var builder = PDFBlockBuilder()
            for layout in layouts { builder.add(layout) }
            let ocrPages = layouts.filter(\.isOCR).count
            let encoding = ocrPages > 0 ? "ocr" : "text-layer"
            let format: InputFormat = pictureType == nil ? .pdf : .image
            return Document(source: Source(path: path, format: format, encoding: encoding), blocks: builder.finish())
        } catch let error as ReadError {
            throw error
        } catch let error as MuPDFError {
            if pictureType != nil, error.code == .failed {
                throw ReadError(.corrupt, file: path, reason: "not a readable picture (\(error.message))")
            }
            throw Self.readError(error, path: path)
        } catch {
            throw ReadError(.corrupt, file: path, reason: "\(error)")
        }
    }

    /// A page's words and rules: from its text layer, or by OCR when it has no text and a
    /// picture covers it. The page of a picture read as a document (`isPicture`) is refused
    /// when the picture is too small to hold a table.
    private func pageContent(_ pdf: MuPDFDocument, index: Int, path: String, isPicture: Bool) throws -> PageContent {
        let page = try pdf.page(index, timeLimit: limits.secondsPerPage)
        let (words, turn) = try page.words()
        let (rules, images, invisibleText) = try page.geometry()
        let number = index + 1
        for image in images where image.pixelWidth * image.pixelHeight > limits.pixels {
            throw ReadError(
                .tooLarge, file: path,
                reason: "page \(number) paints an image of \(image.pixelWidth) × \(image.pixelHeight) pixels, more than the limit of \(limits.pixels)")
        }
        if isPicture, let picture = images.first, min(picture.pixelWidth, picture.pixelHeight) < Self.smallestTablePicture {
            // An icon, a logo, a button: a batch over a web archive meets thousands.
            throw ReadError(
                .unsupported, file: path,
                reason: "a picture of \(picture.pixelWidth) × \(picture.pixelHeight) pixels, too small to hold a table")
        }
        var content = PageContent(
            page: number, width: turn.width, height: turn.height, words: words, rules: rules.map(turn.upright),
            images: images.map { PageImage(box: turn.upright($0.box), pixelWidth: $0.pixelWidth, pixelHeight: $0.pixelHeight) },
            textIsInvisible: invisibleText)
        if needsOCR(content) { return try ocr.read(page, number: number, limits: limits, path: path) }
        // A page turned back upright is read from its text layer alone: its pictures would
        // be drawn as the page shows them.
        guard turn.quarters == 0 else {
            content.images = []
            return content
        }
        return try readingTables(inPicturesOf: content, page: page, path: path)
    }

    /// The content with the tables of its pictures read: a picture on a page with a text
    /// layer, large and with no word over it, is read by OCR; when it holds a ruled table,
    /// with text in a quarter of its cells, the table's rules and words join the page's and
    /// the picture is no longer a picture (a picture of an empty grid stays a picture).
    private func readingTables(inPicturesOf content: PageContent, page: MuPDFPage, path: String) throws -> PageContent {
        var content = content
        let pageArea = content.width * content.height
        for (index, image) in content.images.enumerated().reversed() {
            let box = image.box
            guard box.width * box.height >= PageLayout.pictureShare * pageArea,
                !content.words.contains(where: { box.contains(x: $0.box.midX, y: $0.box.midY) })
            else { continue }
            let read = try ocr.read(
                number: content.page, width: box.width, height: box.height, limits: limits, path: path,
                what: "a picture on page \(content.page)"
            ) { dpi, rotation throws(MuPDFError) in
                try page.render(dpi: dpi, rotation: rotation, area: box)
            }
            let tables = PageLayout(read).items.compactMap { item -> RuledTable? in
                if case .table(let table) = item { return table }
                return nil
            }
            guard tables.contains(where: ImageTableReader.holdsText) else { continue }
            content.words += read.words.map { word in
                var moved = word
                moved.box = Box(x0: word.box.x0 + box.x0, y0: word.box.y0 + box.y0, x1: word.box.x1 + box.x0, y1: word.box.y1 + box.y0)
                return moved
            }
            content.rules += read.rules.map { rule in
                let (along, across) = rule.direction == .horizontal ? (box.x0, box.y0) : (box.y0, box.x0)
                return Rule(direction: rule.direction, position: rule.position + across, start: rule.start + along, end: rule.end + along)
            }
            content.images.remove(at: index)
        }
        return content
    }

    /// Finds the header and footer lines that recur on two pages or more.
    static func markRecurringBands(_ layouts: inout [PageLayout]) {
        var pagesByText: [String: Set<Int>] = [:]
        for layout in layouts {
            for case .line(let words) in layout.items {
                if let text = layout.bandText(words) { pagesByText[text, default: []].insert(layout.page) }
            }
        }
        let recurring = Set(pagesByText.filter { $0.value.count >= 2 }.keys)
        for index in layouts.indices { layouts[index].recurring = recurring }
    }

    /// A page needs OCR when its text layer cannot be read or is another program's OCR: it
    /// has (almost) no text of its own and pictures cover most of it (a scan); or its text
    /// is drawn invisibly over pictures that cover most of it (a scan with an OCR program's
    /// text laid over it, which gives words without the table's geometry); or most of its
    /// characters have no Unicode (fonts embedded without a ToUnicode map, whose glyphs come
    /// out as U+FFFD or in the private use area) although the page draws them.
    func needsOCR(_ content: PageContent) -> Bool {
        let pageArea = content.width * content.height
        let pictured = content.images.reduce(0.0) { $0 + $1.box.width * $1.box.height }
        if content.textIsInvisible, pictured >= 0.3 * pageArea { return true }
        var characters = 0
        var unreadable = 0
        for word in content.words {
            for scalar in word.text.unicodeScalars where !scalar.properties.isWhitespace {
                characters += 1
                if Self.hasNoReadableText(scalar) { unreadable += 1 }
            }
        }
        if characters >= 20 { return unreadable * 3 >= characters }
        return pictured >= 0.3 * pageArea
    }

    /// A character a font without a Unicode map yields: the replacement character, a private
    /// use code point or a control character.
    static func hasNoReadableText(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .privateUse, .control, .unassigned: true
        default: scalar == "\u{FFFD}"
        }
    }

    static func readError(_ error: MuPDFError, path: String) -> ReadError {
        switch error.code {
        case .encrypted: ReadError(.unsupported, file: path, reason: "PDF is encrypted (needs a password)")
        case .outOfMemory: ReadError(.tooLarge, file: path, reason: "PDF needs more memory than the limit allows")
        case .timedOut: ReadError(.tooLarge, file: path, reason: "PDF \(error.message): more than the time limit per page")
        case .failed: ReadError(.corrupt, file: path, reason: "not a readable PDF (\(error.message))")
        }
    }
}
