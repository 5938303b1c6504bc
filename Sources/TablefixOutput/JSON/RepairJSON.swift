public import TablefixModel

/// Builds the object that `tablefix repair --format json` prints (spec/output.md).
public struct RepairJSON: Sendable {
    public init() {}

    /// The output object of one repaired document.
    ///
    /// - Parameter version: The tablefix that made it, for the `tablefix_version` member.
    public func object(for document: Document, extraction: Extraction, version: String = TablefixVersion.current)
        -> JSONValue
    {
        object(
            source: document.source.path, format: document.source.format.rawValue, encoding: document.source.encoding,
            extraction: extraction, tables: extraction.tables.map(table), text: document.text,
            edits: document.edits.map(edit), version: version)
    }

    /// The output object from its parts, as a batch database holds them: the header of
    /// `extraction` (its tables are given already rendered, as `tables`).
    package func object(source: String, format: String, encoding: String?, extraction: Extraction, tables: [JSONValue],
                        text: String, edits: [JSONValue], version: String) -> JSONValue {
        .object([
            ("source", .string(source)),
            ("format", .string(format)),
            ("encoding", .string(encoding)),
            ("template", .string(extraction.template)),
            ("template_confidence", .number(Self.rounded(extraction.templateConfidence))),
            ("body", .string(extraction.body)),
            ("year", .number(extraction.year.map(Double.init))),
            ("confidence", .number(Self.rounded(extraction.confidence))),
            ("tables", .array(tables)),
            ("text", .string(text)),
            ("edits", .array(edits)),
            ("tablefix_version", .string(version)),
        ])
    }

    package func table(_ table: ExtractedTable) -> JSONValue {
        var members: [(String, JSONValue)] = [("id", .string(table.id)), ("status", .string(table.status.rawValue))]
        if let grid = table.grid {
            members.append(("rows", .array(grid.rows.map { row in .array(row.map { .string($0.text) }) })))
            members.append(("spans", .array(grid.spans.map { span in
                .object([("row", .number(Double(span.row))), ("column", .number(Double(span.column))),
                         ("rowspan", .number(Double(span.rowSpan))), ("colspan", .number(Double(span.columnSpan)))])
            })))
            return .object(members)
        }
        members.append(("confidence", .number(Self.rounded(table.confidence))))
        members.append(("cells", .array(table.cells.map(cell))))
        members.append(("checks", .array(table.checks.map(check))))
        return .object(members)
    }

    package func cell(_ cell: ExtractedCell) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("key", .string(cell.key)), ("value", .number(cell.value)), ("raw", .string(cell.raw)),
            ("confidence", .number(Self.rounded(cell.confidence))),
        ]
        if let inferred = cell.inferred { members.append(("inferred", .number(inferred))) }
        if let why = cell.why { members.append(("why", .string(why))) }
        members.append(("rule", .string(cell.rule.rawValue)))
        members.append(("line", .number(Double(cell.line))))
        return .object(members)
    }

    package func check(_ check: Check) -> JSONValue {
        var members: [(String, JSONValue)] = [("rule", .string(check.rule))]
        if check.kind != .arithmetic { members.append(("kind", .string(check.kind.rawValue))) }
        if let column = check.column { members.append(("column", .string(column))) }
        members.append(("ok", check.ok.map(JSONValue.bool) ?? .null))
        if check.ok == false {
            members.append(("left", .number(check.left)))
            members.append(("right", .number(check.right)))
        }
        if let sentence = check.sentence { members.append(("sentence", .string(sentence))) }
        if let line = check.line { members.append(("line", .number(Double(line)))) }
        return .object(members)
    }

    package func edit(_ edit: Edit) -> JSONValue {
        .object([
            ("kind", .string(edit.kind.rawValue)), ("before", .string(edit.before)), ("after", .string(edit.after)),
            ("line", .number(Double(edit.line))), ("confidence", .number(Self.rounded(edit.confidence))),
        ])
    }

    package static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
