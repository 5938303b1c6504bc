public import TablefixReaders
import TablefixWriters

extension Repairer {
    /// Reads the file at `path` and gives every table in it as a generic grid, as JSON
    /// text: what `tablefix repair --format grids` prints (``GridsJSON``).
    ///
    /// The grids are the reader's, before cleanup and template reconstruction, so that they
    /// can be compared cell for cell with what another reader makes of the same file.
    ///
    /// ```swift
    /// let grids = try Repairer().gridsJSON(path: "report.html")
    /// print(grids)   // [{"id": "t1", "status": "present", "rows": [[…]], "spans": […]}, …]
    /// ```
    ///
    /// - Throws: ``ReadError`` when the file cannot be read as a document.
    public func gridsJSON(path: String) throws(ReadError) -> String {
        GridsJSON().array(for: try reader.document(atPath: path)).rendered()
    }
}
