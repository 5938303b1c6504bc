import Testing
import TablefixTestSupport
import TablefixModel
@testable import TablefixReconstruction

@Suite("Reading values")
struct ValueTests {
    @Test("reads digits as printed: full-width, thousands separators, decimals", arguments: [
        ("0", 0.0), ("1,375", 1375), ("１２", 12), ("12.35", 12.35), ("3，500", 3500),
    ])
    func numbers(raw: String, value: Double) {
        #expect(NumberReader.reading(of: raw) == NumberReader.Reading(value: value, repaired: false))
    }

    @Test("reads letters OCR put for digits as a repair")
    func ocrDigits() {
        #expect(NumberReader.reading(of: "1O") == NumberReader.Reading(value: 10, repaired: true))
        #expect(!NumberReader.isNumber("O"))
    }

    @Test("reads a number with OCR debris after it as a repair, a comma too (the copy in RowStream allowed it, NumberReader's did not: 12， was unreadable)", arguments: [
        "12?", "12）", "12，", "12,", "12。",
    ])
    func trailingDebris(raw: String) {
        #expect(NumberReader.reading(of: raw) == NumberReader.Reading(value: 12, repaired: true))
    }

    @Test("reads 十 before digits as an OCR'd plus sign, as a repair")
    func plusReadAsTen() {
        #expect(NumberReader.reading(of: "十1") == NumberReader.Reading(value: 1, repaired: true))
        #expect(NumberReader.reading(of: "十") == nil)
        #expect(NumberReader.reading(of: "十一") == nil)
    }

    @Test("refuses what is not a number", arguments: ["12,34", "1.2.3", "2023年", "", "F"])
    func notNumbers(raw: String) {
        #expect(NumberReader.reading(of: raw) == nil)
    }

