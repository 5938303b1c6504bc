import TablefixModel

/// A cell's value as read from the text, with the evidence of how it was read and placed,
/// before the table's arithmetic is weighed.
struct CellReading: Equatable {
    var value: Double?
    var raw: String
    var line: Int
    var evidence: CellEvidence

    /// The reading of one token of a row's values, placed after its row's label.
    static func from(_ token: Token, decimal: Bool, placement: CellEvidence.Placement = .label) -> CellReading {
        let (value, source) = read(token, decimal: decimal)
        return CellReading(value: value, raw: token.raw, line: token.line,
                           evidence: CellEvidence(source: source, placement: placement))
    }

    /// A cell the region does not show at all.
    static func missing(_ placement: CellEvidence.Placement, raw: String = "") -> CellReading {
        CellReading(value: nil, raw: raw, line: 0, evidence: CellEvidence(source: .absent, placement: placement))
    }

    /// The reading placed otherwise.
    func placed(_ placement: CellEvidence.Placement) -> CellReading {
        var reading = self
        reading.evidence.placement = placement
        return reading
    }

    /// The value a token stands for and how it was read.
    static func read(_ token: Token, decimal: Bool) -> (Double?, CellEvidence.ValueSource) {
        switch token.kind {
        case .blank: return (nil, .blank)
        case .placeholder where NumberGlyphs.dashLookalikes.contains(token.raw): return (nil, .dashLookalike(token.raw))
        case .placeholder: return (nil, .noneMark(token.raw))
        case .text: return (nil, .unreadable)
        case .number:
            guard let reading = NumberReader.reading(of: token.raw) else { return (nil, .unreadable) }
            if reading.repaired { return (reading.value, .repairedDigits) }
            if !decimal, reading.value != reading.value.rounded() { return (reading.value, .fraction) }
            return (reading.value, .printed)
        }
    }

    /// The output cell for `key`.
    func cell(_ key: String, policy: ConfidencePolicy) -> ExtractedCell {
        ExtractedCell(key: key, value: value, raw: raw, line: line, evidence: evidence, policy: policy)
    }
}
