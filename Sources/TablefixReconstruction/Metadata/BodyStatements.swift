import TablefixModel

/// The issuing body as a report without a title names itself: a web page's metadata box
/// (发布机构：…), the preamble (本报告由…根据…), or the contact sentence (请与…办公室联系).
/// Matched on the simplified forms, read from the text as printed (traditional characters
/// stay).
enum BodyStatements {
    /// Where the body stands: the words before it and, where the phrase closes, after it.
    static let phrases: [(before: String, after: String?)] = [
        ("发布机构：", nil), ("发布机构:", nil), ("本报告由", "根据"), ("请与", "联系"),
    ]
    /// The office a contact sentence names after the body: not part of it.
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

    static func body(in line: String, _ phrase: (before: String, after: String?)) -> String? {
        let printed = Array(line.unicodeScalars)
        let simplified = Array(SimplifiedForms.of(line).unicodeScalars)
        guard let start = range(of: phrase.before, in: simplified)?.upperBound else { return nil }
        var end: Int
        if let after = phrase.after {
            guard let close = range(of: after, in: simplified, from: start) else { return nil }
            end = close.lowerBound
            for office in offices {
                let tail = Array(office.unicodeScalars)
                if end - start > tail.count, Array(simplified[(end - tail.count)..<end]) == tail {
                    end -= tail.count
                    break
                }
            }
        } else {
            var from = start
            while from < simplified.count, simplified[from].properties.isWhitespace { from += 1 }
            end = from
            while end < simplified.count, !simplified[end].properties.isWhitespace { end += 1 }
            return name(printed[from..<end])
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

    static func range(of word: String, in text: [Unicode.Scalar], from start: Int = 0) -> Range<Int>? {
        let word = Array(word.unicodeScalars)
        guard !word.isEmpty, text.count >= word.count, start <= text.count - word.count else { return nil }
        for index in start...(text.count - word.count) where Array(text[index..<(index + word.count)]) == word {
            return index..<(index + word.count)
        }
        return nil
    }
}