    @Test("takes dashes and slashes for none, pandoc markdown's --- for an em dash too")
    func placeholders() {
        for raw in ["-", "—", "/", "／", "---"] { #expect(NumberReader.isPlaceholder(raw)) }
    }

    static let noArithmetic: (@Sendable ([Double?]) -> Bool?)? = nil

    func tokens(_ raws: [String]) -> [Token] {
        raws.map { raw in
            Token(kind: raw.isEmpty ? .blank : NumberReader.isPlaceholder(raw) ? .placeholder : .number, raw: raw, line: 1)
        }
    }

    @Test("splits a crawler's run of digits into the only split that fits the row's arithmetic")
    func splitsGluedDigits() {
        let total: ([Double?]) -> Bool? = { values in
            guard values.allSatisfy({ $0 != nil }) else { return nil }
            let numbers = values.compactMap { $0 }
            return numbers.dropLast().reduce(0, +) == numbers.last
        }
        let row = RowValues(keys: (1...7).map { "c\($0)" }, decimal: false, check: total)
        let readings = row.unit(for: tokens(["453001049"])).readings
        #expect(readings.map(\.value) == [45, 3, 0, 0, 1, 0, 49])
        #expect(readings.allSatisfy { $0.rule == .splitDigits })
        #expect(readings.allSatisfy { $0.confidence < 0.95 })
    }

    @Test("does not cut a value printed apart in a line laid out in columns into digits")
    func valuePrintedApartStaysWhole() {
        let row = RowValues(keys: ["a.previous", "a.change", "a.decisions"], decimal: false)
        let line = RowStream.cellTokens("其他对外管理服务事项 90                       1736", line: 1, inGrid: false)
        let values = row.unit(for: Array(line.dropFirst())).readings.map(\.value)
        #expect(values.contains(90))
        #expect(!values.contains(9))
    }

    @Test("a rule drawn between a table's lines gives no row: the short dashes it ends with are no none marks")
    func drawnRuleIsNoRow() {
        let text = "1.信访举报投诉类申请\n------------------------ ---------------------------- ------------ --\n0 0 0\n- - -\n"
        let document = TestDocuments.document(text)
        let rows = RowStream.rows(of: document.blocks, in: 0..<document.blocks.count)
        let tokens = rows.flatMap { $0.tokens }
        #expect(!tokens.contains { $0.raw.hasPrefix("--") })
        #expect(tokens.filter { $0.raw == "-" }.count == 3)
    }

    @Test("a row of text one value short cuts the one value its arithmetic says lost a space (`43050` for 4, 3050)")
    func lostSpaceIsCutByArithmetic() {
        let row = RowValues(keys: (1...7).map { "c\($0)" }, decimal: false, check: Self.total)
        let line = RowStream.cellTokens("（七）总计 2932 53 0 0  61  43050", line: 1, inGrid: false)
        let readings = row.unit(for: Array(line.dropFirst())).readings
        #expect(readings.map(\.value) == [2932, 53, 0, 0, 61, 4, 3050])
        // Every cell's column rests on the cut: none is sure by its row alone.
        #expect(readings.allSatisfy { $0.confidence < ConfidencePolicy.standard.threshold })
    }

    @Test("a value printed apart stays whole where its arithmetic does not ask for a cut")
    func valueApartStaysWholeWithoutArithmetic() {
        let row = RowValues(keys: (1...7).map { "c\($0)" }, decimal: false, check: Self.total)
        let line = RowStream.cellTokens("（七）总计 2932 53 0 0  61  43051", line: 1, inGrid: false)
        let values = row.unit(for: Array(line.dropFirst())).readings.map(\.value)
        #expect(!values.contains(3051))
    }

    @Test("still cuts zeros printed apart into the narrow cells an extractor ran together")
    func zerosPrintedApartAreCut() {
        let row = RowValues(keys: ["a.previous", "a.change", "a.decisions"], decimal: false)
        let line = RowStream.cellTokens("行政许可  00  5", line: 1, inGrid: false)
        #expect(row.unit(for: Array(line.dropFirst())).readings.map(\.value) == [0, 0, 5])
    }

    func positioned(_ raws: [String]) -> [Token] {
        raws.map { raw in
            raw.isEmpty ? Token(kind: .blank, raw: "", line: 1, isBlankByPosition: true) : Token(kind: .number, raw: raw, line: 1)
        }
    }

    @Test("places a row by its character columns when the row's arithmetic holds so, below high confidence")
    func byColumnsChecked() {
        let row = RowValues(keys: (1...7).map { "c\($0)" }, decimal: false, check: Self.total)
        let readings = row.unit(for: positioned(["1", "", "", "", "", "1", "2"])).readings
        #expect(readings.map(\.value) == [1, nil, nil, nil, nil, 1, 2])
        #expect(readings.allSatisfy { $0.rule == .position })
        #expect(readings.allSatisfy { $0.confidence == ConfidencePolicy.standard.byColumnsChecked })
    }

    @Test("reads a row without its blanks by position when the row's arithmetic fails so")
    func byColumnsFailingArithmetic() {
        let row = RowValues(keys: (1...7).map { "c\($0)" }, decimal: false, check: Self.total)
        let readings = row.unit(for: positioned(["2", "", "", "", "", "2", "5"])).readings
        #expect(readings.allSatisfy { $0.rule == .shortRow })
    }

    @Test("splits a crawler's signed run after the sign, the change column's shortest number first, below high confidence")
    func splitsSignedGluedDigits() {
        let tokens = RowStream.cellTokens("其他对外管理服务事项46-12561", line: 1, inGrid: false)
        #expect(tokens.map(\.raw) == ["其他对外管理服务事项", "46", "-12561"])
        let row = RowValues(keys: ["previous", "change", "decisions"], decimal: false, check: Self.noArithmetic)
        let unit = row.unit(for: Array(tokens.dropFirst()))
        #expect(unit.readings.map(\.value) == [46, -1, 2561])
        #expect((unit.choices?.count ?? 0) > 1)
        #expect(unit.readings.allSatisfy { $0.confidence < ConfidencePolicy.standard.threshold })
    }

    @Test("a number's note in brackets that pdftotext spaced apart is one value with the number")
    func joinsSpacedNote() {
        let tokens = RowStream.cellTokens("行政规范性文件 7 2 31（其中修订 9 件）", line: 1, inGrid: false)
        #expect(tokens.filter(\.isValue).map(\.raw) == ["7", "2", "31（其中修订9件）"])
        let apart = RowStream.cellTokens("31 （其中修订 9 件）", line: 1, inGrid: false)
        #expect(apart.filter(\.isValue).map(\.raw) == ["31（其中修订9件）"])
    }

    @Test("a unit that pdftotext spaced apart from its number is one value with the number")
    func joinsSpacedUnit() {
        let tokens = RowStream.cellTokens("政府集中采购       10                     12345678.90 元", line: 1, inGrid: false)
        #expect(tokens.filter(\.isValue).map(\.raw) == ["10", "12345678.90元"])
        #expect(tokens.count == 3)
        let listed = RowStream.cellTokens("（一）、政府信息公开工作专门机构数 1 个", line: 1, inGrid: false)
        #expect(listed.filter(\.isValue).map(\.raw) == ["1"])
    }

    @Test("a bracket that no note closes keeps its words apart")
    func unclosedBracketKeepsWords() {
        let tokens = RowStream.cellTokens("31（其中修订 9 件", line: 1, inGrid: false)
        #expect(tokens.filter(\.isValue).map(\.raw) == ["9"])
    }

    @Test("keeps a date after punctuation and a dash after a label as text, not signed numbers")
    func datesAreNotSignedRuns() {
        #expect(RowStream.splitTrailingDigits("发布日期：2023-01") == nil)
        #expect(RowStream.splitTrailingDigits("事项-1") == nil)
        #expect(RowStream.splitTrailingDigits("行政强制101+2250")?.numbers == ["101", "+2250"])
    }

    @Test("reads a crawler's run of digits that splits only one way although the row's arithmetic fails, as a guess")
    func onlySplitAgainstArithmetic() {
        let row = RowValues(keys: (1...15).map { "c\($0)" }, decimal: false, check: Self.total)
        let readings = row.unit(for: tokens(["402200100120103"])).readings
        #expect(readings.map(\.value) == [4, 0, 2, 2, 0, 0, 1, 0, 0, 1, 2, 0, 1, 0, 3])
        #expect(readings.allSatisfy { $0.rule == .splitDigits && $0.confidence <= ConfidencePolicy.standard.splitGuess })
    }

    @Test("does not split short numbers apart against the row's arithmetic: they may be a short row's values")
    func shortNumbersNotForced() {
        let row = RowValues(keys: (1...7).map { "c\($0)" }, decimal: false, check: Self.total)
        let readings = row.unit(for: tokens(["16", "2", "1", "2", "21"])).readings
        #expect(readings.allSatisfy { $0.rule != .splitDigits })
    }

    /// The last value is the sum of the others.
    static let total: @Sendable ([Double?]) -> Bool? = { values in
        guard values.allSatisfy({ $0 != nil }) else { return nil }
        let numbers = values.compactMap { $0 }
        return numbers.dropLast().reduce(0, +) == numbers.last
    }

    @Test("reads the ones an OCR put for a ruled table's rules among zeros as rules, when the row's arithmetic accepts only that")
    func rulesReadAsOnes() {
        let row = RowValues(keys: (1...7).map { "c\($0)" }, decimal: false, check: Self.total)
        let readings = row.unit(for: tokens(["1", "0", "10101010", "1"])).readings
        #expect(readings.map(\.value) == [1, 0, 0, 0, 0, 0, 1])
        #expect(readings.allSatisfy { $0.confidence < ConfidencePolicy.standard.threshold })
    }

    @Test("offers every reading of rules read as ones that the row's arithmetic accepts, for the table to choose")
    func rulesReadAsOnesAmbiguous() {
        let row = RowValues(keys: (1...7).map { "c\($0)" }, decimal: false, check: Self.total)
        let unit = row.unit(for: tokens(["0", "10", "10", "0", "101"]))
        #expect((unit.choices?.count ?? 0) > 1)
        #expect(unit.readings.allSatisfy { $0.confidence < ConfidencePolicy.standard.threshold })
    }

    @Test("reads zeros an OCR ran together and read as letters (oo) as zeros, when the row's arithmetic accepts it")
    func zerosReadAsLetters() {
        let row = RowValues(keys: (1...7).map { "c\($0)" }, decimal: false, check: Self.total)
        let readings = row.unit(for: tokens(["1", "0", "oo", "olo", "1"])).readings
        #expect(readings.map(\.value) == [1, 0, 0, 0, 0, 0, 1])
        #expect(readings.allSatisfy { $0.confidence < ConfidencePolicy.standard.threshold })
    }

    @Test("takes a word of zeros and rules read as letters at the end of a line of numbers for a number, not label text")
    func ruleWordsEndALine() {
        let tokens = RowStream.cellTokens("8.属于行政查询事项  1 0 oo olo", line: 1, inGrid: false)
        #expect(tokens.map(\.kind) == [.text, .number, .number, .number, .number])
    }

    @Test("reads a zero printed with its rule as one word of letters (lo) as a zero, a repair, where no rule reading fits")
    func zeroWithItsRule() {
        let row = RowValues(keys: (1...7).map { "c\($0)" }, decimal: false, check: Self.noArithmetic)
        let readings = row.unit(for: tokens(["215", "7", "1", "lo", "19", "4", "246"])).readings
        #expect(readings.map(\.value) == [215, 7, 1, 0, 19, 4, 246])
        #expect(readings[3].confidence < ConfidencePolicy.standard.threshold)
        #expect(NumberReader.isNumber("lo") == false)
        #expect(NumberGlyphs.isLoneLookalike("lo") && NumberGlyphs.isLoneLookalike("io"))
    }

    @Test("reads a zero and its rule (lo) as 10 where only that fits the row's arithmetic")
    func zeroWithItsRuleOrTen() {
        let row = RowValues(keys: (1...7).map { "c\($0)" }, decimal: false, check: Self.total)
        #expect(row.unit(for: tokens(["2", "lo", "0", "0", "0", "0", "12"])).readings.map(\.value) == [2, 10, 0, 0, 0, 0, 12])
    }

    @Test("reads no rules in a row without arithmetic to accept them")
    func rulesNeedArithmetic() {
        let row = RowValues(keys: (1...7).map { "c\($0)" }, decimal: false, check: Self.noArithmetic)
        #expect(row.unit(for: tokens(["1", "0", "10101010", "1"])).readings.map(\.value) != [1, 0, 0, 0, 0, 0, 1])
    }

    @Test("weighs only words of zeros and rule-like glyphs as holding rules", arguments: [
        ("10101010", true), ("o10o0", true), ("0l0", true), ("10", true), ("oo", true), ("1", false), ("00", false), ("1025", false),
    ])
    func ruleWords(raw: String, holds: Bool) {
        #expect(RuleGlyphs.mayHoldRules(raw) == holds)
    }

    @Test("reads rules an OCR put as ones among other digits (1010195 for 0, 0, 95) where no other reading fits the row")
    func rulesAmongDigits() {
        let row = RowValues(keys: (1...7).map { "c\($0)" }, decimal: false, check: Self.total)
        let readings = row.unit(for: tokens(["50", "1010101010150"])).readings
        #expect(readings.map(\.value) == [50, 0, 0, 0, 0, 0, 50])
        #expect(readings.allSatisfy { $0.confidence < ConfidencePolicy.standard.threshold })
        #expect(row.unit(for: tokens(["95", "0", "0", "0", "1010195"])).readings.map(\.value) == [95, 0, 0, 0, 0, 0, 95])
    }

    @Test("reads each run between rules among other digits as one number, never cut further (1010195: 0, 0, 95)")
    func rulesAmongDigitsKeepRunsWhole() {
        let readings = RuleGlyphs.readings(of: "1010195", atMost: 7, wholeRuns: true)
        #expect(readings.contains([0, 0, 95]))
        #expect(!readings.contains([0, 0, 9, 5]))
    }

    @Test("weighs rules among other digits only in words of four glyphs or more with a zero, a rule-like glyph and another digit",
          arguments: [("1010195", true), ("50|", false), ("150", false), ("1025", true), ("10101010", false), ("2345", false)])
    func ruleWordsAmongDigits(raw: String, holds: Bool) {
        #expect(RuleGlyphs.mayHoldRulesAmongDigits(raw) == holds)
    }

    @Test("splits 00 into two zeros, the only split without a leading zero")
    func splitsZeros() {
        let row = RowValues(keys: (1...3).map { "c\($0)" }, decimal: false, check: Self.noArithmetic)
        #expect(row.unit(for: tokens(["0", "00"])).readings.map(\.value) == [0, 0, 0])
    }

    @Test("reads blank cells by position when the row has one slot per column")
    func positional() {
        let row = RowValues(keys: (1...3).map { "c\($0)" }, decimal: false, check: Self.noArithmetic)
        let readings = row.unit(for: tokens(["", "", "0"])).readings
        #expect(readings.map(\.value) == [nil, nil, 0])
        #expect(readings[0].why == "blank in source")
    }

    @Test("puts the cells of a row short of merged label cells in the rightmost columns")
    func rightAligned() {
        let row = RowValues(keys: (1...4).map { "c\($0)" }, decimal: false, check: Self.noArithmetic)
        let readings = row.unit(for: tokens(["", "", "0"])).readings
        #expect(readings.map(\.value) == [nil, nil, nil, 0])
        #expect(readings.allSatisfy { $0.confidence < 0.9 })
    }

    @Test("a grid row with a blank at either end beyond its columns, its arithmetic silent, is a guess below high confidence")
    func paddingAtEitherEndIsAGuess() {
        // `| （七）总计 | | 115 | 5 | 无 | 2 | 3 | 无 | |`: a merged label's blank, or a blank total.
        let row = RowValues(keys: (1...7).map { "c\($0)" }, decimal: false, check: Self.total)
        let readings = row.unit(for: tokens(["", "115", "5", "无", "2", "3", "无", ""])).readings
        #expect(readings.allSatisfy { $0.confidence < ConfidencePolicy.standard.threshold })
        #expect(readings.allSatisfy { $0.rule == .position })
    }

    @Test("a grid row with a blank at either end beyond its columns offers both placements for the table's arithmetic to choose")
    func paddingAtEitherEndOffersBoth() {
        let row = RowValues(keys: (1...7).map { "c\($0)" }, decimal: false, check: Self.total)
        let choices = row.unit(for: tokens(["", "4", "1", "0", "0", "0", "5", ""])).choices
        #expect(choices?.count == 2)
        #expect(choices?.values(0) == [nil, 4, 1, 0, 0, 0, 5])
        #expect(choices?.values(1) == [4, 1, 0, 0, 0, 5, nil])
    }

    @Test("flags a row with too few values instead of guessing")
    func shortRow() {
        let row = RowValues(keys: (1...3).map { "c\($0)" }, decimal: false, check: Self.noArithmetic)
        let readings = row.unit(for: tokens(["5", "6"])).readings
        #expect(readings.allSatisfy { $0.confidence <= 0.3 })
    }

    @Test("reads OCR debris after a number as a repaired number")
    func debris() {
        #expect(NumberReader.reading(of: "3?") == NumberReader.Reading(value: 3, repaired: true))
        #expect(RowStream.cellTokens("3?", line: 1, inGrid: false).map(\.kind) == [.number])
        #expect(RowStream.cellTokens("1.属于", line: 1, inGrid: false).map(\.kind) == [.text])
        #expect(NumberReader.reading(of: "”0") == NumberReader.Reading(value: 0, repaired: true))
        #expect(RowStream.cellTokens("”0", line: 1, inGrid: false).map(\.kind) == [.number])
    }

    @Test("reads a number beside the rule an OCR read as a bracket as a repaired number", arguments: ["1]", "1】", "[1", "【1"])
    func ruleBesideNumber(raw: String) {
        #expect(NumberReader.reading(of: raw) == NumberReader.Reading(value: 1, repaired: true))
        #expect(RowStream.cellTokens("法规禁止公开 | \(raw)   0   0", line: 1, inGrid: false).filter { $0.kind == .number }.count == 3)
    }

    @Test("reads a lone 工 among a row's numbers as an OCR'd 1, marked as a repair")
    func loneLookalikeAmongNumbers() {
        let tokens = RowStream.cellTokens("行政规范性文件 工 1 8", line: 1, inGrid: false)
        #expect(tokens.map(\.kind) == [.text, .number, .number, .number])
        #expect(CellReading.from(tokens[1], decimal: false).value == 1)
        #expect(CellReading.from(tokens[1], decimal: false).rule == .ocrDigits)
    }

    @Test("reads a lone [ or 【 among a row's numbers as an OCR'd 1, marked as a repair", arguments: ["[", "【"])
    func loneBracketAmongNumbers(bracket: String) {
        let tokens = RowStream.cellTokens("7.属于行政执法案卷 1 0 \(bracket)", line: 1, inGrid: false)
        #expect(tokens.map(\.kind) == [.text, .number, .number, .number])
        #expect(CellReading.from(tokens[3], decimal: false).value == 1)
        #expect(CellReading.from(tokens[3], decimal: false).rule == .ocrDigits)
    }

    @Test("reads a lone 一 among a row's numbers as an OCR'd dash: none, below high confidence")
    func loneDashAmongNumbers() {
        let tokens = RowStream.cellTokens("2  0  一  一  工", line: 1, inGrid: false)
        #expect(tokens.map(\.kind) == [.number, .number, .placeholder, .placeholder, .number])
        let dash = CellReading.from(tokens[2], decimal: false)
        #expect(dash.value == nil)
        #expect(dash.confidence < 0.9)
        #expect(CellReading.from(RowStream.cellTokens("】 0", line: 1, inGrid: false)[0], decimal: false).value == 1)
    }

    @Test("reads lone commas and stops among a row's numbers as OCR'd zeros, marked as repairs")
    func punctuationZerosAmongNumbers() {
        let tokens = RowStream.cellTokens("本机关不掌握相关政府信息| 5 | 0 | 0 | 0 | 。 | ， |", line: 1, inGrid: false)
        #expect(tokens.map(\.kind) == [.text] + Array(repeating: .number, count: 6))
        let zero = CellReading.from(tokens[5], decimal: false)
        #expect(zero.value == 0)
        #expect(zero.rule == .ocrDigits)
        #expect(zero.confidence < 0.9)
    }

    @Test("reads a row of three or more lone commas, without any digit, as OCR'd zeros")
    func rowOfPunctuationZeros() {
        let tokens = RowStream.cellTokens("2 其他法律行政法规禁止公开| ， | ， | ， | ，", line: 1, inGrid: false)
        #expect(tokens.suffix(4).allSatisfy { $0.kind == .number })
    }

    @Test("keeps a comma or stop that ends a sentence, or that ends a label before its numbers, as text")
    func punctuationOfText() {
        #expect(RowStream.cellTokens("依据充分 ， 规范", line: 1, inGrid: false).allSatisfy { $0.kind == .text })
        #expect(RowStream.cellTokens("全年共办结 。", line: 1, inGrid: false).allSatisfy { $0.kind == .text })
        let tokens = RowStream.cellTokens("没有现成信息需要另行制作 | 。 11 0 0", line: 1, inGrid: false)
        #expect(tokens.map(\.kind) == [.text, .text, .number, .number, .number])
        #expect(!NumberReader.isNumber("，"))
    }

    @Test("splits a crawler's run of digits and dashes into digit runs and one none per dash")
    func crawledDashes() {
        let tokens = RowStream.cellTokens("20002—————10001", line: 1, inGrid: false)
        #expect(tokens.map(\.raw) == ["20002", "—", "—", "—", "—", "—", "10001"])
        #expect(tokens.map(\.kind) == [.number] + Array(repeating: .placeholder, count: 5) + [.number])
        #expect(RowStream.cellTokens("——", line: 1, inGrid: false).map(\.kind) == [.placeholder])
    }

    @Test("splits a crawler's run of digits and 无 into digit runs and one none per 无")
    func crawledNoneWords() {
        let tokens = RowStream.cellTokens("1173无191131", line: 1, inGrid: false)
        #expect(tokens.map(\.raw) == ["1173", "无", "191131"])
        #expect(tokens.map(\.kind) == [.number, .placeholder, .number])
    }

    @Test("takes a crawler's cells glued after a label, marks for none among them, from the label", arguments: [
        ("一、本年新收政府信息公开申请数量1173—191131", "一、本年新收政府信息公开申请数量", ["1173", "—", "191131"]),
        ("1.属于国家秘密———", "1.属于国家秘密", ["—", "—", "—"]),
        ("1.属于国家秘密无无无", "1.属于国家秘密", ["无", "无", "无"]),
        ("二、上年结转政府信息公开申请数量7无无18", "二、上年结转政府信息公开申请数量", ["7", "无", "无", "18"]),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）6———1—7", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
         ["6", "—", "—", "—", "1", "—", "7"]),
        ("3.危及“三安全一稳定”1—————1", "3.危及“三安全一稳定”", ["1", "—", "—", "—", "—", "—", "1"]),
    ])
    func crawledCellsAfterLabel(word: String, label: String, cells: [String]) {
        let tokens = RowStream.cellTokens(word, line: 1, inGrid: false)
        #expect(tokens.first?.kind == .text && tokens.first?.raw == label)
        #expect(tokens.dropFirst().map(\.raw) == cells)
    }

