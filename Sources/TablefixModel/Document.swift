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

    public init(source: Source, blocks: [Block], edits: [Edit] = []) {
        self.source = source
        self.blocks = blocks
        self.edits = edits
    }
}

/// The origin of a document: its path, detected format and text encoding.
public struct Source: Sendable, Equatable {
    public var path: String
    public var format: InputFormat
    /// The encoding the bytes were decoded from, as output.md names it (`utf-8`, `gb18030` …).
    public var encoding: String

    public init(path: String, format: InputFormat, encoding: String) {
        self.path = path
        self.format = format
        self.encoding = encoding
    }
}

/// The kinds of input tablefix reads.
public enum InputFormat: String, Sendable, Equatable, CaseIterable {
    case text, html, docx
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
