import TablefixModel
package import TablefixStore
import TablefixOutput

/// The review report: one self-contained HTML file (inline style and script, no network,
/// no external file) showing documents for a person to check.
///
/// Per document: its input lines beside its cleaned text with every edit marked, and its
/// tables as grids, each cell shaded by confidence; a review queue across all documents
/// lists the cells below a threshold (adjustable in the page), least sure first. The
/// reviewer confirms or corrects cells with the keyboard and exports the decisions as a
/// corrections file (``Correction``).
///
/// The page holds its data as JSON, one `<script type="application/json">` element per
/// document, and builds a document's DOM only when it is opened, so that a report of a
/// thousand documents opens in about the time it takes to read the file.
///
/// ```swift
/// let report = ReviewReport(title: "tablefix review", threshold: 0.9)
/// var writer = report.writer { chunk in handle.write(Data(chunk.utf8)) }
/// for document in documents { try writer.add(document) }
/// let summary = try writer.finish()
/// ```
///
/// All text the documents hold reaches the page escaped: as JSON whose `<`, `>` and `&`
/// are `\u` escapes (``Markup/scriptJSON(_:id:)``), or as escaped HTML text; the script
/// puts it into the page only as text nodes and attribute values.
package struct ReviewReport: Sendable {
    /// The page's title.
    package var title: String
    /// Cells below this confidence are in the review queue when the page opens.
    package var threshold: Double
    /// Row and column labels from the templates.
    package var labels: ReviewLabels

    package init(title: String = "tablefix review", threshold: Double = Self.defaultThreshold,
                 labels: ReviewLabels = ReviewLabels()) {
        self.title = title
        self.threshold = threshold
        self.labels = labels
    }

    /// The threshold below which a cell is queued for review, unless the user sets another
    /// (the command line's and the page's default): the confidence policy's.
    package static let defaultThreshold = ConfidencePolicy.standard.threshold

    /// The confidence bands that shade cells, from the highest: a cell takes the first band
    /// whose minimum it reaches, and the class `conf-NAME`.
    package static let bands: [(minimum: Double, name: String)] = ConfidencePolicy.standard.bands.map { ($0.floor, $0.name) }

    /// The class that shades a cell of this confidence: `conf-high`, `conf-fair`,
    /// `conf-low` or `conf-poor`.
    package static func shade(for confidence: Double) -> String {
        let band = bands.first { confidence >= $0.minimum } ?? bands[bands.count - 1]
        return "conf-" + band.name
    }

    /// A confidence as the output prints it: rounded to three decimals.
    package static func rounded(_ confidence: Double) -> Double { RepairJSON.rounded(confidence) }

    /// A number as the output prints it: integers without a fraction (`0.9`, `12`).
    package static func text(of number: Double) -> String { JSONValue.format(number) }

    /// What a report holds, counted.
    package struct Summary: Sendable, Equatable {
        /// Documents in the report, and how many of them could not be read.
        package var documents = 0
        package var failedDocuments = 0
        /// Cells of present canonical tables, and those below the threshold.
        package var cells = 0
        package var cellsBelowThreshold = 0
        /// Cells an earlier review decided (left out of the queue).
        package var reviewedCells = 0
        /// Arithmetic checks that fail.
        package var failedChecks = 0
        /// The size of the HTML written, in bytes.
        package var bytes = 0

        package init() {}
    }

    /// One cell of the review queue.
    package struct QueueEntry: Sendable, Equatable {
        /// The document's position in the report, the table's in the document, the cell's
        /// in the table.
        package var document: Int
        package var table: Int
        package var cell: Int
        /// The cell's key (`new.natural`).
        package var key: String
        package var confidence: Double
        /// The cell's value (nil when blank), shown beside its key in the queue.
        package var value: Double?

        package init(document: Int, table: Int, cell: Int, key: String, confidence: Double, value: Double? = nil) {
            self.value = value
            self.document = document
            self.table = table
            self.cell = cell
            self.key = key
            self.confidence = confidence
        }
    }

    /// The numbers per queue entry in the page's index: document, table, key (a position
    /// in the strings), confidence, value.
    package static let queueStride = 5

    /// Every cell of the documents' present canonical tables, least confident first; ties
    /// in the order the documents, tables and cells come. The page's queue is the part of
    /// it below the threshold.
    ///
    /// - Complexity: O(n log n) in the number of cells.
    package static func queue(_ documents: [ReviewDocument]) -> [QueueEntry] {
        sorted(documents.enumerated().flatMap { index, document in entries(of: document, at: index) })
    }

    /// The cells of a document the queue may hold: those of its present canonical tables
    /// that no earlier review decided.
    static func entries(of document: ReviewDocument, at index: Int) -> [QueueEntry] {
        var entries: [QueueEntry] = []
        let reviewed = Set(document.reviews.map { $0.table + "|" + $0.key })
        for (tableIndex, table) in document.tables.enumerated() where table.status == .present && table.grid == nil {
            for (cellIndex, cell) in table.cells.enumerated() where !reviewed.contains(table.id + "|" + cell.key) {
                entries.append(QueueEntry(
                    document: index, table: tableIndex, cell: cellIndex, key: cell.key,
                    confidence: RepairJSON.rounded(cell.confidence), value: cell.value))
            }
        }
        return entries
    }

    static func sorted(_ entries: [QueueEntry]) -> [QueueEntry] {
        entries.sorted { a, b in
            if a.confidence != b.confidence { return a.confidence < b.confidence }
            if a.document != b.document { return a.document < b.document }
            if a.table != b.table { return a.table < b.table }
            return a.cell < b.cell
        }
    }

    /// A writer that streams the report of documents added one at a time to `output`.
    package func writer(to output: @escaping (String) throws -> Void) -> Writer {
        Writer(report: self, output: output)
    }

    /// The whole report of `documents` as one string.
    package func html(_ documents: [ReviewDocument]) -> String {
        var html = ""
        var writer = writer { html += $0 }
        // Appending to a string cannot fail.
        for document in documents { try? writer.add(document) }
        _ = try? writer.finish()
        return html
    }
}