    @Test("splits a crawler's glued digits among marks for none where the row's sum holds, a mark counting as zero")
    func gluedDigitsAmongMarks() {
        var row = RowValues(keys: ["a", "b", "c", "d", "e", "f", "total"], decimal: false)
        row.check = { values in
            guard values.allSatisfy({ $0 != nil }) else { return nil }
            return values.dropLast().compactMap { $0 }.reduce(0, +) == values.last!
        }
        let tail = Array(RowStream.cellTokens("4.保护第三方合法权益31——1—5", line: 1, inGrid: false).dropFirst())
        let readings = row.unit(for: tail).readings
        #expect(readings.map(\.value) == [3, 1, nil, nil, 1, nil, 5])
        #expect(readings[0].rule == .splitDigits)
    }

    @Test("takes one 无 glued after a label as its cell in a line that glues a crawler's cells so elsewhere")
    func oneNoneInACrawledLine() {
        let tokens = RowStream.cellTokens("规章无无无 本年处理决定数量行政许可无 行政处罚无", line: 1, inGrid: false)
        #expect(tokens.map(\.raw) == ["规章", "无", "无", "无", "本年处理决定数量行政许可", "无", "行政处罚", "无"])
        #expect(RowStream.cellTokens("审核有无 是", line: 1, inGrid: false).map(\.raw) == ["审核有无", "是"])
    }

