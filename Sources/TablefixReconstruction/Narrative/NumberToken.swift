import TablefixModel

/// A number in prose as a count or an amount: digits (ASCII or full-width, thousands
/// separators, a decimal part) or a Chinese numeral, with the unit printed after it and the
/// marks around it that make it something else than a plain figure.
///
/// What is not a count is no token: a year or a date (`2023年`, `1月`), an ordinal (`第一`),
/// a word that holds a numeral (`一是`, `进一步`, `二十大`), one of a row of numbers a space
/// apart (a table row that came out as a paragraph).
struct NumberToken: Sendable, Equatable {
    /// Where the numeral is, in `ProseText.scalars`.
    var start: Int
    var end: Int
    /// Just after the unit and any marker after it: where the text goes on.
    var next: Int
    /// Written in Chinese numerals rather than digits.
    var chinese: Bool
    /// The unit printed after it, as an index of ``StatementPhrases/units``.
    var unit: Int?
    /// The marker of an approximation before or after the number (`约`, `余`, `左右`).
    var approximation: String?
    var percent = false
    var range = false

    /// Every count or amount in `text`, in order.
    static func tokens(in text: ProseText, phrases: StatementPhrases) -> [NumberToken] {
        let scalars = text.scalars
        var tokens: [NumberToken] = []
        var index = 0
        while index < scalars.count {
            let value = scalars[index]
            var end = index
            var valid: Bool
            let chinese = ChineseNumeral.isCountingScalar(value)
            if ProseText.isDigit(value) {
                end = digitRunEnd(from: index, in: scalars)
                // What NumberReader reads: at most 20 characters (the run's grouping is checked).
                valid = end - index <= 20
            } else if chinese {
                while end < scalars.count, ChineseNumeral.isCountingScalar(scalars[end]) { end += 1 }
                // 三万元 is 3 in 万元, not 30000 in 元.
                if end - index > 1, scalars[end - 1] == ChineseNumeral.tenThousand,
                    phrases.units.contains(where: { text.has($0, at: end - 1) })
                {
                    end -= 1
                }
                valid = ChineseNumeral.value(ofScalars: scalars[index..<end]) != nil
            } else {
                index += 1
                continue
            }
            if valid, let token = token(index..<end, chinese: chinese, in: text, phrases: phrases) {
                tokens.append(token)
                index = max(end, token.next)
            } else {
                index = max(end, index + 1)
            }
        }
        // `3-5件`: the first end of a range takes the unit printed after the second.
        for index in tokens.indices.dropLast()
        where tokens[index].range && tokens[index + 1].range
            && tokens[index].unit == nil && tokens[index + 1].start - tokens[index].end <= 2
        {
            tokens[index].unit = tokens[index + 1].unit
        }
        return tokens
    }

    /// The number the token stands for (read only for the tokens a statement uses).
    func value(in text: ProseText) -> Double {
        let numeral = text.scalars[start..<end]
        if chinese { return ChineseNumeral.value(ofScalars: numeral).map(Double.init) ?? 0 }
        return NumberReader.reading(of: ProseText.string(Array(numeral)))?.value ?? 0
    }

    /// The end of the digits at `start`: thousands groups and one decimal part included.
    static func digitRunEnd(from start: Int, in scalars: [UInt32]) -> Int {
        var end = start
        while end < scalars.count {
            if ProseText.isDigit(scalars[end]) {
                end += 1
            } else if ProseText.isThousandsSeparator(at: end, in: scalars) {
                end += 4
            } else {
                break
            }
        }
        if end + 1 < scalars.count, [0x2E, 0xFF0E].contains(scalars[end]), ProseText.isDigit(scalars[end + 1]) {
            end += 1
            while end < scalars.count, ProseText.isDigit(scalars[end]) { end += 1 }
        }
        return end
    }

