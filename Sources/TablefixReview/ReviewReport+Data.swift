import TablefixModel
import TablefixOutput
import TablefixStore

/// The strings that repeat across documents (cell keys, rules, whys, check rules and
/// columns), each written once in the page's index and referred to by position.
struct StringTable {
    private(set) var strings: [String] = []
    private var ids: [String: Int] = [:]

    /// The position of `string`, added when new, as a JSON number.
    mutating func id(_ string: String) -> JSONValue {
        if let known = ids[string] { return .number(Double(known)) }
        let id = strings.count
        ids[string] = id
        strings.append(string)
        return .number(Double(id))
    }

    /// The position of `string`, or null.
    mutating func id(_ string: String?) -> JSONValue {
        guard let string else { return .null }
        return id(string)
    }
}

extension ReviewReport {
    /// What the page's document list and queue need of a document, without its text.
    static func indexEntry(_ document: ReviewDocument, failedChecks: Int) -> JSONValue {
        .object([
            ("source", .string(document.source)),
            ("hash", .string(document.hash)),
            ("format", .string(document.format)),
            ("encoding", .string(document.encoding)),
            ("template", .string(document.template)),
            ("template_confidence", .number(document.templateConfidence.map(RepairJSON.rounded))),
            ("body", .string(document.body)),
            ("year", .number(document.year.map(Double.init))),
            ("confidence", .number(document.confidence.map(RepairJSON.rounded))),
            ("error", .string(document.error)),
            ("tables", .array(document.tables.map { table -> JSONValue in
                let canonical = table.status == .present && table.grid == nil
                return .array([
                    .string(table.id), .string(table.status.rawValue),
                    .number(canonical ? RepairJSON.rounded(table.confidence) : nil),
                ])
            })),
            ("failed", .number(Double(failedChecks))),
            ("reviewed", .array(document.reviews.map { .string($0.table + "|" + $0.key) })),
            ("duplicates", .array(document.duplicates.map(JSONValue.string))),
        ])
    }

    /// A document's lines, blocks, edits, tables and earlier reviews, compactly: blocks,
    /// cells, checks and edits as arrays in a fixed order, repeated strings as positions
    /// in `strings` (the script expands them when it opens the document).
    static func documentData(_ document: ReviewDocument, strings: inout StringTable) -> JSONValue {
        var members: [(String, JSONValue)] = []
        members.append(("lines", document.sourceLines.map { .array($0.map(JSONValue.string)) } ?? .null))
        if let note = document.sourceNote { members.append(("note", .string(note))) }
        if let blocks = document.blocks {
            members.append(("blocks", .array(blocks.map { block(data: $0, lines: document.sourceLines) })))
        } else {
            members.append(("blocks", .null))
            members.append(("text", .string(document.text)))
        }
        members.append(("edits", .array(document.edits.map { edit in
            .array([
                .string(edit.kind.rawValue), .string(edit.before), .string(edit.after), .number(Double(edit.line)),
                .number(RepairJSON.rounded(edit.confidence)),
            ])
        })))
        members.append(("tables", .array(document.tables.map { table in
            tableData(table, crops: document.pageCrops[table.id] ?? [], strings: &strings)
        })))
        members.append(("reviews", .array(document.reviews.map { review in
            .array([
                .string(review.table), .string(review.key), .string(review.action.rawValue), .number(review.value),
                .number(review.original), .string(review.reviewedAt),
            ])
        })))
        return .object(members)
    }

    /// `[first, last, kind, text, reason]`: kind `h`, `p`, `t`, `i` (image) or `r`
    /// (removed). The text is null when it is the input's lines as they were, joined
    /// (without a separator for text, with line breaks for a table), which the script
    /// rebuilds: most of a document is not changed by cleanup.
    static func block(data block: Block, lines: [String]?) -> JSONValue {
        let first = block.lines.lowerBound, last = block.lines.upperBound
        func unchanged(_ text: String, separator: String) -> Bool {
            guard let lines, first >= 1, last <= lines.count else { return false }
            return lines[(first - 1)..<last].joined(separator: separator) == text
        }
        let kind: String, text: String?
        var reason: String?
        switch block.content {
        case .heading, .paragraph:
            kind = block.isHeading ? "h" : "p"
            text = unchanged(block.text, separator: "") ? nil : block.text
        case .table:
            kind = "t"
            text = unchanged(block.text, separator: "\n") ? nil : block.text
        case .image(let name):
            kind = "i"
            text = name
        case .removed(let removed, let why):
            kind = "r"
            text = removed
            reason = why
        }
        var items: [JSONValue] = [.number(Double(first)), .number(Double(last)), .string(kind), .string(text)]
        if let reason { items.append(.string(reason)) }
        return .array(items)
    }

    /// A canonical table, or a generic grid's rows.
    ///
    /// A cell is `[key, value, raw, confidence, rule, line, why, inferred]` and a check
    /// `[rule, column, ok, cells, left, right]`, where key, rule, why and column are
    /// positions in `strings`, a check's cells are positions in the table's cells, and
    /// trailing nulls are left out.
    static func tableData(_ table: ExtractedTable, crops: [String] = [], strings: inout StringTable) -> JSONValue {
        var members: [(String, JSONValue)] = [("id", .string(table.id)), ("status", .string(table.status.rawValue))]
        if !crops.isEmpty { members.append(("crops", .array(crops.map(JSONValue.string)))) }
        if let grid = table.grid {
            members.append(("rows", .array(grid.rows.map { row in .array(row.map { .string($0.text) }) })))
            return .object(members)
        }
        members.append(("confidence", .number(RepairJSON.rounded(table.confidence))))
        var positions: [String: Int] = [:]
        var cells: [JSONValue] = []
        cells.reserveCapacity(table.cells.count)
        for (position, cell) in table.cells.enumerated() {
            if positions[cell.key] == nil { positions[cell.key] = position }
            var items: [JSONValue] = [
                strings.id(cell.key), .number(cell.value), .string(cell.raw),
                .number(RepairJSON.rounded(cell.confidence)), strings.id(cell.rule.rawValue), .number(Double(cell.line)), strings.id(cell.why), .number(cell.inferred),
            ]
            trimNulls(&items)
            cells.append(.array(items))
        }
        members.append(("cells", .array(cells)))
        members.append(("checks", .array(table.checks.map { check in
            var items: [JSONValue] = [
                strings.id(check.rule), strings.id(check.column), check.ok.map(JSONValue.bool) ?? .null,
                // A key the table does not hold (never, in practice) stays a string.
                .array(check.cells.map { key in
                    positions[key].map { JSONValue.number(Double($0)) } ?? .string(key)
                }),
                .number(check.left), .number(check.right), strings.id(check.sentence),
            ]
            trimNulls(&items)
            return .array(items)
        })))
        return .object(members)
    }

    private static func trimNulls(_ items: inout [JSONValue]) {
        while let last = items.last, last == .null { items.removeLast() }
    }
}
