public import TablefixModel

/// Builds what `tablefix repair --format grids` prints: every table of a document as a
/// generic grid of spec/output.md, in document order, canonical or not.
///
/// ```swift
/// let grids = GridsJSON().array(for: document)
/// print(grids.rendered())   // [{"id": "t1", "status": "present", "rows": [[…]], "spans": […]}, …]
/// ```
///
/// Tables are numbered `t1`, `t2` … in the order they appear; rows are the grid's rows,
/// merged cells expanded with their text copied into every slot they cover, and `spans`
/// records each merge. Tables that cleanup removed as clutter are left out.
public struct GridsJSON: Sendable {
    public init() {}

    /// The JSON array of the document's tables as generic grids.
    ///
    /// - Complexity: O(n) in the number of slots of all tables.
    public func array(for document: Document) -> JSONValue {
        var grids: [JSONValue] = []
        for block in document.blocks {
            guard case .table(let grid) = block.content else { continue }
            let table = ExtractedTable(id: "t\(grids.count + 1)", status: .present, confidence: 0, grid: grid)
            grids.append(RepairJSON().table(table))
        }
        return .array(grids)
    }
}
