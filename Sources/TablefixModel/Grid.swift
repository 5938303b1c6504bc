/// A table as read: rows of cells, rectangular once spans are expanded.
///
/// A merged cell is expanded the way a browser's table model does: every slot it covers
/// holds a copy of its text, and `spans` records the merge.
public struct Grid: Sendable, Equatable {
    /// The rows, each with the same number of cells.
    public var rows: [[Cell]]
    /// The merged cells of the source, by their top-left slot.
    public var spans: [Span]
    /// The image the grid was read from by OCR (a DOCX drawing's or an HTML `<img>`'s name),
    /// nil when it was read from text, markup or a page (a scanned page's grid is a page's).
    public var image: String?

    /// Makes a grid from rows of possibly different lengths, padding with empty cells.
    public init(rows: [[Cell]], spans: [Span] = [], image: String? = nil) {
        let width = rows.map(\.count).max() ?? 0
        self.rows = rows.map { row in
            row.count == width
                ? row : row + Array(repeating: Cell("", line: row.last?.line ?? 0, isFiller: true), count: width - row.count)
        }
        self.spans = spans
        self.image = image
    }

    public var width: Int { rows.first?.count ?? 0 }

    /// The rows as text, cells separated by tabs, one row per line.
    public var tabSeparated: String {
        rows.map { row in row.map(\.text).joined(separator: "\t") }.joined(separator: "\n")
    }
}

/// One slot of a grid.
public struct Cell: Sendable, Equatable {
    /// The cell's text as read, lines of a wrapped cell joined.
    public var text: String
    /// The 1-based input line where the cell's text starts (0 when unknown).
    public var line: Int
    /// True when the slot is covered by a merged cell that starts elsewhere.
    public var isSpanned: Bool
    /// True when the source had no cell here: the slot pads a short row to the grid's width.
    public var isFiller: Bool
    /// Where on a page the cell is (PDF pages, scans and OCR'd images), nil for text and markup.
    public var region: PageRegion?
    /// How sure the OCR engine was of the cell's text: the lowest of its words' confidences,
    /// 0…1; nil when the text was not OCR'd (a text layer, markup, plain text). An empty
    /// OCR'd cell has the confidence of the engine that it holds no text.
    public var ocrConfidence: Double?
    /// Where the cell starts in its line, in unicode scalars (a character column of plain
    /// text), for a cell cut from a line of plain text; nil otherwise.
    public var offset: Int?
    /// True for an empty slot a text reader put where a row laid out by character columns
    /// prints nothing under a column that a fuller row of the same layout prints: a blank
    /// the source's spacing implies, not a cell it delimits.
    public var isBlankByPosition: Bool

    public init(_ text: String, line: Int, isSpanned: Bool = false, isFiller: Bool = false, region: PageRegion? = nil,
                ocrConfidence: Double? = nil, offset: Int? = nil, isBlankByPosition: Bool = false) {
        self.text = text
        self.line = line
        self.isSpanned = isSpanned
        self.isFiller = isFiller
        self.region = region
        self.ocrConfidence = ocrConfidence
        self.offset = offset
        self.isBlankByPosition = isBlankByPosition
    }
}

/// A merged cell: its top-left slot and how many rows and columns it covers.
public struct Span: Sendable, Equatable, Codable {
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var columnSpan: Int

    public init(row: Int, column: Int, rowSpan: Int, columnSpan: Int) {
        self.row = row
        self.column = column
        self.rowSpan = rowSpan
        self.columnSpan = columnSpan
    }
}
