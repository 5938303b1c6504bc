public import TablefixModel

/// Normalises invisible and odd spaces: no-break and full-width spaces become plain
/// spaces, zero-width characters and byte-order marks go, and each line and cell loses
/// its leading and trailing spaces.
///
/// Never touches a digit or any visible character; a space between two digits stays.
public struct WhitespaceHygiene: CleanupPass {
    public init() {}

    public func apply(to document: inout Document) {
        var edits: [Edit] = []
        document.rewriteText(includingCells: true) { text, line in
            let cleaned = Self.clean(text)
            guard cleaned != text else { return }
            // Plain spaces at the ends of a line are layout, not content: no edit for them.
            if cleaned != text.trimmingCharacters(in: " ") {
                let (before, after) = changedSpan(text, cleaned)
                edits.append(Edit(kind: .whitespace, before: before, after: after, line: line, confidence: ConfidencePolicy.standard.editWhitespace))
            }
            text = cleaned
        }
        document.edits += edits
    }

    static func clean(_ text: String) -> String {
        // The usual line: no odd space, no plain space at either end. Returned as it is.
        if text.utf8.first != 0x20, text.utf8.last != 0x20, !text.unicodeScalars.contains(where: isOdd) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar.value {
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
                // Between two digits it still separates two numbers.
                let digitBefore = index > 0 && scalars[index - 1].properties.numericType == .decimal
                let digitAfter = index + 1 < scalars.count && scalars[index + 1].properties.numericType == .decimal
                if digitBefore && digitAfter { result.unicodeScalars.append(" ") }
            case 0x00A0, 0x3000, 0x2002...0x200A, 0x202F, 0x205F, 0x0009, 0x000B, 0x000C:
                result.unicodeScalars.append(" ")
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result.trimmingCharacters(in: " ")
    }

    /// A scalar ``clean(_:)`` removes or turns into a plain space.
    static func isOdd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x00A0, 0x3000, 0x2002...0x200A, 0x202F, 0x205F, 0x0009,
            0x000B, 0x000C:
            true
        default: false
        }
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        guard let start = firstIndex(where: { $0 != set }) else { return "" }
        let end = lastIndex(where: { $0 != set }) ?? start
        return String(self[start...end])
    }
}