extension ReviewReport {
    /// Streams a report: the page's head first, then each document's data as it is added,
    /// then the review queue, the index and the script.
    ///
    /// Memory holds the queue (one entry per cell) and one line of counts per document,
    /// never more than one document's text.
    package struct Writer {
        let report: ReviewReport
        let output: (String) throws -> Void
        private var started = false
        private var documents: [JSONValue] = []
        private var queue: [QueueEntry] = []
        private var fallback = Markup()
        private var summary = Summary()
        private var templates: Set<String> = []
        private var strings = StringTable()
        /// The documents' data not yet written, one compact JSON per line.
        private var chunk: [String] = []
        private var chunks = 0

        /// How many documents share one deflated element: enough for DEFLATE to find the
        /// labels and rules they repeat, few enough to keep memory small.
        static let documentsPerChunk = 64

        init(report: ReviewReport, output: @escaping (String) throws -> Void) {
            self.report = report
            self.output = output
        }

        private mutating func emit(_ text: String) throws {
            summary.bytes += text.utf8.count
            try output(text)
        }

        /// Adds one document.
        ///
        /// - Throws: The error `output` throws.
        package mutating func add(_ document: ReviewDocument) throws {
            if !started {
                try emit(report.head())
                started = true
            }
            let index = documents.count
            let entries = ReviewReport.entries(of: document, at: index)
            let below = entries.filter { $0.confidence < report.threshold }.count
            let failedChecks = document.tables.reduce(0) { $0 + $1.checks.filter { $0.ok == false }.count }
            summary.documents += 1
            if document.error != nil { summary.failedDocuments += 1 }
            summary.cells += entries.count + document.reviews.count
            summary.reviewedCells += document.reviews.count
            summary.cellsBelowThreshold += below
            summary.failedChecks += failedChecks
            queue += entries
            if let template = document.template { templates.insert(template) }
            documents.append(ReviewReport.indexEntry(document, failedChecks: failedChecks))
            fallback.element("tr") { row in
                row.element("td") { $0.text(document.source) }
                row.element("td") { $0.text(document.body ?? "") }
                row.element("td") { $0.text(document.year.map(String.init) ?? "") }
                row.element("td") { cell in
                    if let error = document.error {
                        cell.text("not read: " + error)
                    } else {
                        cell.text(document.tables.map { "\($0.id) \($0.status.rawValue)" }.joined(separator: ", "))
                    }
                }
                row.element("td") { $0.text(String(below)) }
                row.element("td") { $0.text(String(failedChecks)) }
            }
            // JSON escapes line breaks inside strings, so a line is one document.
            chunk.append(ReviewReport.documentData(document, strings: &strings).rendered(pretty: false))
            if chunk.count == Self.documentsPerChunk { try flushChunk() }
        }

        /// Writes the documents held as one deflated element, `tf-chunk-K`.
        private mutating func flushChunk() throws {
            guard !chunk.isEmpty else { return }
            var markup = Markup()
            markup.scriptDeflated(try Deflate.base64(chunk.joined(separator: "\n")), id: "tf-chunk-\(chunks)")
            chunks += 1
            chunk.removeAll(keepingCapacity: true)
            try emit(markup.html + "\n")
        }

        /// Writes the queue, the index and the script, and returns what the report holds.
        ///
        /// - Throws: The error `output` throws.
        package mutating func finish() throws -> Summary {
            let assets = try ReviewAssets.shipped.get()
            if !started {
                try emit(report.head())
                started = true
            }
            try flushChunk()
            let sortedQueue = ReviewReport.sorted(queue)
            var flat: [JSONValue] = []
            flat.reserveCapacity(sortedQueue.count * ReviewReport.queueStride)
            for entry in sortedQueue {
                flat += [
                    .number(Double(entry.document)), .number(Double(entry.table)), strings.id(entry.key),
                    .number(entry.confidence), .number(entry.value),
                ]
            }
            let index = JSONValue.object([
                ("title", .string(report.title)),
                ("threshold", .number(report.threshold)),
                ("chunk", .number(Double(Self.documentsPerChunk))),
                ("bands", .array(ReviewReport.bands.map { .array([.number($0.minimum), .string($0.name)]) })),
                ("labels", report.labelsData(for: templates)),
                ("docs", .array(documents)),
                ("queue", .array(flat)),
                ("strings", .array(strings.strings.map(JSONValue.string))),
            ])
            var markup = Markup()
            markup.element("noscript") { noscript in
                noscript.element("p") {
                    $0.text(
                        "This report needs JavaScript to show the tables, the texts and the review queue. "
                            + "Counts per document, cells below \(JSONValue.format(report.threshold)):")
                }
                noscript.element("table", ["class": "fallback"]) { table in
                    table.element("tr") { row in
                        for heading in ["source", "body", "year", "tables", "cells below threshold", "failed checks"] {
                            row.element("th") { $0.text(heading) }
                        }
                    }
                    table.rawMarkup(fallback.html)
                }
            }
            markup.rawMarkup("\n")
            markup.scriptDeflated(try Deflate.base64(index.rendered(pretty: false)), id: "tf-index")
            markup.rawMarkup("\n")
            markup.element("script") { $0.rawMarkup(assets.script) }
            markup.rawMarkup("\n</body>\n</html>\n")
            try emit(markup.html)
            return summary
        }
    }
}

