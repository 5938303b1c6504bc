import TablefixModel

/// A cell's value as read from the text, before the table's arithmetic is applied.
struct CellReading {
    var value: Double?
    var raw: String
    var confidence: Double
    /// The rule that produced the value.
    var rule: String
    var why: String?
    var line: Int

    /// A cell the region does not show at all.
    static func missing(_ why: String) -> CellReading {
        CellReading(value: nil, raw: "", confidence: 0.1, rule: "missing", why: why, line: 0)
    }

    /// The reading of one token of a row's values.
    static func from(_ token: Token, decimal: Bool) -> CellReading {
        switch token.kind {
        case .blank:
            return CellReading(value: nil, raw: "", confidence: 0.9, rule: "blank", why: "blank in source",
                               line: token.line)
        case .placeholder where NumberGlyphs.dashLookalikes.contains(token.raw):
            return CellReading(value: nil, raw: token.raw, confidence: 0.6, rule: "ocr-digits",
                               why: "\(token.raw) among numbers: a dash as an OCR reads it", line: token.line)
        case .placeholder:
            return CellReading(value: nil, raw: token.raw, confidence: 0.95, rule: "placeholder",
                               why: "\(token.raw) in source", line: token.line)
        case .text:
            return CellReading(value: nil, raw: token.raw, confidence: 0.2, rule: "unreadable",
                               why: "not a number", line: token.line)
        case .number:
            guard let reading = NumberReader.reading(of: token.raw) else {
                return CellReading(value: nil, raw: token.raw, confidence: 0.2, rule: "unreadable", why: "not a number",
                                   line: token.line)
            }
            if reading.repaired {
                return CellReading(value: reading.value, raw: token.raw, confidence: 0.55, rule: "ocr-digits",
                                   why: "letters read as digits", line: token.line)
            }
            if !decimal, reading.value != reading.value.rounded() {
                return CellReading(value: reading.value, raw: token.raw, confidence: 0.5, rule: "label-row",
                                   why: "a fraction where the column counts items", line: token.line)
            }
            return CellReading(value: reading.value, raw: token.raw, confidence: 0.97, rule: "label-row", why: nil,
                               line: token.line)
        }
    }
}
