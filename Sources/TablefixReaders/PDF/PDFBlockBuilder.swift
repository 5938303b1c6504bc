import TablefixModel

/// Turns laid-out pages into blocks: lines that wrap one paragraph join it, a table broken
/// across pages is joined into one grid, and every line of text and every table row gets
/// the next line number, so that `line` counts the document's lines in reading order.
struct PDFBlockBuilder {
    private(set) var blocks: [Block] = []
    private var nextLine = 1
    private var paragraph: [(line: TextLine, words: [PageWord])] = []
    private var paragraphPage: (layout: PageLayout, left: Double, right: Double)?
    private var openTable: RuledTable?
    /// Page headers and footers met while a table was open: they follow the table.
    private var deferred: [[PageWord]] = []
    private var deferredPage: PageLayout?
    private var pictureCount = 0

    /// Adds a page's items. A table that ends the page stays open: the next page's first
    /// table may carry it on.
    mutating func add(_ layout: PageLayout) {
        let body = layout.items.filter { !layout.isFurniture($0) }
        let lines = body.compactMap { item -> Box? in
            if case .line = item { return item.box }
            return nil
        }
        let left = lines.map(\.x0).min() ?? 0
        let right = lines.map(\.x1).max() ?? layout.width
        var first = true
        for item in layout.items {
            if layout.isFurniture(item), case .line(let words) = item {
                if openTable != nil {
                    deferred.append(words)
                    deferredPage = layout
                } else {
                    flushParagraph()
                    addParagraphLine(words, layout: layout, left: left, right: right)
                    flushParagraph()
                }
                continue
            }
            defer { first = false }
            switch item {
            case .table(let table):
                flushParagraph()
                if first, let open = openTable, open.continues(into: table) {
                    openTable = open.joined(with: table)
                } else {
                    flushTable()
                    openTable = table
                }
            case .line(let words):
                flushTable()
                addParagraphLine(words, layout: layout, left: left, right: right)
            case .image:
                flushTable()
                flushParagraph()
                pictureCount += 1
                blocks.append(Block(.image(name: "picture \(pictureCount) on page \(layout.page)"), lines: nextLine...nextLine))
                nextLine += 1
            }
        }
        // A table that ends its page stays open for the next page's first table.
        if !layout.endsWithTable { flushTable() }
    }

    /// Closes what is open and returns the blocks.
    mutating func finish() -> [Block] {
        flushTable()
        flushParagraph()
        return blocks
    }

    private mutating func flushTable() {
        guard let table = openTable else { return }
        openTable = nil
        let grid = table.grid(firstLine: nextLine)
        let count = max(grid.rows.count, 1)
        blocks.append(Block(.table(grid), lines: nextLine...(nextLine + count - 1)))
        nextLine += count
        if let layout = deferredPage {
            for words in deferred {
                addParagraphLine(words, layout: layout, left: 0, right: layout.width)
                flushParagraph()
            }
        }
        deferred = []
        deferredPage = nil
    }

    private mutating func addParagraphLine(_ words: [PageWord], layout: PageLayout, left: Double, right: Double) {
        guard let box = PageText.box(of: words) else { return }
        let text = PageText.text(of: words)
        if let (last, lastWords) = paragraph.last, let (lastLayout, lastLeft, lastRight) = paragraphPage,
            let lastBox = PageText.box(of: lastWords),
            !Self.continues(
                last: (text: last.text, box: lastBox, size: lastWords.map(\.size).max() ?? 0, samePage: lastLayout.page == layout.page,
                       left: lastLeft, right: lastRight),
                next: (text: text, box: box, size: words.map(\.size).max() ?? 0, left: left))
        {
            flushParagraph()
        }
        let region = PageRegion(page: layout.page, x: box.x0, y: box.y0, width: box.width, height: box.height)
        paragraph.append((TextLine(text, line: nextLine, region: region, ocrConfidence: PageText.confidence(of: words)), words))
        paragraphPage = (layout, left, right)
        nextLine += 1
    }

    /// Whether a line carries on the paragraph of the line before it: that line ran to the
    /// right margin, this one starts at the left margin (no first-line indent), is not a
    /// heading, in the same size, close below (or at the top of the next page).
    private static func continues(
        last: (text: String, box: Box, size: Double, samePage: Bool, left: Double, right: Double),
        next: (text: String, box: Box, size: Double, left: Double)
    ) -> Bool {
        let size = max(last.size, 1)
        guard last.box.x1 >= last.right - 1.5 * size, next.box.x0 <= next.left + 0.6 * size else { return false }
        guard abs(next.size - last.size) <= 0.15 * size, !LineRole.isHeading(next.text) else { return false }
        if last.samePage {
            let gap = next.box.y0 - last.box.y1
            return gap >= -0.3 * size && gap <= 1.2 * max(last.box.height, size)
        }
        return true
    }

    private mutating func flushParagraph() {
        guard let first = paragraph.first, let last = paragraph.last else { return }
        let lines = paragraph.map(\.line)
        let range = first.line.line...last.line.line
        if lines.count == 1, LineRole.isHeading(first.line.text.trimmingSpaces) {
            blocks.append(Block(.heading(lines), lines: range))
        } else {
            blocks.append(Block(.paragraph(lines), lines: range))
        }
        paragraph = []
        paragraphPage = nil
    }
}
