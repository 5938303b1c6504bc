import Testing
@testable import TablefixReconstruction
import TablefixModel
import TablefixTestSupport

/// The reading strategies, the option search and the arbiter, each on its own: what a
/// strategy proposes for a region, which option the search keeps, which candidate the
/// arbiter takes.
@Suite("Strategies, search and arbiter")
struct StrategyTests {
    static let library = (try? TemplateLibrary.builtIn()) ?? TemplateLibrary(templates: [])

    static func table(_ template: String, _ id: String) throws -> TableTemplate {
        let edition = try #require(library.templates.first { $0.id == template })
        return try #require(edition.tables.first { $0.id == id })
    }

    /// `table` as the strategies take it, its labels numbered by its own letters.
    static func prepared(_ table: TableTemplate) -> PreparedTable {
        PreparedTable(table, alphabet: LabelAlphabet(TableLabels.letters(of: table)))
    }

    /// The region a text's blocks make, every row of it.
    static func region(_ lines: [String]) -> TableRegion {
        let document = TestDocuments.document(lines.joined(separator: "\n"))
        let rows = RowStream.rows(of: document.blocks, in: 0..<document.blocks.count)
        return TableRegion(rows: rows, unstacked: rows, strict: false)
    }

    /// The 2021 requests table's rows, each label with seven values, but the two rows of
    /// （六）其他处理 that a form may leave out: six outcome columns of ones, and their total.
    static func requestLines(withOptionalRows: Bool) throws -> [String] {
        let table = try table("gov-disclosure-2021", "requests")
        return table.rows.compactMap { row in
            guard withOptionalRows || row.optional != true, let label = row.labels.first else { return nil }
            return ([label] + Array(repeating: "0", count: 7)).joined(separator: " ")
        }
    }

    /// Choices given as lists of values; option 0 is the default.
    struct ListedChoices: UnitChoices {
        var options: [[Double?]]
        var count: Int { options.count }
        var group: Int? { nil }
        func values(_ option: Int) -> [Double?] { options[option] }
        func readings(decided option: Int) -> [CellReading] {
            options[option].map { CellReading(value: $0, raw: "", line: 1, evidence: CellEvidence(source: .printed, placement: .label)) }
        }
        func readings(undecided options: [Int]) -> [CellReading]? { nil }
    }

    /// A candidate reading every cell of a single-row table as printed in its slot.
    static func candidate(_ strategy: ReadingStrategyKind, _ values: [Double], of table: TableTemplate) -> ReadingCandidate {
        let readings = values.map { CellReading(value: $0, raw: "", line: 1, evidence: CellEvidence(source: .printed, placement: .slot)) }
        return ReadingCandidate(strategy: strategy, units: [ReadingUnit(keys: table.keys, readings: readings)], rows: [0])
    }

    /// The review table's cells the arbiter decides among `candidates`, given as
    /// (strategy, values) pairs.
    static func verdict(_ candidates: [(ReadingStrategyKind, [Double])]) throws -> Arbiter.Verdict {
        let table = try table("gov-disclosure-2021", "review")
        let arbiter = Arbiter(arithmetic: Arithmetic(table: table), policy: ConfidencePolicy(), budget: .standard)
        return try #require(arbiter.decide(candidates.map { candidate($0.0, $0.1, of: table) }))
    }

    static let reviewRow = ["upheld", "corrected", "other", "pending", "total"].map { "reconsideration.\($0)" }

    /// The options of one review row that tie for best, the row at its first option.
    static func ties(_ options: [[Double?]]) throws -> [[Int]] {
        let arithmetic = Arithmetic(table: try table("gov-disclosure-2021", "review"))
        let choices = ListedChoices(options: options)
        let search = OptionSearch(tally: Tally(arithmetic, keys: reviewRow), budget: .standard)
        return search.ties([OptionSearch.Member(positions: Array(0..<5), choices: choices)], values: options[0])
    }

    @Test("a label inside another row's longer label does not print that row")
    func labelInsideLongerLabel() throws {
        let table = try Self.table("gov-disclosure-2008", "statistics")
        let fax = try #require(table.rows.firstIndex { $0.key == "requests.fax" })
        #expect(!PrintedLabels(of: table, in: ["3、信函、传真申请数"]).stand(row: fax))
        #expect(PrintedLabels(of: table, in: ["3、传真申请数"]).stand(row: fax))
    }

    @Test("reading by labels: a form's optional rows whose labels are not printed are not printed")
    func labelsLeaveOutUnprintedOptionalRows() throws {
        let table = try Self.table("gov-disclosure-2021", "requests")
        let region = Self.region(try Self.requestLines(withOptionalRows: false))
        let candidate = try #require(LabelledRows().candidates(for: Self.prepared(table), in: region, budget: .standard).first)
        let placements = zip(candidate.keys, candidate.units.flatMap(\.readings)).filter { $0.0.hasPrefix("other.no_") }
            .map(\.1.evidence.placement)
        #expect(placements.count == 14)
        #expect(placements.allSatisfy { $0 == .notPrinted })
    }