    @Test("keeps a label that ends in one 无 whole")
    func labelEndingInNone() {
        #expect(RowStream.splitTrailingCells("审核有无") == nil)
        #expect(RowStream.cellTokens("审核有无", line: 1, inGrid: false).map(\.kind) == [.text])
    }

    @Test("splits a crawler's run of cells that each end in the same unit at the units")
    func crawledUnits() {
        let tokens = RowStream.cellTokens("2件0件1件12件4件", line: 1, inGrid: false)
        #expect(tokens.map(\.raw) == ["2件", "0件", "1件", "12件", "4件"])
        #expect(tokens.allSatisfy { $0.kind == .number })
        #expect(CellReading.from(tokens[3], decimal: false).value == 12)
    }

    @Test("keeps a run whose units differ, or with text among them, unsplit")
    func crawledUnitsNeedOneUnit() {
        #expect(RowStream.crawledUnits("2件3人") == nil)
        #expect(RowStream.crawledUnits("共2件3件") == nil)
        #expect(RowStream.crawledUnits("12件") == nil)
    }

    @Test("reads Latin letters an OCR printed after a line's values as unreadable cells, not the row's label")
    func latinDebrisAfterValuesIsACell() {
        let tokens = RowStream.cellTokens("7 属于行政执法案卷 | 1 | 0 | 0 | 0 0 ofa", line: 1, inGrid: false)
        #expect(tokens.suffix(6).map(\.kind) == Array(repeating: .number, count: 6))
        #expect(CellReading.from(tokens[tokens.count - 1], decimal: false).value == nil)
    }

