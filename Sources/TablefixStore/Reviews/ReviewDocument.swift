package import TablefixModel

/// One document as the review report shows it: where it came from, its input lines beside
/// its cleaned text, every edit, and its tables with their cells and checks.
///
/// Made from a fresh repair (``init(document:extraction:hash:sourceLines:)``) or from a
/// batch database's rows; a document that could not be read has only `source` and `error`.
package struct ReviewDocument: Sendable {
    /// The path the document was read from (`archive.zip!/entry.txt` inside an archive).
    package var source: String
    /// The SHA-256 of its bytes, lowercase hex, when known.
    package var hash: String?
    /// `text`, `html` or `docx`.
    package var format: String?
    package var encoding: String?
    package var template: String?
    package var templateConfidence: Double?
    package var body: String?
    package var year: Int?
    package var confidence: Double?
    /// Why the document could not be read (`FILE: cause`); nil for a repaired document.
    package var error: String?
    /// The input's text, line `n` at index `n - 1`, as the reader saw it before cleanup;
    /// nil when the input is not at hand (a database whose files moved).
    package var sourceLines: [String]?
    /// Why `sourceLines` is nil, in a few words.
    package var sourceNote: String?
    /// The cleaned document's blocks, each with the input lines it came from; nil when
    /// only the cleaned text is known.
    package var blocks: [Block]?
    /// The cleaned text (spec/output.md's `text`).
    package var text: String
    package var edits: [Edit]
    package var tables: [ExtractedTable]
    /// Decisions an earlier review recorded for this document's cells.
    package var reviews: [CellReview]
    /// Other paths that hold the same bytes (linked to this document by a batch).
    package var duplicates: [String] = []
    /// For a table read from pages (a PDF, a scan), pictures of the places on the pages it
    /// was read from, as `data:image/png;base64,…` URIs, by table id; shown beside its grid.
    package var pageCrops: [String: [String]] = [:]

    package init(
        source: String, hash: String? = nil, format: String? = nil, encoding: String? = nil, template: String? = nil,
        templateConfidence: Double? = nil, body: String? = nil, year: Int? = nil, confidence: Double? = nil,
        error: String? = nil, sourceLines: [String]? = nil, sourceNote: String? = nil, blocks: [Block]? = nil,
        text: String = "", edits: [Edit] = [], tables: [ExtractedTable] = [], reviews: [CellReview] = []
    ) {
        self.source = source
        self.hash = hash
        self.format = format
        self.encoding = encoding
        self.template = template
        self.templateConfidence = templateConfidence
        self.body = body
        self.year = year
        self.confidence = confidence
        self.error = error
        self.sourceLines = sourceLines
        self.sourceNote = sourceNote
        self.blocks = blocks
        self.text = text
        self.edits = edits
        self.tables = tables
        self.reviews = reviews
    }

    /// A repaired document: its cleaned blocks and edits, and what reconstruction found.
    ///
    /// - Parameters:
    ///   - document: The cleaned document.
    ///   - extraction: Its tables.
    ///   - hash: The SHA-256 of the input's bytes, so that corrections name the content.
    ///   - sourceLines: The input's lines before cleanup.
    package init(document: Document, extraction: Extraction, hash: String?, sourceLines: [String]?) {
        self.init(
            source: document.source.path, hash: hash, format: document.source.format.rawValue,
            encoding: document.source.encoding, template: extraction.template,
            templateConfidence: extraction.templateConfidence, body: extraction.body, year: extraction.year,
            confidence: extraction.confidence, sourceLines: sourceLines,
            sourceNote: sourceLines == nil ? "the input's lines are not at hand" : nil, blocks: document.blocks,
            text: document.text, edits: document.edits, tables: extraction.tables)
    }
}

/// A decision recorded by an earlier review of a batch database.
package struct CellReview: Sendable, Equatable {
    /// The table's id (`requests`).
    package var table: String
    /// The cell's `ROW.COL`.
    package var key: String
    package var action: Correction.Action
    /// The value the reviewer confirmed or entered (nil for a blank cell).
    package var value: Double?
    /// The machine's value when the decision was applied.
    package var original: Double?
    /// When it was applied, ISO 8601.
    package var reviewedAt: String

    package init(table: String, key: String, action: Correction.Action, value: Double?, original: Double?,
                 reviewedAt: String) {
        self.table = table
        self.key = key
        self.action = action
        self.value = value
        self.original = original
        self.reviewedAt = reviewedAt
    }
}
