/// A document as tablefix sees it: where it came from, its blocks in reading order, and
/// every change the cleanup passes made to it.
///
/// Readers produce it, cleanup passes transform it, reconstruction and writers read it.
public struct Document: Sendable, Equatable {
    /// Where the bytes came from and how they were decoded.
    public var source: Source
    /// The content in reading order.
    public var blocks: [Block]
    /// Every change made to the text since it was read, in the order it was made.
    public var edits: [Edit]
    /// What readers and cleanup noticed about the document as a whole, for reconstruction.
    public var signals: DocumentSignals
    /// The title the file declares beside its text (an HTML page's `<title>`, a DOCX's
    /// `dc:title`): no part of the text, but a report's title where the text prints none.
    public var declaredTitle: String?

    public init(source: Source, blocks: [Block], edits: [Edit] = [], signals: DocumentSignals = DocumentSignals(),
                declaredTitle: String? = nil) {
        self.source = source
        self.blocks = blocks
        self.edits = edits
        self.signals = signals
        self.declaredTitle = declaredTitle
    }

    /// A declared title as ``declaredTitle`` keeps it: white space collapsed, cut to
    /// ``declaredTitleLength`` characters (a title is a line); nil when nothing is left.
    public static func declaredTitle(_ text: String) -> String? {
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.isEmpty ? nil : String(words.prefix(declaredTitleLength))
    }

    /// The most characters of a declared title kept.
    public static let declaredTitleLength = 200
}

/// What is known of a document as a whole that bears on how far its text can be trusted:
/// set by the reader or pass that notices it, read by reconstruction.
public struct DocumentSignals: Sendable, Equatable {
    /// How many OCR glyph confusions cleanup repaired in the text: OCR damage that may have
    /// reached the digits too.
    public var ocrGlyphRepairs: Int
    /// How many it repaired in what was read by OCR off pictures (a scan, an image in a
    /// page): damage that says nothing of the text around them.
    public var pictureGlyphRepairs = 0
    /// The input lines whose bytes reading had to replace (an invalid byte, a NUL, an
    /// entity left out): a number read from them may have lost a digit.
    public var replacedLines: Set<Int>

    public init(ocrGlyphRepairs: Int = 0, replacedLines: Set<Int> = []) {
        self.ocrGlyphRepairs = ocrGlyphRepairs
        self.replacedLines = replacedLines
    }

    /// Whether the text shows OCR damage.
    public var showsOCRDamage: Bool { ocrGlyphRepairs > 0 }
    /// Whether what was read off pictures shows OCR damage.
    public var showsPictureOCRDamage: Bool { pictureGlyphRepairs > 0 }
}

/// The origin of a document: its path, detected format and text encoding.
public struct Source: Sendable, Equatable {
    public var path: String
    public var format: InputFormat
    /// The encoding the bytes were decoded from, as output.md names it (`utf-8`, `gb18030` …);
    /// for a PDF, `text-layer` when every page had one, `ocr` when any page was OCR'd.
    public var encoding: String

    public init(path: String, format: InputFormat, encoding: String) {
        self.path = path
        self.format = format
        self.encoding = encoding
    }
}

/// The kinds of input tablefix reads.
public enum InputFormat: String, Sendable, Equatable, CaseIterable {
    /// `image`: a picture (PNG, JPEG, TIFF, GIF) read as one scanned page.
    case text, html, docx, pdf, image
}

extension Document {
    /// The cleaned text: every block that was not removed, one after another; tables as
    /// tab-separated rows, images as `[image: name]`.
    public var text: String {
        blocks.compactMap { block in
            if case .removed = block.content { return nil }
            return block.text
        }.joined(separator: "\n")
    }
}

extension Document {
    /// The lines read by OCR off pictures: text lines and grid cells that carry an OCR
    /// confidence.
    public var linesReadFromPictures: Set<Int> {
        var lines = Set<Int>()
        for block in blocks {
            switch block.content {
            case .heading(let text), .paragraph(let text):
                for line in text where line.ocrConfidence != nil { lines.insert(line.line) }
            case .table(let grid):
                for row in grid.rows { for cell in row where cell.ocrConfidence != nil { lines.insert(cell.line) } }
            case .image, .removed: break
            }
        }
        return lines
    }
}