    @Test("reads a CJK character an OCR printed for a row's last cell as an unreadable cell, not the row's label")
    func garbledLastCellIsACell() {
        let tokens = RowStream.cellTokens("3.补正后申请内容仍不 5  0   0  0   0    0 上", line: 1, inGrid: false)
        #expect(tokens.suffix(7).map(\.kind) == Array(repeating: .number, count: 7))
        #expect(CellReading.from(tokens[tokens.count - 1], decimal: false).value == nil)
    }

    @Test("keeps a CJK word after a few numbers, or after a unit, as text")
    func cjkWordAfterFewValuesStaysText() {
        #expect(RowStream.cellTokens("共收到 3 4 5 上", line: 1, inGrid: false).last?.kind == .text)
        #expect(RowStream.cellTokens("1 2 3 4 5 件", line: 1, inGrid: false).last?.kind == .text)
    }

    @Test("keeps Latin letters that no value precedes as text")
    func latinWordBeforeValuesStaysText() {
        let tokens = RowStream.cellTokens("行政许可 ABC 12 3", line: 1, inGrid: false)
        #expect(tokens.map(\.kind) == [.text, .text, .number, .number])
    }

    @Test("keeps a lone 工 that no number follows or precedes as text")
    func loneLookalikeInText() {
        #expect(RowStream.cellTokens("开 工 建设", line: 1, inGrid: false).allSatisfy { $0.kind == .text })
        #expect(RowStream.cellTokens("加 工", line: 1, inGrid: false).allSatisfy { $0.kind == .text })
        #expect(!NumberReader.isNumber("工"))
    }

