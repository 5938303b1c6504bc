import TablefixModel

extension StatementReader {
    /// The statement a chosen match makes, with its qualifiers, target and place.
    ///
    /// Its place is in the block where its raw text starts; a negation phrase that runs on
    /// into the next paragraph is cut at the block's end.
    func statement(for match: PhraseMatcher.Match, in text: ProseText, tokens: [NumberToken]) -> Statement {
        let figure = phrases.figures[match.figure]
        let span = match.number.map { $0.start..<$0.end } ?? match.start..<match.end
        let range = text.originalRange(of: span)
        let (block, cut, characters) = text.place(of: range)
        let sentence = text.originalRange(of: ProseText.range(holding: match.anchor, in: text.sentences))
        let target = phrases.target(of: figure, template: template)
        var qualifiers = qualifiers(of: match, figure: figure, in: text, tokens: tokens)
        let unit = match.number.flatMap { number in number.percent ? "%" : number.unit.map { phrases.unitNames[$0] } }
        let value = match.number?.value(in: text) ?? 0
        if let column = target?.unit, value != 0, unit != column {
            // Zero is zero in every unit; any other number in another unit is not converted.
            qualifiers.append(.unitDiffers(printed: unit, column: column))
        }
        return Statement(
            figure: figure.name, value: value,
            raw: text.text(cut), unit: unit,
            negation: match.number == nil, qualifiers: qualifiers, target: target,
            sentence: text.text(sentence).trimmingSpaces, block: block, line: text.line(at: range.lowerBound),
            range: characters)
    }

    /// What makes the match's number something else than the figure of the report's year.
    ///
    /// Marks on the number itself (约, 余, %, a range) come from its token; another year is
    /// the last year printed before it in its sentence, or `上年` in its item; a difference
    /// is `同比`/`增加` in its item; a sub-count is `其中` before it in its sentence up to a semicolon, unless the
    /// figure is itself a breakdown item. Markers inside the phrase's own literal text
    /// (`上年结转`) do not count.
    func qualifiers(
        of match: PhraseMatcher.Match, figure: StatementPhrases.Figure, in text: ProseText,
        tokens: [NumberToken]
    ) -> [Qualifier] {
        var qualifiers: [Qualifier] = []
        let markers = phrases.markers
        let anchor = match.anchor
        let item = itemStart(of: match, tokens: tokens)..<anchor
        let sentence = ProseText.range(holding: anchor, in: text.sentences)
        if let printed = lastYear(in: sentence.lowerBound..<anchor, of: text), let year, printed != year {
            qualifiers.append(.otherYear("\(printed)年"))
        } else if let marker = find(markers.otherYear, in: item, of: text, outside: match.literals) {
            qualifiers.append(.otherYear(ProseText.string(marker)))
        }
        if let marker = find(markers.comparison, in: item, of: text, outside: match.literals) {
            qualifiers.append(.comparison(ProseText.string(marker)))
        }
        let segment = ProseText.range(holding: anchor, in: text.segments)
        if !figure.breakdown,
            find(markers.subcount, in: segment.lowerBound..<anchor, of: text, outside: match.literals) != nil
        {
            qualifiers.append(.subcount)
        }
        if let number = match.number {
            if number.percent { qualifiers.append(.percentage) }
            if number.range { qualifiers.append(.range) }
            if let marker = number.approximation { qualifiers.append(.approximation(marker)) }
        }
        return qualifiers
    }

    /// The last year printed in `range` (`2021年`, `2022年度`), if any.
    func lastYear(in range: Range<Int>, of text: ProseText) -> Int? {
        let scalars = text.scalars
        let nian: UInt32 = 0x5E74
        var index = range.upperBound - 1
        while index >= range.lowerBound + 4 {
            if scalars[index] == nian {
                let digits = scalars[(index - 4)..<index]
                let startsRun = index - 5 < 0 || !ProseText.isDigit(scalars[index - 5])
                if startsRun, digits.allSatisfy(ProseText.isDigit) {
                    let year = digits.reduce(0) { $0 * 10 + Int(($1 >= 0xFF10 ? $1 - 0xFF10 : $1 - 0x30)) }
                    if (1990...2100).contains(year) { return year }
                }
            }
            index -= 1
        }
        return nil
    }
}
