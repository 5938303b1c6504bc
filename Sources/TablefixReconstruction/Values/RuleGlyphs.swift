import TablefixModel

/// The values of a row whose table rules an OCR read as digits: between the zeros of a
/// ruled table the rules come out as `1`, `l` or `]` (`0  0 |10101010  0` for seven
/// zeros), spaces lost, so that a word holds several cells and the rules between them.
///
/// Each rule-like glyph of a word made only of zeros and such glyphs may be a rule or a
/// digit; what is left is cut into numbers without leading zeros (`00` is two zeros). The
/// readings that give one value per column and that the row's own arithmetic accepts are
/// kept, each distinct row of values once.
enum RuleGlyphs {
    /// What an OCR prints for a vertical rule that it does not print as `|`.
    static let ruleLike: Set<Character> = ["1", "l", "I", "]", "】"]
    /// What it prints for a zero.
    static let zeroLike: Set<Character> = ["0", "o", "O"]

    /// Letters an OCR prints for a zero.
    static let letterZeros: Set<Character> = ["o", "O"]

    /// Whether `raw` is digits among which an OCR may have read rules as `1` (`1010195` for
    /// a rule, 0, a rule, 0, a rule, 95; `50|1010101010150`): a zero, a rule-like glyph and
    /// another digit, four glyphs at least. Such a word reads as a number too: its rules
    /// are weighed only where nothing else fits its row.
    static func mayHoldRulesAmongDigits(_ raw: String) -> Bool {
        raw.count >= 4 && raw.allSatisfy { $0.isASCII && ($0.isNumber || ruleLike.contains($0)) }
            && raw.contains("0") && raw.contains(where: ruleLike.contains)
            && raw.contains { $0.isASCII && $0.isNumber && !ruleLike.contains($0) && !zeroLike.contains($0) }
    }

    /// Whether `raw` may hold rules read as digits, or zeros run together that it read as
    /// letters (`oo`): zeros and rule-like glyphs only, with a zero and either a rule-like
    /// glyph or a letter for a zero.
    static func mayHoldRules(_ raw: String) -> Bool {
        raw.allSatisfy { ruleLike.contains($0) || zeroLike.contains($0) }
            && raw.contains(where: zeroLike.contains)
            && raw.contains { ruleLike.contains($0) || letterZeros.contains($0) }
    }

    /// Whether reading `raw` as a number fails for want of weighing rules in it (`olo`, `oo`),
    /// or reads a zero and its rule (``NumberGlyphs/ruledZeros``: `lo`) that the row's
    /// arithmetic may read as `10` instead.
    static func needsRules(_ raw: String) -> Bool {
        mayHoldRules(raw) && (NumberGlyphs.ruledZeros.contains(raw) || NumberReader.reading(of: raw) == nil)
    }

    /// A row of values read so, and for each value the index of the word it came from.
    struct Row: Equatable {
        var values: [Double]
        var words: [Int]
    }

    /// The rows of `columns` values that `printed` may stand for, with rules read as
    /// digits among them, and that `check` accepts; nil when no word may hold rules, or
    /// when reading them finds none or more than `limit`. `trials` bounds the search.
    /// `amongDigits`: words of other digits may hold rules too (``mayHoldRulesAmongDigits(_:)``).
    static func rows(of printed: [Token], columns: Int, check: ([Double?]) -> Bool?, limit: Int, trials: Int,
                     amongDigits: Bool = false) -> [Row]?
    {
        let rulesAmongDigits = { (raw: String) in amongDigits && !mayHoldRules(raw) && mayHoldRulesAmongDigits(raw) }
        guard printed.contains(where: { mayHoldRules($0.raw) || rulesAmongDigits($0.raw) }) else { return nil }
        var options: [[[Double]]] = []
        for token in printed {
            if mayHoldRules(token.raw) {
                options.append(readings(of: token.raw, atMost: columns))
            } else if rulesAmongDigits(token.raw) {
                options.append(readings(of: token.raw, atMost: columns, wholeRuns: true))
            } else if token.kind == .number, let value = NumberReader.reading(of: token.raw)?.value {
                options.append([[value]])
            } else {
                return nil
            }
        }
        var found: [Row] = []
        var seen = Set<[Double]>()
        var budget = trials
        func extend(_ index: Int, _ built: Row) {
            guard budget > 0, found.count <= limit, built.values.count <= columns else { return }
            budget -= 1
            guard index < options.count else {
                if built.values.count == columns, check(built.values) == true, seen.insert(built.values).inserted {
                    found.append(built)
                }
                return
            }
            for option in options[index] {
                extend(index + 1, Row(values: built.values + option,
                                      words: built.words + Array(repeating: index, count: option.count)))
            }
        }
        extend(0, Row(values: [], words: []))
        return found.isEmpty || found.count > limit ? nil : found
    }

    /// Every distinct sequence of at most `most` values a word of digits and rule-like glyphs
    /// may stand for: each rule-like glyph a rule or a 1, each run between rules cut into
    /// numbers without leading zeros. With `wholeRuns` (rules among other digits), each run
    /// is one number, or zeros one each: cutting runs of any digits every way would cost
    /// 2ⁿ for n digits.
    static func readings(of raw: String, atMost most: Int, wholeRuns: Bool = false) -> [[Double]] {
        let glyphs = Array(raw)
        let rules = glyphs.indices.filter { ruleLike.contains(glyphs[$0]) }
        guard rules.count <= maxRules else { return [] }
        var result = Set<[Double]>()
        for mask in 0..<(1 << rules.count) {
            var runs: [[Character]] = [[]]
            for (position, glyph) in glyphs.enumerated() {
                if let bit = rules.firstIndex(of: position), mask & (1 << bit) != 0 {
                    runs.append([])
                } else {
                    runs[runs.count - 1].append(zeroLike.contains(glyph) ? "0" : ruleLike.contains(glyph) ? "1" : glyph)
                }
            }
            var sequences: [[Double]] = [[]]
            for run in runs where !run.isEmpty {
                let tails = wholeRuns ? whole(run) : cuts(of: run)
                sequences = sequences.flatMap { head in
                    tails.compactMap { tail in head.count + tail.count <= most ? head + tail : nil }
                }
            }
            result.formUnion(sequences)
        }
        return result.filter { !$0.isEmpty }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The most rule-like glyphs of one word weighed each way (2ⁿ ways).
    static let maxRules = 10

    /// A run of digits as one number, or zeros as one zero each; none with a leading zero.
    static func whole(_ digits: [Character]) -> [[Double]] {
        if digits.allSatisfy({ $0 == "0" }) { return [Array(repeating: 0, count: digits.count)] }
        guard digits.first != "0", let value = Double(String(digits)) else { return [] }
        return [[value]]
    }

    /// Every way of cutting a run of digits into numbers without leading zeros.
    static func cuts(of digits: [Character]) -> [[Double]] {
        (1...digits.count).flatMap { parts in
            RowValues.splits(String(digits)[...], into: parts).map { $0.compactMap(Double.init) }
        }
    }
}