    @Test("a grid row of blank cells after a row's label is that row, read blank (a publisher's blank for zero)")
    func blankRowIsARow() throws {
        let table = try Self.table("gov-disclosure-2021", "requests")
        let blanks = String(repeating: "<td>&nbsp;</td>", count: 7)
        let html = "<table><tr><td>（一）予以公开</td>" + (1...7).map { "<td>\($0)</td>" }.joined()
            + "</tr><tr><td>1.属于国家秘密</td>\(blanks)</tr></table>"
        let document = TestDocuments.document(html, path: "blank-row.html")
        let rows = RowStream.rows(of: document.blocks, in: 0..<document.blocks.count)
        let matches = RowAligner(matcher: LabelMatcher(noise: [])).align(rows, to: table.rows)
        #expect(matches.map { table.rows[$0.templateRow].key } == ["granted", "denied.secret"])
    }

    @Test("a row of values whose label matches nothing, alone between two rows read by label with one template row missing between them, is that row")
    func rowBetweenRowsReadByLabel() throws {
        let table = try Self.table("gov-disclosure-2021", "requests")
        let lines = ["8.属于行政查询事项 0 0 0 0 0 0 0", "攻机凑生得关帮 5 0 0 0 0 0 5", "2.没有现成信息需要另行制作 1 0 0 0 0 0 1"]
        let candidate = try #require(
            LabelledRows().candidates(for: Self.prepared(table), in: Self.region(lines), budget: .standard).first)
        let unit = try #require(candidate.units.first { $0.keys.first == "unable.not_held.natural" })
        #expect(unit.readings.map(\.value) == [5, 0, 0, 0, 0, 0, 5])
        #expect(unit.readings.allSatisfy { $0.evidence.labelUnread })
    }

    @Test("a short row of values between two rows read by label, its label unread, is placed as short rows are, flagged")
    func shortRowBetweenRowsReadByLabel() throws {
        let table = try Self.table("gov-disclosure-2021", "requests")
        let lines = ["8.属于行政查询事项 0 0 0 0 0 0 0", "攻机凑生得关帮 5 0 0 0 0 5", "2.没有现成信息需要另行制作 1 0 0 0 0 0 1"]
        let candidate = try #require(
            LabelledRows().candidates(for: Self.prepared(table), in: Self.region(lines), budget: .standard).first)
        let unit = try #require(candidate.units.first { $0.keys.first == "unable.not_held.natural" })
        #expect(unit.readings.contains { $0.value == 5 })
        #expect(unit.readings.allSatisfy { $0.evidence.labelUnread && $0.confidence <= 0.6 })
    }

    @Test("rows of values between two rows read by label are not placed when they are fewer than the template rows missing there")
    func rowsBetweenMustFillTheGap() throws {
        let table = try Self.table("gov-disclosure-2021", "requests")
        let lines = ["8.属于行政查询事项 0 0 0 0 0 0 0", "攻机凑生得关帮 5 0 0 0 0 0 5", "3.补正后申请内容仍不明确 1 0 0 0 0 0 1"]
        let candidate = try #require(
            LabelledRows().candidates(for: Self.prepared(table), in: Self.region(lines), budget: .standard).first)
        let unit = try #require(candidate.units.first { $0.keys.first == "unable.not_held.natural" })
        #expect(unit.readings.allSatisfy { $0.value == nil })
    }

    /// A region of the label `一、本年新收政府信息公开申请数量` on a line of its own, then rows of
    /// values only, as an OCR's grid of text holds them, then the label `labelAfter` if any;
    /// with a row that shows an OCR's lookalike of a digit (`工`) last, or not.
    static func continuedRegion(_ values: [[String]], labelAfter: String? = nil, ocr: Bool = true) -> TableRegion {
        func label(_ text: String) -> StreamRow {
            StreamRow(tokens: [Token(kind: .text, raw: text, line: 1)], block: 0, isLine: true)
        }
        let rows = [label("一、本年新收政府信息公开申请数量")] + values.map { StreamRow(tokens: Self.numbers($0), block: 1) }
            + (labelAfter.map { [label($0)] } ?? [])
            + (ocr ? [StreamRow(tokens: RowStream.cellTokens("3.其他 1 0 0 0 0 工 1", line: 9, inGrid: false), block: 2, isLine: true)] : [])
        return TableRegion(rows: rows, unstacked: rows, strict: false)
    }

    /// The first reading of the 2021 requests table by its labels in ``continuedRegion(_:labelAfter:ocr:)``.
    static func continuedCandidate(_ values: [[String]], labelAfter: String? = nil, ocr: Bool = true) throws
        -> ReadingCandidate
    {
        let table = try Self.table("gov-disclosure-2021", "requests")
        let region = Self.continuedRegion(values, labelAfter: labelAfter, ocr: ocr)
        return try #require(LabelledRows().candidates(for: Self.prepared(table), in: region, budget: .standard).first)
    }

    @Test("a row's values an OCR read a few at a time, on rows of values below its first, are joined when the row's arithmetic holds")
    func valuesContinuedOnRowsBelow() throws {
        let candidate = try Self.continuedCandidate([["232", "5"], ["0", "1", "8", "0"], ["246"]])
        let unit = try #require(candidate.units.first { $0.keys.first == "new.natural" })
        #expect(unit.readings.map(\.value) == [232, 5, 0, 1, 8, 0, 246])
        #expect(unit.readings.allSatisfy { $0.evidence.placement == .continued && $0.confidence <= 0.7 })
    }

    @Test("a row's last values that the next label below would take as its own continue the row above when its arithmetic holds")
    func valuesContinuedBeforeTheNextLabel() throws {
        let candidate = try Self.continuedCandidate([["232", "5"], ["0", "1", "8", "0"], ["246"]],
                                                    labelAfter: "二、上年结转政府信息公开申请数量")
        let new = try #require(candidate.units.first { $0.keys.first == "new.natural" })
        #expect(new.readings.map(\.value) == [232, 5, 0, 1, 8, 0, 246])
        let carried = try #require(candidate.units.first { $0.keys.first == "carried_in.natural" })
        #expect(carried.readings.allSatisfy { $0.value == nil })
    }

    @Test("rows of values below a short row are its values only in a region that shows an OCR's lookalikes of digits")
    func valuesContinuedOnlyInOCRText() throws {
        let candidate = try Self.continuedCandidate([["232", "5"], ["0", "1", "8", "0"], ["246"]], ocr: false)
        let unit = try #require(candidate.units.first { $0.keys.first == "new.natural" })
        #expect(unit.readings.allSatisfy { $0.evidence.placement != .continued })
    }

    @Test("rows of values below a short row are not its values when its arithmetic fails with them")
    func valuesContinuedNeedArithmetic() throws {
        let candidate = try Self.continuedCandidate([["232", "5"], ["0", "1", "8", "0"], ["247"]])
        let unit = try #require(candidate.units.first { $0.keys.first == "new.natural" })
        #expect(unit.readings.allSatisfy { $0.evidence.placement != .continued })
        #expect(unit.readings.compactMap(\.value).count == 2)
    }

    @Test("a row whose one number is a list number before its label lends that label to the values below it")
    func listNumberRowIsALabel() throws {
        let table = try Self.table("gov-disclosure-2021", "requests")
        let region = Self.region(["1.属于国家秘密 1 0 0 0 0 0 1", "2 其他法律行政法规禁", "0 0 0 0 0 0 0", "止公开"])
        let matches = RowAligner(matcher: LabelMatcher(noise: [])).align(region.rows, to: table.rows)
        #expect(matches.map { table.rows[$0.templateRow].key } == ["denied.secret", "denied.law"])
    }

    @Test("reads a lone 工 that is all its grid cell, among the row's numbers, as an OCR'd 1")
    func loneLookalikeInGrid() {
        let html = "<table><tr><td>（一）予以公开</td><td>工</td><td>0</td><td>1</td></tr></table>"
        let document = TestDocuments.document(html, path: "lookalike.html")
        let rows = RowStream.rows(of: document.blocks, in: 0..<document.blocks.count)
        #expect(rows.first?.tail.map(\.raw) == ["工", "0", "1"])
        #expect(rows.first?.tail.allSatisfy { $0.kind == .number } == true)
    }

    @Test("reads a lookalike that shares its grid cell with the row's numbers, beside one of them, as an OCR'd digit")
    func lookalikeBesideNumbersInGrid() {
        let html = "<table><tr><td>二、上年结转政府信息公开申请数量 0 1 0 lo</td><td>0</td><td>1</td></tr>"
            + "<tr><td>1.属于国家秘密 工 0 0</td><td></td></tr></table>"
        let document = TestDocuments.document(html, path: "lookalike.html")
        let rows = RowStream.rows(of: document.blocks, in: 0..<document.blocks.count)
        #expect(rows.first?.tail.map(\.raw) == ["0", "1", "0", "lo", "0", "1"])
        #expect(rows.first?.tail.allSatisfy { $0.kind == .number } == true)
        #expect(rows.last?.tail.filter(\.isValue).map(\.raw) == ["工", "0", "0"])
    }

    @Test("keeps a lookalike of a grid cell's label text that no number stands beside as text")
    func lookalikeOfLabelInGrid() {
        let html = "<table><tr><td>其他 工 事项</td><td>3</td></tr></table>"
        let document = TestDocuments.document(html, path: "lookalike.html")
        let rows = RowStream.rows(of: document.blocks, in: 0..<document.blocks.count)
        #expect(rows.first?.tail.map(\.raw) == ["3"])
        #expect(rows.first?.label == "其他工事项")
    }

    @Test("a header's year printed apart from its 年度 is not a row of values; a lone number elsewhere is")
    func yearHeading() {
        #expect(LabelledRows.isYearHeading(0, in: Self.region(["2012", "年度", "历年累计"]).rows))
        #expect(!LabelledRows.isYearHeading(0, in: Self.region(["2012", "条"]).rows))
    }

    @Test("reading by order: optional rows are left out only when the region does not print their labels")
    func orderLeavesOutOnlyUnprintedRows() throws {
        let table = try Self.table("gov-disclosure-2021", "requests")
        func leavesOut(_ lines: [String]) -> Bool {
            ReadingOrder().candidates(for: Self.prepared(table), in: Self.region(lines), budget: .standard).contains { candidate in
                candidate.units.flatMap(\.readings).contains { $0.evidence.placement == .notPrinted }
            }
        }
        #expect(leavesOut(try Self.requestLines(withOptionalRows: false)))
        #expect(!leavesOut(try Self.requestLines(withOptionalRows: true)))
    }

    @Test("reading under headers: one row of numbers makes a single-row table's cells in order")
    func singleRowUnderHeaders() throws {
        let table = try Self.table("gov-disclosure-2021", "review")
        let region = Self.region(["维持 纠正 其他 未审结 总计", (1...15).map(String.init).joined(separator: " ")])
        let candidate = try #require(SingleRowUnderHeaders().candidates(for: Self.prepared(table), in: region, budget: .standard).first)
        #expect(candidate.units.flatMap(\.readings).map(\.value) == (1...15).map { Double($0) })
    }

    @Test("reading under headers: a row's values gathered from the runs between its groups' header words")
    func singleRowBetweenHeaderWords() throws {
        let table = try Self.table("gov-disclosure-2021", "review")
        let lines = ["行政复议", "结果", "维持", "1", "2", "3", "4", "10", "未经复议直接起诉", "总计", "5", "6", "7", "8", "26",
                     "复议后起诉", "结果", "纠正", "0", "0", "0", "1", "1"]
        let candidate = try #require(Self.underHeaders(table, lines).first)
        #expect(candidate.units.flatMap(\.readings).map(\.value) == [1, 2, 3, 4, 10, 5, 6, 7, 8, 26, 0, 0, 0, 1, 1])
    }

    @Test("reading under headers: each run of values between the groups' header words fills its own group")
    func singleRowRunsFillTheirGroups() throws {
        let table = try Self.table("gov-disclosure-2021", "review")
        let lines = ["行政复议", "结果", "维持", "1", "0", "1", "0", "未经复议直接起诉", "总计", "结果", "维持", "2", "0", "0", "0",
                     "复议后起诉", "总计", "结果", "维持", "0", "0", "0", "0"]
        let candidate = try #require(Self.underHeaders(table, lines).first)
        #expect(candidate.units.count == 3)
        #expect(candidate.units.flatMap(\.readings).map(\.value)
            == [1, 0, 1, 0, nil, 2, 0, 0, 0, nil, 0, 0, 0, 0, nil])
    }

    @Test("reading under headers: runs that do not match the groups are read as one row")
    func singleRowRunsUnlikeTheGroupsStayOneRow() throws {
        let table = try Self.table("gov-disclosure-2021", "review")
        let lines = ["行政复议", "结果", "维持", "6", "1", "1", "2", "0", "0", "0", "1", "未经复议直接起诉", "复议后起诉", "结果",
                     "2", "0", "0", "0"]
        let candidate = try #require(Self.underHeaders(table, lines).first)
        #expect(candidate.units.count == 1)
    }

    /// A pipe table of fifteen columns (html2text's), each line's cells in order.
    static func pipeRows(_ rows: [[String]]) -> [String] {
        rows.map { row in "| " + (row + Array(repeating: "", count: 15 - row.count)).joined(separator: " | ") + " |" }
    }

    @Test("reading under headers: a grid row of blank cells right under the columns' headers is the row, every cell blank")
    func singleRowAllBlankUnderColumnHeaders() throws {
        let table = try Self.table("gov-disclosure-2021", "review")
        let group = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        let lines = Self.pipeRows([["行政复议", "行政诉讼"], group + group, []])
        let candidate = try #require(Self.underHeaders(table, lines).first)
        #expect(candidate.units.flatMap(\.readings).map(\.value) == Array(repeating: nil, count: 15))
    }

    @Test("reading under headers: a grid row of blank cells under no columns' headers is no row")
    func singleRowAllBlankNeedsColumnHeaders() throws {
        let table = try Self.table("gov-disclosure-2021", "review")
        let lines = Self.pipeRows([["说明", "备注"], ["附件", "目录"], []])
        #expect(Self.underHeaders(table, lines).isEmpty)
    }

    @Test("reading under headers: a table whose every group header is printed is read from a few values")
    func singleRowSparseUnderPrintedHeaders() throws {
        let table = try Self.table("gov-disclosure-2021", "review")
        let lines = ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维 结果纠 其他结 尚未审", "总计", "1", "1"]
        let candidate = try #require(Self.underHeaders(table, lines).first)
        #expect(candidate.units.flatMap(\.readings).count(where: { $0.value != nil }) == 2)
    }

    @Test("reading under headers: group headers printed side by side on lines without values print the table")
    func singleRowSparseUnderHeadersSideBySide() throws {
        let table = try Self.table("gov-disclosure-2021", "review")
        let lines = ["行政复议            行政诉讼", "未经复议直接起诉        复议后起诉", "结果维 结果纠 其他结 尚未审", "1           1"]
        let candidate = try #require(Self.underHeaders(table, lines).first)
        #expect(candidate.units.flatMap(\.readings).count(where: { $0.value != nil }) == 2)
        let oneHeaderMissing = ["行政复议            行政诉讼", "未经复议直接起诉        复议后", "1           1"]
        #expect(Self.underHeaders(table, oneHeaderMissing).isEmpty)
    }

    @Test("reading under headers: a few values without the groups' headers are no table")
    func singleRowFewValuesWithoutHeadersRefused() throws {
        let table = try Self.table("gov-disclosure-2021", "review")
        let lines = ["行政复议", "结果维持", "1", "1"]
        #expect(Self.underHeaders(table, lines).isEmpty)
    }

    @Test("reading by labels: a row's cells printed each after its column's header line are keyed to the headers")
    func labelledRowKeyedByHeaderLines() throws {
        let table = try Self.table("gov-disclosure-2019", "active")
        func values(_ lines: [String]) throws -> [String: Double?] {
            let candidate = try #require(
                LabelledRows().candidates(for: Self.prepared(table), in: Self.region(lines), budget: .standard).first)
            return Dictionary(zip(candidate.keys, candidate.units.flatMap(\.readings).map(\.value)),
                              uniquingKeysWith: { first, _ in first })
        }
        let licensing = try values(["行政许可", "上一年项目数量", "127", "本年增/减", "3", "处理决定数量", "11520"])
        #expect([licensing["licensing.previous"], licensing["licensing.change"], licensing["licensing.decisions"]]
            == [127, 3, 11520])
        let procurement = try values(["政府集中采购", "采购项目数量", "86", "采购总金额", "29582.94"])
        #expect([procurement["procurement.items"], procurement["procurement.amount"]] == [86, 29582.94])
    }

    @Test("reading by labels: headers printed one after another before the values key nothing")
    func labelledRowHeadersWithoutTheirValuesKeyNothing() throws {
        let table = try Self.table("gov-disclosure-2019", "active")
        let lines = ["行政强制", "130", "本年增/减", "处理决定数量", "4245", "-3", "291"]
        let candidate = try #require(
            LabelledRows().candidates(for: Self.prepared(table), in: Self.region(lines), budget: .standard).first)
        let values = Dictionary(zip(candidate.keys, candidate.units.flatMap(\.readings).map(\.value)),
                                uniquingKeysWith: { first, _ in first })
        #expect(values["coercion.change"] != 4245)
        #expect(values["coercion.decisions"] != 4245)
    }

    @Test("reading under headers: a line of other words ends the row's values")
    func singleRowEndsAtOtherWords() throws {
        let table = try Self.table("gov-disclosure-2021", "review")
        let lines = ["结果维持", "1 2 3 4 10 5 6 7 8 26", "五、存在的主要问题及改进情况", "0 0 0 1 1"]
        let candidate = try #require(Self.underHeaders(table, lines).first)
        #expect(candidate.units.flatMap(\.readings).count(where: { $0.value != nil }) == 10)
    }

    @Test("a short row that prints no zero and sums to its total lost blanks: the arithmetic counts them as zero")
    func shortRowLostBlanks() throws {
        func choices(_ raws: [String]) throws -> ShortRowChoices {
            let tokens = raws.map { Token(kind: .number, raw: $0, line: 1) }
            let check: ([Double?]) -> Bool? = { row in
                let parts = row.prefix(6).compactMap { $0 }
                guard parts.count == 6, let total = row[6] else { return nil }
                return parts.reduce(0, +) == total
            }
            return try #require(ShortRowChoices(values: tokens, columns: 7, read: { token, _, placement in
                CellReading.from(token, decimal: false, placement: placement)
            }, limit: 64, check: check))
        }
        #expect(try choices(["15", "2", "1", "1", "1", "20"]).values(0) == [15, 2, 1, 1, 1, 0, 20])
        #expect(try choices(["15", "0", "1", "1", "1", "18"]).values(0) == [15, 0, 1, 1, 1, nil, 18])
        #expect(try choices(["87", "2", "103"]).values(0) == [87, 2, nil, nil, nil, nil, 103])
    }

    @Test("the spaces an OCR kept between a short row's values choose the columns they stand in")
    func shortRowPlacedBySpaces() throws {
        let line = "(七) 总计           16        2                            1        2        21"
        let tokens = RowStream.cellTokens(line, line: 1, inGrid: false).filter { $0.kind == .number }
        let choices = try #require(ShortRowChoices(values: tokens, columns: 7, read: { token, _, placement in
            CellReading.from(token, decimal: false, placement: placement)
        }, limit: 64))
        #expect(choices.spaced)
        #expect(choices.chosenReadings?.map(\.value) == [16, 2, nil, nil, 1, 2, 21])
        #expect(choices.chosenReadings?.compactMap(\.value).count == 5)
        #expect(choices.chosenReadings?.allSatisfy { $0.confidence <= 0.5 } == true)
    }

    @Test("the spaces of a short row's line measured against the table's full rows on one line choose its columns")
    func shortRowPlacedByTheTablesFullRows() throws {
        let full = ["一、本年新收政府信息公开申请数量    215 7   1 0   19   4 |246", "(七) 总计        215 8   1  0   18   4 |246"]
        let layouts = full.map { line in
            ShortRowChoices.middles(of: RowStream.cellTokens(line, line: 1, inGrid: false).filter { $0.kind == .number })!
        }
        let tokens = RowStream.cellTokens("三、本年度 | (一) 予以公开        66      1 0   5    1 |74", line: 2, inGrid: false)
            .filter { $0.kind == .number }
        func choices(layouts: [[Double]]) throws -> ShortRowChoices {
            try #require(ShortRowChoices(values: tokens, columns: 7, read: { token, _, placement in
                CellReading.from(token, decimal: false, placement: placement)
            }, limit: 64, check: Self.totalOfSeven, layouts: layouts))
        }
        let placed = try choices(layouts: layouts)
        #expect(placed.spaced)
        #expect(placed.chosenReadings?.map(\.value) == [66, nil, 1, 0, 5, 1, 74])
        #expect(try choices(layouts: []).chosenReadings?.map(\.value) == [66, 1, 0, 5, 1, nil, 74])
    }

    @Test("a row of evenly spaced values short of one column, its last the total, lost its first column")
    func shortRowOfEvenValuesLostAnEnd() throws {
        let tokens = RowStream.cellTokens("3.其他           0          0        0         1        0         2", line: 1, inGrid: false)
            .filter { $0.kind == .number }
        let choices = try #require(ShortRowChoices(values: tokens, columns: 7, read: { token, _, placement in
            CellReading.from(token, decimal: false, placement: placement)
        }, limit: 64, check: Self.totalOfSeven))
        #expect(choices.spaced)
        #expect(choices.chosenReadings?.map(\.value) == [nil, 0, 0, 0, 1, 0, 2])
        #expect(choices.chosenReadings?.allSatisfy { $0.confidence <= 0.5 } == true)
    }

    /// A request row's arithmetic: the last of seven columns totals the six before it.
    static func totalOfSeven(_ row: [Double?]) -> Bool? {
        let parts = row.prefix(6).compactMap { $0 }
        guard parts.count == 6, let total = row[6] else { return nil }
        return parts.reduce(0, +) == total
    }

    static func twoValueChoices(_ line: String, neighbourGaps: Set<Int> = []) throws -> ShortRowChoices {
        let tokens = RowStream.cellTokens(line, line: 1, inGrid: false).filter { $0.kind == .number }
        return try #require(ShortRowChoices(values: tokens, columns: 7, read: { token, _, placement in
            CellReading.from(token, decimal: false, placement: placement)
        }, limit: 64, check: totalOfSeven, neighbourGaps: neighbourGaps))
    }

    @Test("two values a wide stretch of spaces apart, the second the larger, are the row's first cell and its total")
    func shortRowOfFirstAndTotal() throws {
        let choices = try Self.twoValueChoices("(一) 予以公开      42                  47")
        #expect(choices.chosenReadings?.map(\.value) == [42, nil, nil, nil, nil, nil, 47])
        #expect(choices.chosenReadings?.allSatisfy { $0.confidence <= 0.5 } == true)
    }

    @Test("three values or more, the last at least the others' sum, are the row's total after the others in order")
    func shortRowOfTotalLast() throws {
        func choices(_ raws: [String]) throws -> ShortRowChoices {
            let tokens = raws.map { Token(kind: .number, raw: $0, line: 1) }
            return try #require(ShortRowChoices(values: tokens, columns: 7, read: { token, _, placement in
                CellReading.from(token, decimal: false, placement: placement)
            }, limit: 64, check: Self.totalOfSeven))
        }
        let total = try choices(["66", "1", "0", "5", "1", "74"])
        #expect(total.chosenReadings?.map(\.value) == [66, 1, 0, 5, 1, nil, 74])
        #expect(total.chosenReadings?.allSatisfy { $0.confidence <= 0.5 } == true)
        #expect(try choices(["8", "0", "0", "0", "0", "8"]).chosenReadings?.map(\.value) == [8, 0, 0, 0, 0, nil, 8])
        #expect(try choices(["66", "1", "0", "5", "9", "74"]).chosenReadings == nil)
        #expect(try choices(["8", "0", "0", "lo", "0", "8"]).chosenReadings?.map(\.value) == [8, 0, 0, 0, 0, nil, 8])
    }

    @Test("two values on lines of their own, the second at least the first, are the row's first cell and its total")
    func shortRowOfTwoOnTheirOwnLines() throws {
        func choices(lines: [Int]) throws -> ShortRowChoices {
            let tokens = zip(["42", "47"], lines).map { Token(kind: .number, raw: $0, line: $1) }
            return try #require(ShortRowChoices(values: tokens, columns: 7, read: { token, _, placement in
                CellReading.from(token, decimal: false, placement: placement)
            }, limit: 64, check: Self.totalOfSeven))
        }
        #expect(try choices(lines: [83, 85]).chosenReadings?.map(\.value) == [42, nil, nil, nil, nil, nil, 47])
        #expect(try choices(lines: [83, 83]).chosenReadings == nil)
    }

    @Test("two values as far apart as neighbouring values elsewhere in the table choose no columns: a layout of even character columns")
    func shortRowOfTwoAtANeighboursGap() throws {
        let line = "5.要求行政机关确认或重新出具已获取信息        1        1"
        #expect(try Self.twoValueChoices(line, neighbourGaps: [20, 8]).chosenReadings == nil)
        #expect(try Self.twoValueChoices(line, neighbourGaps: [2, 3]).chosenReadings?.map(\.value)
            == [1, nil, nil, nil, nil, nil, 1])
    }

    @Test("a region's neighbour gaps are the spaces between values of its rows of three values or more")
    func regionNeighbourGaps() {
        let region = Self.region(["一、本年新收政府信息公开申请数量   4    1  5", "（一）予以公开   1          1"])
        #expect(region.neighbourGaps == [4, 2])
    }

    @Test("two values a few spaces apart choose no columns: neighbours or first and total alike")
    func shortRowOfTwoNearValues() throws {
        #expect(try Self.twoValueChoices("(一) 予以公开      42   47").chosenReadings == nil)
    }

    @Test("two values far apart, the second smaller, are no total after a first cell: no columns chosen")
    func shortRowOfTwoFallingValues() throws {
        #expect(try Self.twoValueChoices("(一) 予以公开      47                  42").chosenReadings == nil)
    }

    @Test("evenly spaced values of a short row choose no columns: any evenly spaced columns fit them")
    func shortRowEvenlySpaced() throws {
        let tokens = RowStream.cellTokens("0   0   0   0   0   0", line: 1, inGrid: false)
        let choices = try #require(ShortRowChoices(values: tokens, columns: 7, read: { token, _, placement in
            CellReading.from(token, decimal: false, placement: placement)
        }, limit: 64))
        #expect(!choices.spaced)
        #expect(choices.chosenReadings == nil)
    }

    @Test("a grid row's tokens start where their cells do in the line of text")
    func gridTokenOffsets() {
        let tokens = RowStream.cellTokens("4 保护 12", line: 1, inGrid: true, at: 10)
        #expect(tokens.map(\.offset) == [10, 12, 15])
        #expect(RowStream.cellTokens("12", line: 1, inGrid: true).first?.offset == nil)
    }

    @Test("the option search takes the one option that makes a relation hold")
    func searchTakesTheHoldingOption() throws {
        #expect(try Self.ties([[1, 2, 3, 0, 9], [1, 2, 3, 3, 9], [4, 2, 3, 0, 7]]) == [[1]])
    }

    @Test("the option search reports every option that ties for best")
    func searchReportsTies() throws {
        #expect(try Self.ties([[1, 2, 3, 0, 9], [1, 2, 3, 3, 9], [3, 3, 3, 0, 9]]) == [[1, 2]])
    }

    @Test("beyond the joint budget, rows move one at a time and still find what holds")
    func searchBeyondTheJointBudget() throws {
        let arithmetic = Arithmetic(table: try Self.table("gov-disclosure-2021", "review"))
        let keys = ["reconsideration", "lawsuit_direct", "lawsuit_after"].flatMap { row in
            ["upheld", "corrected", "other", "pending", "total"].map { "\(row).\($0)" }
        }
        let choices = ListedChoices(options: [[1, 1, 1, 1, 9], [1, 1, 1, 1, 4], [2, 1, 1, 1, 9]])
        let members = (0..<3).map { OptionSearch.Member(positions: Array(($0 * 5)..<($0 * 5 + 5)), choices: choices) }
        var budget = SearchBudget.standard
        budget.jointCombinations = 2
        let ties = OptionSearch(tally: Tally(arithmetic, keys: keys), budget: budget)
            .ties(members, values: Array(repeating: choices.options[0], count: 3).flatMap { $0 })
        #expect(ties == [[1], [1], [1]])
    }

    @Test("the arbiter takes, among one strategy's candidates, the one whose relations hold")
    func arbiterTakesTheHoldingCandidate() throws {
        let failing: [Double] = [1, 1, 1, 1, 9] + Array(repeating: 0.0, count: 10)
        let holding: [Double] = [1, 1, 1, 1, 4] + Array(repeating: 0.0, count: 10)
        let verdict = try Self.verdict([(.singleRow, failing), (.singleRow, holding)])
        #expect(verdict.cells.map(\.value) == holding.map(Optional.some))
        #expect(verdict.checks.allSatisfy { $0.ok != false })
    }

    @Test("the arbiter keeps a sure labels' reading over a reading by order")
    func arbiterKeepsSureLabels() throws {
        let labels: [Double] = [1, 1, 1, 1, 4] + Array(repeating: 0.0, count: 10)
        let order: [Double] = [2, 0, 1, 1, 4] + Array(repeating: 0.0, count: 10)
        let verdict = try Self.verdict([(.singleRow, labels), (.order, order)])
        #expect(verdict.cells.map(\.value) == labels.map(Optional.some))
    }

    @Test("the arbiter lets a reading by order replace labels whose relations fail in text")
    func arbiterPrefersOrderWhenLabelsFailInText() throws {
        let labels: [Double] = [1, 1, 1, 1, 9, 0, 0, 0, 0, 0, 2, 0, 0, 0, 1]
        let order: [Double] = [1, 1, 1, 1, 4, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1]
        let verdict = try Self.verdict([(.singleRow, labels), (.order, order)])
        #expect(verdict.cells.map(\.value) == order.map(Optional.some))
        #expect(verdict.cells.allSatisfy { $0.evidence?.selection == .orderByArithmetic(holdsAll: true) })
    }

    static let reviewKeys = ["reconsideration", "lawsuit_direct", "lawsuit_after"].flatMap { row in
        ["upheld", "corrected", "other", "pending", "total"].map { "\(row).\($0)" }
    }

    /// What the reading under headers proposes for `table` in a region of `lines`.
    static func underHeaders(_ table: TableTemplate, _ lines: [String]) -> [ReadingCandidate] {
        SingleRowUnderHeaders().candidates(for: prepared(table), in: region(lines), budget: .standard)
    }

    static func reviewRow(_ raws: [String]) throws -> RowValues {
        let arithmetic = Arithmetic(table: try table("gov-disclosure-2021", "review"))
        return RowValues(keys: reviewKeys, decimal: false, check: arithmetic.check(forKeys: reviewKeys),
                         totals: arithmetic.totals(forKeys: reviewKeys))
    }

    static func numbers(_ raws: [String]) -> [Token] { raws.map { Token(kind: .number, raw: $0, line: 1) } }

    @Test("the review table's arithmetic derives each group's total")
    func reviewTotals() throws {
        let arithmetic = Arithmetic(table: try Self.table("gov-disclosure-2021", "review"))
        #expect(arithmetic.totals(forKeys: Self.reviewKeys) == [4, 9, 14])
    }

    @Test("a row printing every cell but its groups' totals puts its values in order, the totals blank")
    func totalsLeftBlank() throws {
        let raws = ["6", "1", "1", "1", "2", "0", "0", "0", "2", "0", "0", "0"]
        let unit = try Self.reviewRow(raws).unit(for: Self.numbers(raws))
        #expect(unit.readings.map(\.value) == [6, 1, 1, 1, nil, 2, 0, 0, 0, nil, 2, 0, 0, 0, nil])
        #expect(unit.readings.map { ConfidencePolicy().confidence(of: $0.evidence) }.allSatisfy { $0 <= 0.5 })
    }

    @Test("a crawler's run of digits for a row printing every cell but its totals is cut one digit a cell, the totals blank")
    func gluedTotalsLeftBlank() throws {
        let raws = ["611120002000"]
        let unit = try Self.reviewRow(raws).unit(for: Self.numbers(raws))
        #expect(unit.readings.map(\.value) == [6, 1, 1, 1, nil, 2, 0, 0, 0, nil, 2, 0, 0, 0, nil])
        #expect(unit.readings.map { ConfidencePolicy().confidence(of: $0.evidence) }.allSatisfy { $0 < 0.9 })
    }

    @Test("a run of digits too short for the cells that are no total is not cut")
    func gluedRunShortOfTheCells() throws {
        let raws = ["61112000200"]
        let unit = try Self.reviewRow(raws).unit(for: Self.numbers(raws))
        #expect(!unit.readings.contains { if case .split = $0.evidence.placement { true } else { false } })
    }

    @Test("a number printed in pieces one space apart, in a row whose values stand wider apart, is joined")
    func joinedPieces() {
        let tokens = [Token(kind: .number, raw: "2543", line: 1, offset: 10), Token(kind: .number, raw: "78", line: 1, offset: 20),
                      Token(kind: .number, raw: "967", line: 1, offset: 23)]
        let unit = RowValues(keys: ["a.year", "a.cumulative"], decimal: false).unit(for: tokens)
        #expect(unit.readings.map(\.value) == [2543, 78967])
        #expect(unit.readings[1].evidence.placement == .joined(checked: false))
    }

    @Test("a row without a wide gap between its values joins none")
    func noColumnsNoJoin() {
        let tokens = [Token(kind: .number, raw: "78", line: 1, offset: 20), Token(kind: .number, raw: "967", line: 1, offset: 23)]
        let unit = RowValues(keys: ["a.count"], decimal: false).unit(for: tokens)
        #expect(!unit.readings.contains { $0.evidence.placement == .joined(checked: false) })
    }

    @Test("values all a single space apart are not joined")
    func evenlySpacedValuesStayApart() {
        let tokens = [Token(kind: .number, raw: "2543", line: 1, offset: 10), Token(kind: .number, raw: "78", line: 1, offset: 15),
                      Token(kind: .number, raw: "967", line: 1, offset: 18)]
        let unit = RowValues(keys: ["a.year", "a.cumulative"], decimal: false).unit(for: tokens)
        #expect(!unit.readings.contains { $0.evidence.placement == .joined(checked: false) })
    }

    @Test("a row short of more than its totals is not read as totals left blank")
    func shortOfMoreThanTotals() throws {
        let raws = ["6", "1", "1", "1", "2", "0", "0", "0", "2", "0", "0"]
        let unit = try Self.reviewRow(raws).unit(for: Self.numbers(raws))
        #expect(!unit.readings.contains { $0.evidence.placement == .shortRow(.init(values: 11, columns: 15, outcome: .totalsBlank)) })
    }

    @Test("a long short row keeps only the placements its own arithmetic admits")
    func prunedPlacements() throws {
        let arithmetic = Arithmetic(table: try Self.table("gov-disclosure-2021", "review"))
        let values = Self.numbers(["1", "1", "1", "1", "4", "2", "1", "1", "1", "5", "3", "1", "1"])
        let choices = try #require(ShortRowChoices(values: values, columns: 15, read: { token, _, placement in
            CellReading.from(token, decimal: false, placement: placement)
        }, limit: 64, check: arithmetic.check(forKeys: Self.reviewKeys)))
        #expect(choices.pruned)
        #expect(choices.count == 35)
        #expect((0..<choices.count).allSatisfy { arithmetic.check(forKeys: Self.reviewKeys)!(choices.values($0)) != false })
    }

    static func statement(_ value: Double, of key: String) -> Statement {
        Statement(figure: "active_disclosures", value: value, raw: "\(Int(value))", unit: "条", negation: false,
                  qualifiers: [], target: StatementTarget(table: "statistics", keys: [key]), sentence: "", block: 0,
                  line: 1, range: 0..<1)
    }

    static func confirmed(among options: [[Double?]], stated: [Double]) throws -> Int? {
        let table = try table("gov-disclosure-2008", "statistics")
        let arbiter = Arbiter(arithmetic: Arithmetic(table: table), policy: ConfidencePolicy(), budget: .standard,
                              prose: stated.map { statement($0, of: "active.year") })
        let member = OptionSearch.Member(positions: [0, 1], choices: ListedChoices(options: options))
        return arbiter.confirmedByProse(Array(options.indices), of: member, keys: ["active.year", "active.cumulative"])
    }

    @Test("the prose confirms the one split that gives a figure it states, though it states others beside")
    func proseConfirmsAmongSeveralFigures() throws {
        let splits: [[Double?]] = [[20, 263542], [2026, 3542], [202, 63542]]
        #expect(try Self.confirmed(among: splits, stated: [1795, 2026, 90]) == 1)
    }

    @Test("the prose confirms no split when two give a figure it states equally")
    func proseConfirmsNoTie() throws {
        let splits: [[Double?]] = [[20, 263542], [2026, 3542], [202, 63542]]
        #expect(try Self.confirmed(among: splits, stated: [20, 2026]) == nil)
    }
}