    /// The numeral at `numeral` as a token with its unit and marks, or nil when it is no count.
    static func token(_ numeral: Range<Int>, chinese: Bool, in text: ProseText, phrases: StatementPhrases)
        -> NumberToken?
    {
        let scalars = text.scalars
        let markers = phrases.markers
        let (start, end) = (numeral.lowerBound, numeral.upperBound)
        if start > 0 {
            let before = scalars[start - 1]
            let isLetter = (0x41...0x5A).contains(before) || (0x61...0x7A).contains(before)
            if isLetter || before == ProseText.space || text.marker(from: markers.ordinalBefore, endingAt: start) != nil
            {
                return nil
            }
        }
        var token = NumberToken(start: start, end: end, next: end, chinese: chinese)
        if let marker = text.marker(from: markers.approximateBefore, endingAt: start) {
            token.approximation = ProseText.string(marker)
        }
        token.percent = text.marker(from: markers.percentBefore, endingAt: start) != nil
        token.range = isRangeEnd(before: start, in: text, joiners: markers.rangeJoiners)
        var next = end
        if next < scalars.count, scalars[next] == ProseText.space || isListMarker(numeral, in: scalars) { return nil }
        if let marker = text.marker(from: markers.approximateAfter, at: next) {
            token.approximation = token.approximation ?? ProseText.string(marker)
            next += marker.count
        }
        if let marker = text.marker(from: markers.percentAfter, at: next) {
            token.percent = true
            next += marker.count
        } else if let unit = phrases.units.firstIndex(where: { text.has($0, at: next) }) {
            token.unit = unit
            next += phrases.units[unit].count
            if let marker = text.marker(from: markers.approximateAfter, at: next) {
                token.approximation = token.approximation ?? ProseText.string(marker)
                next += marker.count
            }
        }
        if isRangeStart(after: end, in: text, joiners: markers.rangeJoiners)
            || isRangeStart(after: next, in: text, joiners: markers.rangeJoiners)
        {
            token.range = true
        } else if token.unit == nil, !token.percent, next < scalars.count, isWordCharacter(scalars[next]) {
            // 2023年, 1月, 一是, 二十大: a numeral inside a word or a date, not a count.
            return nil
        }
        token.next = next
        return token
    }

    /// `四、`, `2.`, `（一）`: a numeral that numbers a heading or an item, not a count.
    static func isListMarker(_ numeral: Range<Int>, in scalars: [UInt32]) -> Bool {
        let after = numeral.upperBound < scalars.count ? scalars[numeral.upperBound] : nil
        let before = numeral.lowerBound > 0 ? scalars[numeral.lowerBound - 1] : nil
        if let after, listMarkerEnds.contains(after) { return true }
        return before.map(openingBrackets.contains) == true && after.map(closingBrackets.contains) == true
    }

    static let listMarkerEnds: Set<UInt32> = Set("、.．".unicodeScalars.map(\.value))
    static let openingBrackets: Set<UInt32> = Set("（(".unicodeScalars.map(\.value))
    static let closingBrackets: Set<UInt32> = Set("）)".unicodeScalars.map(\.value))

    /// A range joiner at `index` followed by a number: `3-5件`, `三至五件`.
    static func isRangeStart(after index: Int, in text: ProseText, joiners: [[UInt32]]) -> Bool {
        guard let joiner = text.marker(from: joiners, at: index) else { return false }
        let after = index + joiner.count
        return after < text.scalars.count && isNumeral(text.scalars[after])
    }

    /// A number and a range joiner just before `index`: the `5` of `3-5件`.
    static func isRangeEnd(before index: Int, in text: ProseText, joiners: [[UInt32]]) -> Bool {
        guard let joiner = text.marker(from: joiners, endingAt: index) else { return false }
        let before = index - joiner.count - 1
        return before >= 0 && isNumeral(text.scalars[before])
    }

    static func isNumeral(_ value: UInt32) -> Bool { ProseText.isDigit(value) || ChineseNumeral.isCountingScalar(value) }

    /// CJK ideographs and Latin letters: what a count's unit would be, or a word goes on with.
    static func isWordCharacter(_ value: UInt32) -> Bool {
        CJK.isIdeograph(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }
}
