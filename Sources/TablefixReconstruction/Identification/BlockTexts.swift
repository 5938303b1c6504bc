import TablefixModel

/// What identification reads of a document's blocks, worked out once for all templates:
/// each block's text, the letters of each heading and paragraph, which of them are short
/// enough to be a table's heading, and which open a section.
struct BlockTexts {
    /// Each block's text (``Block/text``).
    let texts: [String]
    /// The letters of each heading and paragraph block; nil for other blocks.
    let letters: [[UInt32]?]
    /// Whether the block is a heading or paragraph short enough to be a table's heading:
    /// at most ``longestHeading`` bytes and no full stop.
    let isShort: [Bool]
    /// Whether the block is a top-level section heading (``opensSection(_:letters:)``).
    let opensSection: [Bool]

    /// The most UTF-8 bytes a table's heading runs to.
    static let longestHeading = 240

    init(_ blocks: [Block]) {
        texts = blocks.map(\.text)
        letters = zip(blocks, texts).map { block, text in block.textLines == nil ? nil : LabelMatcher.letters(text) }
        isShort = zip(letters, texts).map { letters, text in
            letters != nil && text.utf8.count <= Self.longestHeading && !text.containsText("。")
        }
        opensSection = zip(blocks, letters).map { block, letters in Self.opensSection(block, letters: letters) }
    }

    /// The letters of block `index`, whatever its kind.
    func letters(at index: Int) -> [UInt32] { letters[index] ?? LabelMatcher.letters(texts[index]) }

    /// A top-level section heading (`五、…`), which ends the section before it: judged by
    /// its text, since a heading a converter wrapped in markup (`**五、…**`) reads as a
    /// paragraph until cleanup strips it. A fragment such as `三、本年` (a merged label cut
    /// by a page's reading order) is not one.
    static func opensSection(_ block: Block, letters: [UInt32]?) -> Bool {
        guard let letters, letters.count >= 4, let first = block.textLines?.first,
            LineRole.isHeading(first.text.trimmingSpaces), LineRole.isSectionNumbered(first.text)
        else { return false }
        return true
    }
}