    @Test("takes OCR's table rules for cell borders, not digits")
    func bars() {
        let tokens = RowStream.cellTokens("186 | 4    1|1| 20 |3 |215", line: 1, inGrid: false)
        #expect(tokens.map(\.raw) == ["186", "4", "1", "1", "20", "3", "215"])
    }
}

extension CellReading {
    /// What the standard policy makes of the reading alone, before any arithmetic.
    var confidence: Double { ConfidencePolicy.standard.confidence(of: evidence) }
    var rule: ReadingRule { evidence.rule }
    var why: String? { evidence.why(raw: raw) }
}

@Suite("Units and notes in cells")
struct UnitTests {
    static let annotatedCells: [(String, Double, String?, String?)] = [
        ("368000元", 368000, "元", nil), ("6521.37万元", 6521.37, "万元", nil), ("4件", 4, "件", nil),
        ("31（其中修订9件）", 31, nil, "其中修订9件"), ("12345678.90元", 12345678.9, "元", nil),
    ]

    @Test("reads the number of a cell that prints a unit or a note after it, and keeps them", arguments: annotatedCells)
    func annotated(raw: String, value: Double, unit: String?, note: String?) throws {
        let reading = try #require(NumberReader.reading(of: raw))
        #expect(reading.value == value)
        #expect(reading.unit == unit)
        #expect(reading.note == note)
    }

