package import TablefixModel

/// Reads the table in a picture (a DOCX drawing, an HTML `<img>`): draws it straight at a
/// resolution OCR reads well, finds its ruling lines and reads each cell, as for a scanned
/// page. A picture with no ruled table, or too little text in it, is no table.
package struct ImageTableReader: Sendable {
    package var limits: PDFLimits
    package var ocr: PageOCR

    package init(limits: PDFLimits = .standard, ocr: PageOCR = PageOCR()) {
        self.limits = limits
        self.ocr = ocr
    }

    /// Pictures are taken as 96 pixels to the inch (a screen's), their points from that.
    static let pixelsPerInch = 96.0
    /// A picture is drawn at most this many pixels along its longer side.
    static let longestSide = 4_000.0

    /// Whether a table read from a picture holds text in at least a quarter of its cells
    /// (a picture of an empty or illegible grid is no table).
    static func holdsText(_ table: RuledTable) -> Bool {
        let cells = table.grid(firstLine: 1).rows.joined().filter { !$0.isSpanned }
        return cells.filter { !$0.text.isEmpty }.count * 4 >= cells.count
    }

    /// The table with the largest frame, the first of equals from the top: the one a
    /// picture is read for.
    static func largest(of tables: [RuledTable]) -> RuledTable? {
        tables.sorted { $0.box.y0 < $1.box.y0 }.max { $0.box.width * $0.box.height < $1.box.width * $1.box.height }
    }

    /// The picture's largest ruled table as a grid named after the picture, its rows
    /// numbered from `line`; nil when the bytes are no picture, it is larger than the pixel
    /// limit, or it holds no table with text in at least a quarter of its cells.
    package func grid(fromImage bytes: [UInt8], name: String, line: Int, path: String) -> Grid? {
        do {
            let context = try MuPDFContext(memoryLimit: limits.memory)
            let image = try MuPDFImage(bytes: bytes, context: context)
            guard image.width > 0, image.height > 0, image.width * image.height <= limits.pixels else { return nil }
            let points = 72 / Self.pixelsPerInch
            var reader = ocr
            reader.dpi = min(ocr.dpi, Self.longestSide / Double(max(image.width, image.height)) * Self.pixelsPerInch)
            // Only the largest table becomes the grid: the engine reads its cells (and those
            // of any table overlapping it, whose words may fall in its frame), nothing else.
            let content = try reader.read(
                number: 1, width: Double(image.width) * points, height: Double(image.height) * points, limits: limits,
                path: path, what: "image \(name)",
                only: { tables in
                    guard let largest = Self.largest(of: tables) else { return [] }
                    return tables.filter { $0.box.overlaps(largest.box) }
                }
            ) { dpi, rotation throws(MuPDFError) in
                try image.render(scale: dpi / Self.pixelsPerInch, rotation: rotation)
            }
            let tables = PageLayout(content).items.compactMap { item -> RuledTable? in
                if case .table(let table) = item { return table }
                return nil
            }
            guard let table = Self.largest(of: tables) else { return nil }
            guard Self.holdsText(table) else { return nil }
            var grid = table.grid(firstLine: line)
            // The picture is one line of its document: every row is on it.
            for row in grid.rows.indices {
                for column in grid.rows[row].indices { grid.rows[row][column].line = line }
            }
            grid.image = name
            return grid
        } catch {
            return nil
        }
    }
}
