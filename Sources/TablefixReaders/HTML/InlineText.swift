import TablefixModel

/// The text of one line being assembled from the text nodes of a page, with white space
/// collapsed the way a browser renders it.
///
/// Runs of ASCII white space become one space; a run that holds a line break between two
/// CJK characters disappears (CSS Text's segment-break rule, so that a source line
/// wrapped inside a Chinese sentence does not leave a space); spaces at the start and end
/// of the line go. No-break and ideographic spaces are kept: cleanup normalises them and
/// records the edit. Preformatted text keeps its spaces.
struct InlineText {
    private(set) var text = ""
    /// The 1-based source line of the first text added.
    private(set) var line = 0
    private var pendingSpace = false
    private var pendingBreak = false

    var isEmpty: Bool { text.isEmpty }

    /// Adds the text of a text node that starts on `line`.
    mutating func append(_ raw: String, line: Int, preformatted: Bool = false) {
        if preformatted {
            appendPending()
            if text.isEmpty, !raw.isEmpty { self.line = line }
            text += raw
            return
        }
        // Most text nodes hold no white space to collapse: added whole, their bytes say so.
        if let first = raw.first, !raw.utf8.contains(where: Self.isCollapsible) {
            closePendingSpace(before: first)
            if text.isEmpty { self.line = line }
            text += raw
            return
        }
        for character in raw {
            if Self.isCollapsible(character) {
                pendingSpace = true
                if character == "\n" || character == "\r\n" || character == "\r" { pendingBreak = true }
                continue
            }
            closePendingSpace(before: character)
            if text.isEmpty { self.line = line }
            text.append(character)
        }
    }

    /// Puts down the white space collapsed before `next`: one space, none at the line's
    /// start nor for a line break between two CJK characters.
    private mutating func closePendingSpace(before next: Character) {
        if pendingSpace, let last = text.last {
            let wide = (last.isCJK || last.isCJKPunctuation) && (next.isCJK || next.isCJKPunctuation)
            if !(pendingBreak && wide) { text.append(" ") }
        }
        pendingSpace = false
        pendingBreak = false
    }

    /// Keeps a space seen at the end of a text node for the text that follows.
    private mutating func appendPending() {
        if pendingSpace, !text.isEmpty, !pendingBreak { text.append(" ") }
        pendingSpace = false
        pendingBreak = false
    }

    /// The line's text, or nil when it holds only white space (a `&nbsp;` paragraph is
    /// blank too); empties the line.
    mutating func take() -> (text: String, line: Int)? {
        defer { self = InlineText() }
        guard !text.isBlank else { return nil }
        return (text, line)
    }

    /// The bytes of ``isCollapsible(_:)-(Character)``'s characters: a text without any has none.
    static func isCollapsible(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    /// ASCII white space, which HTML collapses (not NBSP, not the ideographic space).
    static func isCollapsible(_ character: Character) -> Bool {
        character == " " || character == "\n" || character == "\t" || character == "\r\n" || character == "\r"
            || character == "\u{0C}"
    }
}