    @Test("does not read a year or an ordinal as a number with a unit", arguments: ["2021年", "第1项", "项", "元"])
    func notAnnotated(raw: String) {
        #expect(NumberReader.reading(of: raw) == nil)
    }

    @Test("keeps a sum printed in another unit than its column's as printed, below high confidence")
    func otherUnit() {
        let token = Token(kind: .number, raw: "368000元", line: 1)
        let reading = CellReading.from(token, decimal: true, unit: "万元")
        #expect(reading.value == 368000)
        #expect(reading.confidence < 0.9)
        #expect(reading.why?.contains("万元") == true)
        #expect(CellReading.from(Token(kind: .number, raw: "6521.37万元", line: 1), decimal: true, unit: "万元").confidence > 0.9)
    }

    @Test("joins a note printed apart from its number to the number")
    func noteApart() {
        let tokens = RowStream.cellTokens("行政规范性文件 31 （其中修订9件） 2 40", line: 1, inGrid: false)
        #expect(tokens.map(\.kind) == [.text, .number, .number, .number])
        #expect(tokens[1].raw == "31（其中修订9件）")
    }

    @Test("cuts a cell into the words a split by characters gives, combining marks and line ends among them",
          arguments: ["规章 12  3", " a|b｜c丨d ", "1\u{301} 2", "x \u{301}y", "a\r\nb", "", "  ", "一\u{3000}二\t三", "é e\u{301}"])
    func words(text: String) {
        let bySplit = text.split(whereSeparator: { $0.isWhitespace || $0 == "|" || $0 == "｜" || $0 == "丨" })
        #expect(RowStream.words(of: text) == bySplit)
    }

