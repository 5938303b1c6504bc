import Foundation
import TablefixOutput
import TablefixStore
import TablefixReview
import TablefixModel
import TablefixReaders
import TablefixReconstruction

/// The front door for review: writes the review report of documents or of a batch
/// database, and applies the corrections a reviewer exported from it to the database.
///
/// ```swift
/// let reviewer = Reviewer(repairer: try Repairer(), threshold: 0.9)
/// let summary = try reviewer.writeReport(of: ["reports/"], to: "report.html")
/// print(summary)  // 12 documents (0 not read); 31 of 2400 cells below 0.9; 2 failed checks; 0.4 MB
/// let counts = try reviewer.apply(correctionsAt: "corrections.json", to: "out.db")
/// print(counts)   // 31 applied, 0 unchanged, 0 unknown
/// ```
///
/// The report is one HTML file with everything inline (see `ReviewReport`): it works
/// offline and can be sent as an attachment.
public struct Reviewer: Sendable {
    /// Repairs the documents of a report made from files, and cleans the inputs of a
    /// database's documents again to line their text up with the input.
    public var repairer: Repairer
    /// Cells below this confidence are in the review queue when the report opens.
    public var threshold: Double

    /// The threshold a review starts with, unless told otherwise.
    public static var defaultThreshold: Double { ReviewReport.defaultThreshold }

    /// A reviewer that repairs with `repairer` and queues the cells below `threshold`.
    public init(repairer: Repairer, threshold: Double = Reviewer.defaultThreshold) {
        self.repairer = repairer
        self.threshold = threshold
    }

    /// Whether `path` names a batch database (a SQLite file) rather than a document.
    public static func isDatabase(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return path.lowercased().hasSuffix(".db") }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header == Data("SQLite format 3\u{0}".utf8)
    }

    /// Writes the review report of `inputs` to the file `output`.
    ///
    /// - Parameters:
    ///   - inputs: Document files, folders (walked recursively) and `.zip` archives, each
    ///     document repaired; or exactly one batch database, whose documents are shown as
    ///     the batch stored them.
    ///   - output: The HTML file to write (replaced when it exists).
    /// - Returns: What the report holds.
    /// - Throws: ``ReadError`` for an input that does not exist, ``StoreError`` for a
    ///   database that cannot be read, ``ReviewError`` when there is no document or the
    ///   report cannot be written. A document that cannot be read is shown as such, not
    ///   thrown.
    /// - Complexity: O(documents + cells); memory holds one document and the queue.
    public func writeReport(of inputs: [String], to output: String) throws -> ReviewSummary {
        for input in inputs where !FileManager.default.fileExists(atPath: input) {
            throw ReadError(.unreadable, file: input, reason: "no such file")
        }
        let file = try ReportFile(path: output)
        var writer = report(title: Self.title(for: inputs)).writer { chunk in try file.write(chunk) }
        do {
            if inputs.count == 1, let database = inputs.first, Self.isDatabase(database) {
                try addDocuments(ofDatabase: database, to: &writer)
            } else {
                try addDocuments(of: inputs, excluding: [output, file.partial], to: &writer)
            }
            let summary = try writer.finish()
            guard summary.documents > 0 else {
                throw ReviewError(.noDocuments, file: inputs.first ?? output, reason: "no document to review")
            }
            try file.commit()
            return ReviewSummary(summary, threshold: threshold)
        } catch {
            file.discard()
            throw error
        }
    }

    /// Writes the decisions of a corrections file (exported by the report) into a batch
    /// database, with provenance `reviewed`; the machine's values stay as they were.
    /// Applying the same file twice changes nothing the second time.
    ///
    /// - Throws: ``ReadError`` when the file cannot be read, ``ReviewError`` when it is not
    ///   a corrections file, ``StoreError`` when the database cannot be opened or written.
    public func apply(correctionsAt path: String, to database: String) throws -> CorrectionCounts {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw ReadError(.unreadable, file: path, reason: BatchInputs.describe(error))
        }
        let decimal = Self.decimalCells(of: repairer.library)
        let corrections = try Correction.corrections(from: bytes, file: path) { table, key in
            decimal.contains(table + "|" + (key.split(separator: ".").first.map(String.init) ?? key))
        }
        let store = try BatchStore(path: database, create: false)
        return CorrectionCounts(try store.apply(corrections, file: path))
    }

    /// The rows whose cells may hold decimals (amounts of money), as `TABLE|ROW`.
    static func decimalCells(of library: TemplateLibrary) -> Set<String> {
        var rows: Set<String> = []
        for template in library.templates {
            for table in template.tables {
                for row in table.rows where row.decimal == true { rows.insert(table.id + "|" + row.key) }
            }
        }
        return rows
    }

    /// The renderer, with the templates' row and column labels.
    func report(title: String) -> ReviewReport {
        ReviewReport(title: title, threshold: threshold, labels: Self.labels(of: repairer.library))
    }

    static func title(for inputs: [String]) -> String {
        let names = inputs.map { URL(fileURLWithPath: $0).lastPathComponent }
        let shown = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " …" : "")
        return "tablefix review: " + shown
    }

    /// Row labels (with their group: `不予公开 · 属于国家秘密`) and column labels of
    /// every table of every template.
    static func labels(of library: TemplateLibrary) -> ReviewLabels {
        var tables: [String: ReviewLabels.Table] = [:]
        for template in library.templates {
            for table in template.tables {
                var labels = ReviewLabels.Table(title: table.title)
                for row in table.rows {
                    guard let label = row.labels.first else { continue }
                    labels.rows[row.key] = row.group.map { $0 + " · " + label } ?? label
                }
                for column in table.columns {
                    guard let label = column.labels.first else { continue }
                    let part = column.key.split(separator: ".").last.map(String.init) ?? column.key
                    if labels.columns[part] == nil { labels.columns[part] = label }
                }
                tables[template.id + "/" + table.id] = labels
            }
        }
        return ReviewLabels(tables: tables)
    }

    /// Repairs each file the inputs hold and adds it; a file that cannot be read is added
    /// as a failure.
    private func addDocuments(of inputs: [String], excluding own: [String], to writer: inout ReviewReport.Writer)
        throws
    {
        // The report being written may be inside a folder under review.
        let walk = BatchInputs(inputs, maxBytes: BatchOptions().maxFileBytes, excluding: own)
        let reader = DocumentReader()
        while let item = walk.next() {
            switch item.bytes {
            case .failure(let error):
                try writer.add(ReviewDocument(source: item.path, error: error.description))
            case .success(let bytes):
                let hash = SHA256.hex(of: bytes)
                do {
                    let raw = try reader.document(from: bytes, path: item.path)
                    let repair = repairer.repair(raw)
                    var document = ReviewDocument(
                        document: repair.document, extraction: repair.extraction, hash: hash,
                        sourceLines: Self.sourceLines(of: bytes, read: raw))
                    document.pageCrops = Self.pageCrops(of: repair.document, extraction: repair.extraction, bytes: bytes)
                    try writer.add(document)
                } catch let error as ReadError {
                    try writer.add(ReviewDocument(source: item.path, hash: hash, error: error.description))
                }
            }
        }
    }

    /// Adds each document of a batch database as the batch stored it, with its input's
    /// lines when the input is still where the batch found it and unchanged.
    private func addDocuments(ofDatabase database: String, to writer: inout ReviewReport.Writer) throws {
        let store = try BatchStore(path: database, create: false)
        var sources = SourceFiles()
        let reader = DocumentReader()
        try store.forEachReviewDocument { stored in
            var document = stored
            if document.error == nil { attachInput(to: &document, sources: &sources, reader: reader) }
            try writer.add(document)
        }
    }

    /// Reads a stored document's input again to show it beside the cleaned text: its
    /// lines, and the cleaned blocks when cleaning it again gives the stored text.
    private func attachInput(to document: inout ReviewDocument, sources: inout SourceFiles, reader: DocumentReader) {
        switch sources.bytes(of: document.source) {
        case .failure(let unavailable):
            document.sourceNote = unavailable.reason
        case .success(let bytes):
            if let hash = document.hash, SHA256.hex(of: bytes) != hash {
                document.sourceNote = "the input has changed since the batch read it"
                return
            }
            guard let raw = try? reader.document(from: bytes, path: document.source) else {
                document.sourceNote = "the input can no longer be read"
                return
            }
            document.sourceLines = Self.sourceLines(of: bytes, read: raw)
            let cleaned = repairer.clean(raw)
            if cleaned.text == document.text {
                document.blocks = cleaned.blocks
            }
        }
    }
}