extension ReviewReport {
    /// The document type, head and the page's frame, up to where the data begins.
    func head() throws(ReviewError) -> String {
        let assets = try ReviewAssets.shipped.get()
        var markup = Markup()
        markup.rawMarkup("<!DOCTYPE html>\n")
        markup.rawMarkup("<html lang=\"zh-Hans\">\n<head>\n")
        markup.voidElement("meta", ["charset": "utf-8"])
        markup.voidElement("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        markup.voidElement("meta", ["name": "generator", "content": "tablefix review"])
        // Nothing may load from elsewhere: the page works offline and as an attachment.
        markup.voidElement("meta", [
            "http-equiv": "Content-Security-Policy",
            "content": "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:",
        ])
        markup.element("title") { $0.text(title) }
        markup.element("style") { $0.rawMarkup(assets.style) }
        markup.rawMarkup("\n</head>\n<body>\n")
        markup.rawMarkup(assets.frame)
        markup.rawMarkup("\n")
        return markup.html
    }

    /// The labels of the templates the documents follow, keyed `TEMPLATE/TABLE`.
    func labelsData(for templates: Set<String>) -> JSONValue {
        let used = labels.tables.filter { key, _ in
            templates.contains(String(key.prefix { $0 != "/" }))
        }
        return .object(used.keys.sorted().compactMap { key in
            guard let table = used[key] else { return nil }
            return (key, .object([
                ("title", .string(table.title)),
                ("rows", .object(table.rows.keys.sorted().map { ($0, .string(table.rows[$0])) })),
                ("columns", .object(table.columns.keys.sorted().map { ($0, .string(table.columns[$0])) })),
            ]))
        })
    }
}
