import TablefixModel

/// A cell's value as read from the text, with the evidence of how it was read and placed,
/// before the table's arithmetic is weighed.
struct CellReading: Equatable {
    var value: Double?
    var raw: String
    var line: Int
    var evidence: CellEvidence

    /// The reading of one token of a row's values, placed after its row's label; `unit`
    /// is the unit its column counts in, if the format names one.
    static func from(_ token: Token, decimal: Bool, unit: String? = nil, placement: CellEvidence.Placement = .label)
        -> CellReading
    {
        let (value, source) = read(token, decimal: decimal, unit: unit)
        return CellReading(value: value, raw: token.raw, line: token.line,
                           evidence: CellEvidence(source: source, placement: placement))
    }

    /// The value the table's arithmetic counts: a cell the form does not print counts as
    /// nothing, so the relations over the cells it does print still hold.
    var arithmeticValue: Double? { evidence.placement == .notPrinted ? 0 : value }

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
    static func read(_ token: Token, decimal: Bool, unit: String? = nil) -> (Double?, CellEvidence.ValueSource) {
        switch token.kind {
        case .blank: return (nil, .blank)
        case .placeholder where NumberGlyphs.dashLookalikes.contains(token.raw): return (nil, .dashLookalike(token.raw))
        case .placeholder: return (nil, .noneMark(token.raw))
        case .text: return (nil, .unreadable)
        case .number:
            guard let reading = NumberReader.reading(of: token.raw) ?? NumberReader.strayMarkReading(of: token.raw) else {
                return (nil, .unreadable)
            }
            if reading.repaired { return (reading.value, .repairedDigits) }
            if !decimal, reading.value != reading.value.rounded() { return (reading.value, .fraction) }
            if reading.unit != nil || reading.note != nil {
                let differs = reading.unit.map(SimplifiedForms.of).map {
                    NumberReader.moneyUnits.contains($0) && unit != nil && $0 != unit
                } ?? false
                return (reading.value, .annotated(unit: reading.unit, note: reading.note, otherUnit: differs ? unit : nil))
            }
            return (reading.value, .printed)
        }
    }

    /// The output cell for `key`.
    func cell(_ key: String, policy: ConfidencePolicy) -> ExtractedCell {
        ExtractedCell(key: key, value: value, raw: raw, line: line, evidence: evidence, policy: policy)
    }
}
