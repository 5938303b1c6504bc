/// One way reports word a figure, compiled from the phrase data: literal fragments, bounded
/// gaps and at most one number slot, such as `收到…申请…#` or `未收到…申请`.
///
/// In the data, `…` is a gap and `#` the number with its unit; everything else is literal.
/// Text is compared as Unicode scalar values.
struct PhrasePattern: Sendable, Equatable {
    enum Element: Sendable, Equatable {
        case literal([UInt32])
        case gap
        case number
    }

    var elements: [Element]
    /// The pattern as the data writes it.
    var source: String

    static let gapMark: Character = "…"
    static let numberMark: Character = "#"

    /// Compiles `source`; a number pattern has exactly one `#`, a `none` pattern none.
    ///
    /// - Throws: a one-line reason when the pattern cannot be used.
    init(_ source: String, number: Bool) throws(PhraseDataError) {
        self.source = source
        var elements: [Element] = []
        var literal: [UInt32] = []
        func flush() {
            if !literal.isEmpty { elements.append(.literal(literal)) }
            literal = []
        }
        for char in source {
            switch char {
            case Self.gapMark:
                flush()
                elements.append(.gap)
            case Self.numberMark:
                flush()
                elements.append(.number)
            default:
                literal.append(contentsOf: ProseText.scalars(of: char))
            }
        }
        flush()
        self.elements = elements
        let numbers = elements.filter { $0 == .number }.count
        guard numbers == (number ? 1 : 0) else {
            throw PhraseDataError("pattern \"\(source)\": " + (number ? "needs one #" : "a none pattern has no #"))
        }
        guard elements.contains(where: { if case .literal = $0 { true } else { false } }) else {
            throw PhraseDataError("pattern \"\(source)\": no literal text")
        }
        guard elements.first != .gap, elements.last != .gap else {
            throw PhraseDataError("pattern \"\(source)\": starts or ends with a gap")
        }
        // The matcher looks for a pattern's start among ideographs only.
        if case .literal(let first) = elements[0], let scalar = first.first, scalar < 0x3400 {
            throw PhraseDataError("pattern \"\(source)\": starts with no ideograph")
        }
        for (left, right) in zip(elements, elements.dropFirst()) where left == .gap && right == .gap {
            throw PhraseDataError("pattern \"\(source)\": two gaps in a row")
        }
    }

    /// The first literal fragment: where a match that does not start with the number starts.
    var leadingLiteral: [UInt32]? {
        if case .literal(let scalars) = elements.first { scalars } else { nil }
    }
}

/// Phrase data that cannot be used: why, in one line (the loader adds the file).
struct PhraseDataError: Error, Sendable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
