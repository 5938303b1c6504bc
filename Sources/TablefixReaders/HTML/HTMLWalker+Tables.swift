import TablefixModel
import TablefixXML

extension HTMLWalker {
    /// The parts of a `<table>`: its captions and its row groups, the first `thead` first and
    /// `tfoot` groups last.
    struct TableParts {
        struct Row {
            var element: MarkupElement
            var cells: [MarkupElement]
        }

        var captions: [MarkupElement] = []
        var groups: [[Row]] = []

        var cells: [MarkupElement] { groups.flatMap { $0.flatMap(\.cells) } }
    }

    /// Reads a table: a grid block followed by the blocks of the tables and images inside
    /// its cells, or, for a layout table, its cells' content as running text.
    mutating func table(_ table: MarkupElement) throws(ReadError) {
        flush()
        let parts = Self.parts(of: table)
        if Self.isLayout(table, parts) {
            for caption in parts.captions { try walk(caption) }
            for cell in parts.cells { try walk(cell) }
            return
        }
        for caption in parts.captions { try walk(caption) }
        var requests: [[[HTMLTableLayout.Request]]] = []
        var texts: [String] = []
        var lines: [Int] = []
        var rowLines: [Int] = []
        var nested: [Block] = []
        for group in parts.groups {
            var groupRequests: [[HTMLTableLayout.Request]] = []
            for row in group {
                rowLines.append(row.element.line)
                var rowRequests: [HTMLTableLayout.Request] = []
                for cell in row.cells {
                    var inner = HTMLWalker(path: path, isCell: true, budget: budget)
                    try inner.walkChildren(cell)
                    inner.flush()
                    imageSources.merge(inner.imageSources) { first, _ in first }
                    var pieces: [String] = []
                    for block in inner.blocks {
                        switch block.content {
                        case .heading(let textLines), .paragraph(let textLines): pieces += textLines.map(\.text)
                        default: nested.append(block)
                        }
                    }
                    texts.append(pieces.joined(separator: "\n").trimmingSpaces)
                    lines.append(cell.line)
                    rowRequests.append(
                        HTMLTableLayout.Request(
                            columnSpan: HTMLTableLayout.parseSpan(cell[attribute: "colspan"]) ?? 1,
                            rowSpan: HTMLTableLayout.parseSpan(cell[attribute: "rowspan"]) ?? 1))
                }
                groupRequests.append(rowRequests)
            }
            requests.append(groupRequests)
        }
        let layout: HTMLTableLayout
        do {
            layout = try HTMLTableLayout(groups: requests)
        } catch {
            throw ReadError(
                .tooLarge, file: path,
                reason: "table at line \(table.line) expands past \(HTMLTableLayout.slotLimit) cells")
        }
        guard budget.take(layout.width * layout.slots.count) else {
            throw ReadError(
                .tooLarge, file: path,
                reason: "tables expand past \(CellBudget.documentLimit) cells in all (at the table at line \(table.line))")
        }
        if layout.width > 0 {
            let grid = layout.grid(texts: texts, lines: lines, rowLines: rowLines)
            let last = max(table.line, lines.max() ?? table.line)
            blocks.append(Block(.table(grid), lines: table.line...last))
        }
        blocks += nested
    }

    /// Collects a table's captions and row groups in the order a browser shows them. Rows
    /// directly in the table (or in a wrapper such as a stray `<form>`) form implicit
    /// groups; the first `thead` goes first wherever the markup puts it (CSS's
    /// table-header-group, as pandas.read_html also reads it), later ones stay where they
    /// are; `tfoot` groups go last.
    static func parts(of table: MarkupElement) -> TableParts {
        var parts = TableParts()
        var header: [TableParts.Row]?
        var footers: [[TableParts.Row]] = []
        var implicit: [TableParts.Row] = []

        func closeImplicit() {
            if !implicit.isEmpty { parts.groups.append(implicit) }
            implicit = []
        }

        func visit(_ element: MarkupElement) {
            for child in element.elements {
                switch child.name {
                case "caption":
                    parts.captions.append(child)
                case "thead" where header == nil:
                    closeImplicit()
                    header = rows(of: child)
                case "thead", "tbody":
                    closeImplicit()
                    parts.groups.append(rows(of: child))
                case "tfoot":
                    closeImplicit()
                    footers.append(rows(of: child))
                case "tr":
                    implicit.append(TableParts.Row(element: child, cells: cells(of: child)))
                case "table", "colgroup", "col", "script", "style", "template":
                    continue
                default:
                    visit(child)
                }
            }
        }

        visit(table)
        closeImplicit()
        if let header { parts.groups.insert(header, at: 0) }
        parts.groups += footers
        return parts
    }

    private static func rows(of group: MarkupElement) -> [TableParts.Row] {
        var rows: [TableParts.Row] = []
        for child in group.elements {
            switch child.name {
            case "tr": rows.append(TableParts.Row(element: child, cells: cells(of: child)))
            case "table", "script", "style", "template": continue
            default: rows += self.rows(of: child)
            }
        }
        return rows
    }

    private static func cells(of row: MarkupElement) -> [MarkupElement] {
        var cells: [MarkupElement] = []
        for child in row.elements {
            switch child.name {
            case "td", "th": cells.append(child)
            case "table", "tr", "script", "style", "template": continue
            default: cells += self.cells(of: child)
            }
        }
        return cells
    }

    /// Whether a table lays out a page rather than holding data: it says so with
    /// `role="presentation"`, a cell holds a heading or four or more blocks (paragraphs,
    /// list items, divs with text, tables), or it has a single column and a cell holds a table.
    static func isLayout(_ table: MarkupElement, _ parts: TableParts) -> Bool {
        if let role = table[attribute: "role"]?.lowercased(), role == "presentation" || role == "none" { return true }
        let columns = parts.groups.flatMap { $0.map(\.cells.count) }.max() ?? 0
        for cell in parts.cells {
            let content = BlockCount(cell)
            if content.headings > 0 || content.blocks >= 4 { return true }
            if columns == 1, content.tables > 0 { return true }
        }
        return false
    }

    /// What a cell holds, not looking inside tables within it.
    struct BlockCount {
        var headings = 0
        var blocks = 0
        var tables = 0

        init(_ cell: MarkupElement) {
            count(cell)
        }

        private mutating func count(_ element: MarkupElement) {
            for child in element.elements {
                if child.name == "table" {
                    tables += 1
                    blocks += 1
                    continue
                }
                if HTMLWalker.headings.contains(child.name) { headings += 1 }
                if ["p", "li", "blockquote", "pre"].contains(child.name)
                    || (child.name == "div" && Self.holdsText(child))
                {
                    blocks += 1
                }
                count(child)
            }
        }

        /// A `div` that holds text of its own, not just other blocks.
        private static func holdsText(_ element: MarkupElement) -> Bool {
            element.children.contains { node in
                if case .text(let text, _) = node { return !text.isBlank }
                return false
            }
        }
    }
}
