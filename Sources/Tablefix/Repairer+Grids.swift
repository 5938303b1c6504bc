public import TablefixOutput
public import TablefixReaders

extension Repairer {
    /// Reads the file at `path` and gives every table in it as a generic grid: what
    /// `tablefix repair --format grids` prints (``GridsJSON``).
    ///
    /// The grids are the reader's, before cleanup and template reconstruction, so that they
    /// can be compared cell for cell with what another reader makes of the same file.
    ///
    /// ```swift
    /// let grids = try Repairer().grids(path: "report.html")
    /// print(grids.rendered())   // [{"id": "t1", "status": "present", "rows": [[…]], "spans": […]}, …]
    /// ```
    ///
    /// - Throws: ``ReadError`` when the file cannot be read as a document.
    public func grids(path: String) throws(ReadError) -> JSONValue {
        GridsJSON().array(for: try reader.document(atPath: path))
    }

    /// The grids of a document given as bytes; `path` names it.
    public func grids(bytes: [UInt8], path: String) throws(ReadError) -> JSONValue {
        GridsJSON().array(for: try reader.document(from: bytes, path: path))
    }
}
