public import TablefixOutput
public import TablefixStore
import TablefixReconstruction

/// A batch database as a whole: export it, merge shards into it, check continuity.
///
/// ```swift
/// let database = try BatchDatabase(path: "all.db", create: true)
/// try database.merge(["shard-1.db", "shard-2.db"])
/// try database.export(.csv) { line in print(line, terminator: "") }
/// ```
public struct BatchDatabase: Sendable {
    /// What ``export(_:options:to:)`` writes; the raw values are the command line's.
    public enum ExportFormat: String, Sendable, CaseIterable {
        /// One spec/output.md object per document and line (what `repair --format json`
        /// prints, compact), documents ordered by path, then a line per linked path.
        case jsonl
        /// One CSV row per document and per linked path, one column per cell key
        /// (`TABLE.ROW.COL`): the values.
        case csv
        /// One CSV row per cell, with its raw text, confidence, inferred value, why, rule and
        /// line.
        case csvLong = "csv-long"
        /// The wide table as tab-separated values.
        case tsv
        /// One CSV row per pair of cells the templates' continuity relations join.
        case continuity
        /// One CSV row per failed file: its path and the error.
        case failures
    }

    /// Which rows an export takes, by status.
    public enum ExportStatus: String, Sendable, CaseIterable {
        /// Documents read and repaired.
        case done
        /// Paths holding the same bytes as a document.
        case linked
        /// Files that could not be read.
        case failed
    }

    /// Which documents and values an export takes.
    public struct ExportOptions: Sendable, Equatable {
        /// The machine's values only; by default a reviewed cell has the reviewer's value.
        public var machineValues: Bool
        /// Only documents that follow this template.
        public var template: String?
        /// Only documents whose confidence is at least this.
        public var minimumConfidence: Double?
        /// Only rows of this status; nil for documents and linked paths.
        public var status: ExportStatus?

        public init(machineValues: Bool = false, template: String? = nil, minimumConfidence: Double? = nil,
                    status: ExportStatus? = nil) {
            self.machineValues = machineValues
            self.template = template
            self.minimumConfidence = minimumConfidence
            self.status = status
        }
    }

    let store: BatchStore
    /// The continuity relations the templates declare.
    let relations: [BatchStore.ContinuityRelation]

    /// The database file.
    public var path: String { store.path }

    /// Opens the batch database at `path`, upgrading its schema if it is older.
    ///
    /// - Parameters:
    ///   - create: Create the file if it is missing; otherwise a missing file is an error.
    ///   - repairer: Whose templates declare the continuity relations (the built-in ones
    ///     when nil).
    /// - Throws: ``StoreError`` when it is missing, not a batch database, or newer.
    public init(path: String, create: Bool = false, repairer: Repairer? = nil) throws(StoreError) {
        store = try BatchStore(path: path, create: create)
        let library = repairer?.library ?? (try? TemplateLibrary.builtIn())
        relations = library?.continuityRelations ?? []
    }

    /// Streams an export to `write`, one line (with its line ending) at a time.
    ///
    /// - Throws: ``StoreError`` when the database cannot be read, or the error `write`
    ///   throws (a ``StoreError`` naming the output, say).
    /// - Complexity: O(documents + cells); memory holds one document's cells at a time.
    public func export(_ format: ExportFormat, options: ExportOptions = ExportOptions(),
                       to write: (String) throws -> Void) throws(StoreError) {
        let kind: BatchStore.ExportKind =
            switch format {
            case .jsonl: .jsonl
            case .csv: .wideCSV
            case .csvLong: .longCSV
            case .tsv: .wideTSV
            case .continuity: .continuityCSV
            case .failures: .failuresCSV
            }
        // A batch killed before its end left the pairs of an earlier state.
        if format == .continuity, !store.readOnly { try store.updateContinuity(relations) }
        let storeOptions = BatchStore.ExportOptions(
            machineValues: options.machineValues, template: options.template,
            minimumConfidence: options.minimumConfidence, status: options.status?.rawValue)
        try store.export(kind, options: storeOptions, to: write)
    }

    /// The object `repair --format json` printed for the done document with content
    /// `hash`, rebuilt from the database (nil when it holds no such document).
    public func repairObject(hash: String) throws(StoreError) -> JSONValue? {
        try store.repairObject(hash: hash)
    }

    /// Adds the documents of other batch databases (shards of one batch) to this one, then
    /// recomputes the continuity pairs. A document found in several keeps one row, under
    /// the path that sorts first; its other paths become links.
    ///
    /// - Returns: The number of documents each shard added, in order (0 for a shard
    ///   merged before).
    /// - Throws: ``StoreError`` naming the shard that is missing or no batch database; the
    ///   shards merged before it stay merged.
    @discardableResult
    public func merge(_ shards: [String]) throws(StoreError) -> [Int] {
        var added: [Int] = []
        for shard in shards {
            added.append(try store.merge(from: shard))
        }
        try store.updateContinuity(relations)
        return added
    }

    /// Recomputes the `continuity` table from the relations the templates declare.
    ///
    /// - Returns: The number of pairs, and how many do not hold.
    @discardableResult
    public func updateContinuity() throws(StoreError) -> (pairs: Int, broken: Int) {
        try store.updateContinuity(relations)
    }
}

extension TemplateLibrary {
    /// Every continuity relation the templates declare, as the store applies them.
    var continuityRelations: [BatchStore.ContinuityRelation] {
        templates.flatMap { template in
            (template.continuity ?? []).map { relation in
                BatchStore.ContinuityRelation(
                    template: template.id, table: relation.table, row: relation.row,
                    previousYearRow: relation.previousYearRow)
            }
        }
    }
}
