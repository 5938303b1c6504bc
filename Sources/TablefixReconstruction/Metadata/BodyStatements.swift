import TablefixModel

/// The issuing body as a report without a title names itself: a web page's metadata box
/// (发布机构：…), the preamble (本报告由…根据…), or the contact sentence (请与…办公室联系).
/// Matched on the simplified forms, read from the text as printed (traditional characters
/// stay).
enum BodyStatements {
    /// Where the body stands: the words before it and, where the phrase closes, after it;
    /// whether an office of the body may stand between them (a contact sentence's).
    static let phrases: [(before: String, after: String?, office: Bool)] = [
        ("发布机构：", nil, false), ("发布机构:", nil, false), ("本报告由", "根据", false), ("请与", "联系", true),
    ]
    /// The office a contact sentence names after the body: not part of it (the body that
    /// issues the report may be an office itself: 宜兴市人民政府办公室).
    static let offices = ["综合办公室", "办公室", "党政办", "综合科", "办"]
    /// Longer is a sentence, not a name.
    static let longestBody = 30

    /// The body the first phrase that names one gives, phrases in the order above.
    static func body(in lines: [String]) -> String? {
        for phrase in phrases {
            for line in lines {
                if let body = body(in: line, phrase) { return body }
            }
        }
        return nil
    }

    static func body(in line: String, _ phrase: (before: String, after: String?, office: Bool)) -> String? {
        let printed = Array(line.unicodeScalars)
        let simplified = SimplifiedForms.of(line).unicodeScalars.map(\.value)
        guard let start = LabelMatcher.range(of: scalars(phrase.before), in: simplified)?.upperBound else { return nil }
        guard let after = phrase.after else {
            let isSpace = { (value: UInt32) in Unicode.Scalar(value)?.properties.isWhitespace ?? false }
            let from = simplified[start...].firstIndex { !isSpace($0) } ?? simplified.count
            return name(printed[from..<(simplified[from...].firstIndex(where: isSpace) ?? simplified.count)])
        }
        guard var end = LabelMatcher.range(of: scalars(after), in: simplified, from: start)?.lowerBound else { return nil }
        if phrase.office, let office = offices.map(scalars).first(where: { end - start > $0.count && simplified[..<end].suffix($0.count).elementsEqual($0) }) {
            end -= office.count
        }
        return name(printed[start..<end])
    }

    /// A name, unless it is too long, holds punctuation, or names the body's disclosure
    /// office or group rather than the body (…信息公开工作领导小组).
    static func name(_ scalars: ArraySlice<Unicode.Scalar>) -> String? {
        let text = String(String.UnicodeScalarView(scalars)).trimmingSpaces
        guard !text.isEmpty, text.count <= longestBody, !text.contains(where: { $0.isPunctuation && $0 != "“" && $0 != "”" }),
            !SimplifiedForms.of(text).contains("信息公开")
        else { return nil }
        return text
    }

    static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }
}