    @Test("reads a word of ASCII digits as the full reading does", arguments: ["0", "007", "12345678901234567890", "42"])
    func plainDigits(word: String) {
        #expect(NumberReader.plainDigits(word) == Double(word))
        #expect(NumberReader.plainDigits(word + "件") == nil)
        #expect(NumberReader.plainDigits("123456789012345678901") == nil)
    }
}

/// Specks and blur in cells read by OCR: what a scanned row of counts prints instead of
/// its digits.
@Suite("OCR'd grid cells")
struct OCRGridCellTests {
    /// The tokens of a grid row of `cells`, read by OCR or from text.
    /// A grid row's tokens; `fromText`: the grid was read from text, each cell knowing its place.
    func row(_ cells: [String], ocr: Bool, fromText: Bool = false) -> [Token] {
        let tokens = cells.flatMap { cell in
            RowStream.cellTokens(cell, line: 1, inGrid: true, at: fromText ? 0 : nil).map { token in
                var token = token
                token.isOCR = ocr
                return token
            }
        }
        return RowStream.readingLoneLookalikes(tokens, wholeCellsOnly: true)
    }

    @Test("reads a count with a speck beside it read as a point or a dash as its digits, as a repair", arguments: [
        ("0.", 0.0), (".0", 0.0), ("8-", 8.0), ("12．", 12.0),
    ])
    func strayMark(word: String, value: Double) {
        #expect(NumberReader.strayMarkReading(of: word) == NumberReader.Reading(value: value, repaired: true))
    }

    @Test("reads no speck in a number that is whole, signed or a decimal", arguments: ["12", "-3", "1.5", "0.-", "."])
    func noStrayMark(word: String) {
        #expect(NumberReader.strayMarkReading(of: word) == nil)
    }

    @Test("reads Latin letters after the values of a grid row read from text as an unreadable cell, not the label")
    func latinDebrisInTextGridIsACell() {
        // An OCR'd page's columns: the last cell `0 1L`, a total and the rule after it.
        let tokens = row(["二、上年结转政府信息公开申请数量", "0", "1", "0 1L"], ocr: false, fromText: true)
        #expect(tokens.map(\.kind) == [.text, .number, .number, .number, .number])
        #expect(CellReading.from(tokens[4], decimal: false).value == nil)
    }

    @Test("keeps Latin letters after the values of a grid row of a page's markup as text (what the page prints)")
    func latinWordsInMarkupGridStayText() {
        let tokens = row(["二、上年结转政府信息公开申请数量", "0", "1", "0 1L"], ocr: false)
        #expect(tokens.last?.kind == .text)
    }

    @Test("keeps Latin letters that no value precedes in a grid row read from text as text")
    func latinWordBeforeValuesInTextGridStaysText() {
        #expect(row(["行政许可 ABC", "12", "3"], ocr: false).map(\.kind) == [.text, .text, .number, .number])
    }

    @Test("a cell of a count with a speck among an OCR'd row's values is a value, read as a repair")
    func strayMarkCellIsAValue() {
        let tokens = row(["3.属于", "3", "0-", "1"], ocr: true)
        #expect(tokens.map(\.kind) == [.text, .number, .number, .number])
        #expect(CellReading.from(tokens[2], decimal: false).value == 0)
        #expect(CellReading.from(tokens[2], decimal: false).rule == .ocrDigits)
    }

    @Test("a cell of digits and a point after a row's values in a grid of text stays text: the next row's list number")
    func listNumberInTextGridStaysText() {
        #expect(row(["开", "0", "0", "3."], ocr: false).last?.kind == .text)
    }

    @Test("a short cell OCR garbled after a value is an unreadable value, not the row's label")
    func garbledCellAfterAValue() {
        let tokens = row(["2.重复申请", "11", "0", "卫汪-"], ocr: true)
        #expect(tokens.map(\.kind) == [.text, .number, .number, .number])
        #expect(CellReading.from(tokens[3], decimal: false).value == nil)
    }

    @Test("a short cell of text after a value in a grid of text stays text")
    func shortTextInTextGridStaysText() {
        #expect(row(["开", "0", "四"], ocr: false).last?.kind == .text)
    }

    @Test("cuts glued digits every way without a leading zero, shortest first piece first")
    func digitSplits() {
        #expect(RowValues.splits("1203", into: 2) == [["1", "203"], ["120", "3"]])
        #expect(RowValues.splits("1005", into: 2) == [["100", "5"]])
        #expect(RowValues.splits("05", into: 1) == [])
    }

    @Test("stops cutting glued digits when told, the cuts before in the same order")
    func digitSplitsStop() {
        var seen: [[String]] = []
        let finished = RowValues.forEachSplit("12345", into: 3) { pieces in
            seen.append(pieces)
            return seen.count < 2
        }
        #expect(!finished)
        #expect(seen == Array(RowValues.splits("12345", into: 3).prefix(2)))
    }
}