/// What a review report holds.
public struct ReviewSummary: Sendable, Equatable, CustomStringConvertible {
    /// Documents in the report, and how many could not be read.
    public var documents: Int
    public var failedDocuments: Int
    /// Cells of present canonical tables, and those below the threshold.
    public var cells: Int
    public var cellsBelowThreshold: Int
    /// The threshold the page opens with.
    public var threshold: Double
    /// Cells an earlier review decided, left out of the queue.
    public var reviewedCells: Int
    /// Arithmetic checks that fail.
    public var failedChecks: Int
    /// The size of the HTML file.
    public var bytes: Int

    init(_ summary: ReviewReport.Summary, threshold: Double) {
        documents = summary.documents
        failedDocuments = summary.failedDocuments
        cells = summary.cells
        cellsBelowThreshold = summary.cellsBelowThreshold
        self.threshold = threshold
        reviewedCells = summary.reviewedCells
        failedChecks = summary.failedChecks
        bytes = summary.bytes
    }

    /// `12 documents (0 not read); 31 of 2400 cells below 0.9; 5 reviewed; 2 failed checks; 0.4 MB`.
    public var description: String {
        let megabytes = (Double(bytes) / 1_048_576 * 10).rounded() / 10
        return "\(documents) \(documents == 1 ? "document" : "documents") (\(failedDocuments) not read); "
            + "\(cellsBelowThreshold) of \(cells) cells below "
            + "\(ReviewReport.text(of: threshold)); \(reviewedCells) reviewed; \(failedChecks) failed checks; "
            + "\(megabytes) MB"
    }
}

/// What applying a corrections file to a database did.
public struct CorrectionCounts: Sendable, Equatable, CustomStringConvertible {
    /// Decisions written: new ones, or ones that change an earlier decision.
    public var applied: Int
    /// Decisions the database already held as they are.
    public var unchanged: Int
    /// Decisions about a document or cell the database does not hold.
    public var unknown: Int
    /// Confirmations of a value the database no longer holds: not applied.
    public var conflicting: Int
    /// One line per unknown or conflicting decision.
    public var problems: [String]

    init(_ counts: BatchStore.ReviewCounts) {
        applied = counts.applied
        unchanged = counts.unchanged
        unknown = counts.unknown
        conflicting = counts.conflicting
        problems = counts.problems
    }

    /// `3 applied, 0 unchanged, 1 unknown` (and `, 1 conflicting` when there are some).
    public var description: String {
        "\(applied) applied, \(unchanged) unchanged, \(unknown) unknown"
            + (conflicting > 0 ? ", \(conflicting) conflicting" : "")
    }
}
