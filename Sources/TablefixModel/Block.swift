/// One unit of a document: a heading, a paragraph, a table, an image placeholder, or
/// clutter that cleanup removed (kept so that nothing disappears silently).
public struct Block: Sendable, Equatable {
    /// What the block holds.
    public enum Content: Sendable, Equatable {
        /// A heading or numbered list item: its text, as lines of the input.
        case heading([TextLine])
        /// Running text. A paragraph that the input wrapped over several lines holds
        /// them all; they are joined without a separator.
        case paragraph([TextLine])
        /// A table as a grid of cells.
        case table(Grid)
        /// An image the extractor could not turn into text, named as the input named it.
        case image(name: String)
        /// Content removed by cleanup (web-page clutter, a repeated heading), with why.
        case removed(text: String, reason: String)
    }

    public var content: Content
    /// The 1-based input lines the block came from.
    public var lines: ClosedRange<Int>

    public init(_ content: Content, lines: ClosedRange<Int>) {
        self.content = content
        self.lines = lines
    }

    /// The lines of a heading or paragraph, or `nil` for other blocks.
    public var textLines: [TextLine]? {
        switch content {
        case .heading(let lines), .paragraph(let lines): lines
        default: nil
        }
    }

    /// The block's text as the cleaned document shows it: a heading or paragraph's joined
    /// lines, a table's tab-separated rows, an image as `[image: name]`; empty when removed.
    public var text: String {
        switch content {
        case .heading(let lines), .paragraph(let lines): lines.map(\.text).joined()
        case .table(let grid): grid.tabSeparated
        case .image(let name): "[image: \(name)]"
        case .removed: ""
        }
    }

    public var isHeading: Bool {
        if case .heading = content { return true }
        return false
    }
}

/// A piece of text and the 1-based input line it came from.
public struct TextLine: Sendable, Equatable {
    public var text: String
    public var line: Int
    /// Where on a page the line is (PDF pages, scans), nil for text and markup.
    public var region: PageRegion?
    /// How sure the OCR engine was of the line: the lowest of its words' confidences, 0…1;
    /// nil when the text was not OCR'd.
    public var ocrConfidence: Double?

    public init(_ text: String, line: Int, region: PageRegion? = nil, ocrConfidence: Double? = nil) {
        self.text = text
        self.line = line
        self.region = region
        self.ocrConfidence = ocrConfidence
    }
}
