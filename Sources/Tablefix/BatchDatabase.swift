public import TablefixWriters

/// A batch database as a whole: export it, merge shards into it, check continuity.
///
/// ```swift
/// let database = try BatchDatabase(path: "all.db", create: true)
/// try database.merge(["shard-1.db", "shard-2.db"])
/// try database.export(.wideCSV) { line in print(line, terminator: "") }
/// ```
public struct BatchDatabase: Sendable {
    /// What ``export(_:to:)`` writes.
    public enum ExportFormat: String, Sendable, CaseIterable {
        /// One spec/output.md object per document and line (what `repair --format json`
        /// prints, compact), documents ordered by path.
        case jsonl
        /// One CSV row per document, one column per cell key (`TABLE.ROW.COL`): the values.
        case wideCSV
        /// One CSV row per cell, with its raw text, confidence, inferred value, why, rule and
        /// line.
        case longCSV
        /// One CSV row per carried-over pair between consecutive reports of one body.
        case continuityCSV
        /// One CSV row per failed file: its path and the error.
        case failuresCSV
    }

    let store: BatchStore

    /// The database file.
    public var path: String { store.path }

    /// Opens the batch database at `path`, upgrading its schema if it is older.
    ///
    /// - Parameter create: Create the file if it is missing; otherwise a missing file is
    ///   an error.
    /// - Throws: ``StoreError`` when it is missing, not a batch database, or newer.
    public init(path: String, create: Bool = false) throws(StoreError) {
        store = try BatchStore(path: path, create: create)
    }

    /// Streams an export to `write`, one line (with its line ending) at a time.
    ///
    /// - Throws: ``StoreError`` when the database cannot be read, or the error `write`
    ///   throws (a ``StoreError`` naming the output, say).
    /// - Complexity: O(documents + cells); memory holds one document's cells at a time.
    public func export(_ format: ExportFormat, to write: (String) throws -> Void) throws(StoreError) {
        let kind: BatchStore.ExportKind =
            switch format {
            case .jsonl: .jsonl
            case .wideCSV: .wideCSV
            case .longCSV: .longCSV
            case .continuityCSV: .continuityCSV
            case .failuresCSV: .failuresCSV
            }
        // A batch killed before its end left the pairs of an earlier state.
        if format == .continuityCSV { try store.updateContinuity() }
        try store.export(kind, to: write)
    }

    /// Adds the documents of other batch databases (shards of one batch) to this one, then
    /// recomputes the continuity pairs. A document found in several keeps one row, under
    /// the path that sorts first; its other paths become links.
    ///
    /// - Returns: The number of documents each shard added, in order.
    /// - Throws: ``StoreError`` naming the shard that is missing or no batch database; the
    ///   shards merged before it stay merged.
    @discardableResult
    public func merge(_ shards: [String]) throws(StoreError) -> [Int] {
        var added: [Int] = []
        for shard in shards {
            added.append(try store.merge(from: shard))
        }
        try store.updateContinuity()
        return added
    }

    /// Recomputes the `continuity` table: each `requests` column's carried-out count of a
    /// body's report for one year against the carried-in count of its next year's report.
    ///
    /// - Returns: The number of pairs, and how many do not hold.
    @discardableResult
    public func updateContinuity() throws(StoreError) -> (pairs: Int, broken: Int) {
        try store.updateContinuity()
    }
}
