import Testing
@testable import TablefixReconstruction
import TablefixModel
import TablefixTestSupport

/// How reconstruction copes with the shapes extractors give a table, one shape per test.
@Suite("Reconstruction across renderings")
struct RenderingTests {
    let reconstructor = Reconstructor(library: (try? TemplateLibrary.builtIn()) ?? TemplateLibrary(templates: []))

    static let title = "某县人民政府2022年政府信息公开工作年度报告\n（国办公开办函〔2021〕30号）\n"

    func table(_ id: String, in text: String) -> ExtractedTable? {
        reconstructor.extract(from: TestDocuments.document(text)).tables.first { $0.id == id }
    }

    func values(_ table: ExtractedTable?, row: String) -> [Double?] {
        (table?.cells ?? []).filter { $0.key.hasPrefix(row + ".") }.map(\.value)
    }

    @Test("reads a table written one cell per line, as an office text export writes it")
    func cellPerLine() {
        let text = Self.title + "二、主动公开政府信息情况\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n规章\n0\n0\n2\n行政规范性文件\n14\n1\n30\n行政许可\n13,648\n"
        let active = table("active", in: text)
        #expect(values(active, row: "normative") == [14, 1, 30])
        #expect(values(active, row: "licensing") == [13648])
    }

    @Test("reads a row of one cell per line by the label above its unit and values, not the next row's below, a letter of every label mistyped")
    func unitAndValuesTakeTheLabelAbove() {
        // The pre-2019 form: label, unit, this year, all years; 复 printed 腹 in every label.
        let rows = [("对申请的答腹总数", "条", 1), ("其中：1、同意公开答腹数", "条", 1), ("2、同意部分公开答腹数", "条", 0),
                    ("3、不予公开答腹数", "条", 0), ("4、其他类型答腹数", "条", 0), ("政府信息公开收费减免金额", "元", 0),
                    ("接受行政诉讼、举报数", "件", 0), ("行政复议数", "件", 0), ("行政诉讼数", "件", 0)]
        let text = "某区2014年度政府信息公开工作年度报告\n六、某区政府信息公开情况统计表\n指标名称\n计量单位\n2014年度\n历年累计\n"
            + rows.map { "\($0.0)\n\($0.1)\n\($0.2)\n\($0.2)\n" }.joined()
        let statistics = table("statistics", in: text)
        #expect(values(statistics, row: "replies.granted") == [1, 1])
        #expect(values(statistics, row: "replies.partial") == [0, 0])
    }

    @Test("takes 无 or 無 in a word written one character per line for a letter of it, not a cell for none", arguments: ["无", "無"])
    func noneLetterOfSpelledWord(none: String) {
        let letters = ["（", "四", "）", none, "法", "提", "供"]
        let block = Block(.paragraph(letters.enumerated().map { TextLine($1, line: $0 + 1) }), lines: 1...letters.count)
        let rows = RowStream.rows(of: [block], in: 0..<1)
        #expect(rows.allSatisfy { $0.printedValueCount == 0 })
        #expect(rows.map(\.label).joined() == letters.joined())
    }

    @Test("keeps a cell whose unit reading does not know as printed and unread, not as the blank cell after it, as markitdown pads a colspan")
    func countWithUnknownUnit() {
        let text = Self.title + """
            二、主动公开政府信息情况
            |  |  |  |  |
            | --- | --- | --- | --- |
            | 第二十条第（一）项 | | | |
            | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
            | 规章 | 0 | 0 | 0 |
            | 行政规范性文件 | 7 | 2 | 31 |
            | 第二十条第（五）项 | | | |
            | 信息内容 | 本年处理决定数量 | | |
            | 行政许可 | 7318 | | |
            | 第二十条第（八）项 | | | |
            | 信息内容 | 本年收费金额（单位：万元） | | |
            | 行政事业性收费 | 6521.37千元 | | |
            """
        let fees = table("active", in: text)?.cells.first { $0.key == "fees.amount" }
        #expect(fees?.raw == "6521.37千元")
        #expect(fees?.value == nil)
        #expect((fees?.confidence ?? 1) < 0.5)
    }

    @Test("reads a label printed on the line after its numbers, as pdftotext -layout prints a wrapped label")
    func labelAfterValues() {
        let text = Self.title + """
            三、收到和处理政府信息公开申请情况
            一、本年新收政府信息公开申请数量   5   0   0   0   0   0   5
            （三）不予公开   1.属于国家秘密   0   0   0   0   0   0   0
            开            1   0   0   0   0   0   1
               3.危及“三安全一稳定”
               4.保护第三方合法权益   2   0   0   0   0   0   2
            """
        let requests = table("requests", in: text)
        #expect(values(requests, row: "denied.safety") == [1, 0, 0, 0, 0, 0, 1])
        #expect(values(requests, row: "denied.third_party") == [2, 0, 0, 0, 0, 0, 2])
    }

    @Test("deals values stacked after several labels back to those labels, as pdftotext does with merged cells")
    func stackedLabels() {
        let lines = ["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量"] + ["5", "0", "0", "0", "0", "0", "5"]
            + ["4.保护第三方合法权益", "不予公", "5.属于三类内部事务信息"] + ["2", "1", "0", "0", "0", "0", "3"]
            + ["1", "0", "0", "0", "0", "0", "1"]
        let requests = table("requests", in: Self.title + lines.joined(separator: "\n"))
        #expect(values(requests, row: "denied.third_party") == [2, 1, 0, 0, 0, 0, 3])
        #expect(values(requests, row: "denied.internal") == [1, 0, 0, 0, 0, 0, 1])
    }

    @Test("reads a one-row table by order when its numbers are scattered among its headers and its arithmetic holds")
    func singleRowByOrder() {
        let lines = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "结果维持", "9", "2", "其他结果", "尚未审结", "总计", "4", "1", "16",
                     "复议后起诉", "结果维持", "1", "0", "0", "1", "2", "总计", "0", "0", "2", "0", "2", "五、存在的主要问题及改进情况"]
        let review = table("review", in: Self.title + lines.joined(separator: "\n"))
        #expect(review?.cells.map(\.value) == [9, 2, 4, 1, 16, 1, 0, 0, 1, 2, 0, 0, 2, 0, 2])
        #expect(review?.checks.allSatisfy { $0.ok == true } == true)
        #expect(review?.cells.allSatisfy { $0.rule == .sequence } == true)
    }

    @Test("places the values of a row that lost columns where the column relations hold, as an OCR that dropped narrow columns leaves it")
    func shortRowPlacedByColumns() throws {
        let rows = OrderReadingTests.rows
        let lines = rows.map { row in
            let printed = row.key == "new" ? [row.values[0], row.values[3], row.values[6]] : row.values
            return row.label + "  " + printed.map(OrderReadingTests.number).joined(separator: "  ")
        }
        let requests = table("requests", in: Self.title + (["三、收到和处理政府信息公开申请情况"] + lines).joined(separator: "\n"))
        #expect(values(requests, row: "new") == [61, nil, nil, 1, nil, nil, 72])
        let social = try #require(requests?.cells.first { $0.key == "new.social" })
        #expect(social.rule == .shortRow)
        #expect(social.confidence < 0.9)
    }

    @Test("gives a table the cells pdftotext printed after the next section's heading, and leaves that section empty")
    func cellsSpilledPastTheNextHeading() {
        let lines = ["二、主动公开政府信息情况", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "0", "0", "0",
                     "行政规范性文件", "1", "2", "18", "行政许可", "187", "行政处罚", "2", "行政强制", "0", "行政事业性收费",
                     "三、收到和处理政府信息公开申请情况", "本年收费金额（单位：万元）", "0",
                     "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况"]
        let extraction = reconstructor.extract(from: TestDocuments.document(Self.title + lines.joined(separator: "\n")))
        let active = extraction.tables.first { $0.id == "active" }
        #expect(values(active, row: "fees") == [0])
        #expect(extraction.tables.first { $0.id == "requests" }?.status == .image)
    }

    @Test("does not end a table's section at one of its own labels with an OCR'd glyph (示年 for 本年)")
    func damagedLabelKeepsSection() {
        let text = Self.title + """
            三、收到和处理政府信息公开申请情况
            一、示年新收政府信息公开申请数量  ol2h5 |0|9
            二、上年结转政府信息公开申请数量  1  0  0  0  0  0  1
            四、政府信息公开行政复议、行政诉讼情况
            """
        let requests = table("requests", in: text)
        #expect(requests?.status == .present)
        #expect(values(requests, row: "carried_in") == [1, 0, 0, 0, 0, 0, 1])
    }

    @Test("splits a crawler's digit runs the way the whole table's arithmetic holds when a row's own allows several")
    func crawlerSplitsChosenByTable() throws {
        let lines = OrderReadingTests.rows.map { row in row.label + row.values.map(OrderReadingTests.number).joined() }
        let requests = table("requests", in: Self.title + (["三、收到和处理政府信息公开申请情况"] + lines).joined(separator: "\n"))
        for row in OrderReadingTests.rows { #expect(values(requests, row: row.key) == row.values, "\(row.key)") }
        let chosen = try #require(requests?.cells.first { $0.why?.contains("the table's arithmetic chose") == true })
        #expect(chosen.confidence < 0.9)
    }

    /// A requests table as a crawler runs its cells together (lxml's text of a page, an
    /// `&nbsp;` cell's U+00A0 kept), with the rows `rows` at its top; the rows after them
    /// print no value.
    static func crawledRequests(_ rows: [String]) -> String {
        title + (["三、收到和处理政府信息公开申请情况", "自然人法人或其他组织总计", "商业企业科研机构社会公益组织法律服务机构其他"] + rows
            + ["（三）不予公开1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
               "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]).joined(separator: "\n")
    }

    @Test("reads a crawler's empty cells kept as one space each (a page's &nbsp; cells) as blanks among its run-together values")
    func crawlerBlanksAsSpaces() {
        let requests = table("requests", in: Self.crawledRequests([
            "一、本年新收政府信息公开申请数量152\u{A0}11120", "二、上年结转政府信息公开申请数量1\u{A0}\u{A0}\u{A0}\u{A0}12",
            "三、本年度办理结果（一）予以公开71\u{A0}\u{A0}\u{A0}19",
        ]))
        #expect(values(requests, row: "new") == [15, 2, nil, 1, 1, 1, 20])
        #expect(values(requests, row: "carried_in") == [1, nil, nil, nil, nil, 1, 2])
        #expect(values(requests, row: "granted") == [7, 1, nil, nil, nil, 1, 9])
        let rows = (requests?.cells ?? []).filter { ["new.", "carried_in.", "granted."].contains(where: $0.key.hasPrefix) }
        #expect(rows.count == 21)
        #expect(rows.allSatisfy { $0.rule == .splitDigits && $0.confidence < 0.9 })
    }

    @Test("reads a space of a crawler that collapsed white space as the empty cells the row's arithmetic needs there")
    func crawlerCollapsedBlanks() {
        let requests = table("requests", in: Self.crawledRequests([
            "一、本年新收政府信息公开申请数量15211120", "二、上年结转政府信息公开申请数量1 12", "三、本年度办理结果（一）予以公开71 19",
        ]))
        #expect(values(requests, row: "carried_in") == [1, nil, nil, nil, nil, 1, 2])
        #expect(values(requests, row: "granted") == [7, 1, nil, nil, nil, 1, 9])
    }

    @Test("cuts a crawler's run whose empty cells left no trace into the fewest values its row's arithmetic allows, placed as a short row's")
    func crawlerUnmarkedBlanks() {
        let requests = table("requests", in: Self.crawledRequests([
            "一、本年新收政府信息公开申请数量415", "二、上年结转政府信息公开申请数量0000000", "三、本年度办理结果（一）予以公开1001",
        ]))
        #expect(values(requests, row: "new").compactMap { $0 } == [4, 1, 5])
        #expect(values(requests, row: "new").last == 5)
        #expect(requests?.cells.filter { $0.key.hasPrefix("new.") }.allSatisfy { $0.confidence < 0.9 } == true)
    }

    @Test("keeps the spaces between a row's values a separator's where the table's lines print values apart from labels")
    func spacesApartAreNoBlanks() {
        let lines = ["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量  5  0  0  0  0  0  5",
                     "二、上年结转政府信息公开申请数量  1  12", "三、本年度办理结果（一）予以公开  1  0  0  0  0  0  1"]
        let requests = table("requests", in: Self.title + lines.joined(separator: "\n"))
        #expect(requests?.cells.contains { $0.why?.contains("kept as a space") == true } == false)
    }

    @Test("reads a one-row table a crawler ran into one run of digits, one digit a cell")
    func crawlerSingleRow() {
        let lines = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议行政诉讼", "结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉",
                     "411280000010113", "五、存在的主要问题及改进情况"]
        let review = table("review", in: Self.title + lines.joined(separator: "\n"))
        #expect(review?.status == .present)
        #expect(review?.cells.map(\.value) == [4, 1, 1, 2, 8, 0, 0, 0, 0, 0, 1, 0, 1, 1, 3])
    }

    @Test("keeps a number that no relation confirms below 0.9 in a document with OCR glyph damage")
    func damagedDocumentCapsUnverified() throws {
        let text = "某县人民政府2022年政府信息公开工作年度报告\n（国办公开办函〔2021〕30号）\n二、主动公开政府信息情况\n行政许可 5008\n三、收到和处理政府信息公开申请情况\n-,\t本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\nΞ,\t上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"
        let extraction = reconstructor.extract(from: TestDocuments.document(text))
        let active = try #require(extraction.tables.first { $0.id == "active" })
        let licensing = try #require(active.cells.first { $0.key == "licensing.decisions" })
        #expect(licensing.value == 5008)
        #expect(licensing.confidence < 0.9)
    }

    @Test("takes the year from the statistics period when the title has none, its day damaged by OCR")
    func periodYearWithDamagedDay() {
        let text = "政府信息公开工作年度报告\n本报告所列数据的统计期限自2024\n年1月1L日起至2024年12月31日止。\n"
        #expect(reconstructor.extract(from: TestDocuments.document(text)).year == 2024)
    }

    @Test("reads the title's body and year: behind a page's field name with spaces around the year, or its colon read as a semicolon by OCR, or with its last character lost to OCR, or broken after its body and year; digits before its name are no body", arguments: [
        ("当前位置：首页 > 政务公开 > 政府信息公开年报\n名    称：  平阴县人民政府 2022 年政府信息公开工作年度报\n告\n正文。\n", "平阴县人民政府", 2022),
        ("名称; 桐乡市教育局2023年政府信息公开工作年度报告\n正文。\n", "桐乡市教育局", 2023),
        ("宁波市海曙区人民政府办公室 2024 年政府信息公开工作年度报\n生\n握\n正文。\n", "宁波市海曙区人民政府办公室", 2024),
        ("平潭综合实验区2018年度\n政府信息公开工作年度报告\n正文。\n", "平潭综合实验区", 2018),
        ("平潭综合实验区\n201 4年度 政府信息公开工作年度报告\n本报告所列数据的统计期限自2014年1月1日起。\n", "平潭综合实验区", 2014),
    ])
    func titleBodyAndYear(text: String, body: String, year: Int) {
        let extraction = reconstructor.extract(from: TestDocuments.document(text))
        #expect(extraction.body == body)
        #expect(extraction.year == year)
    }

    @Test("a report whose text prints no title takes its body from the title its file declares, its year from the text")
    func bodyFromDeclaredTitle() {
        var document = TestDocuments.document("本报告所列数据的统计期限自2012年1月1日起至2012年12月31日。\n正文。\n")
        document.declaredTitle = "平潭综合实验区2011年政府信息公开工作年度报告_政府信息公开年报_平潭"
        let extraction = reconstructor.extract(from: document)
        #expect(extraction.body == "平潭综合实验区")
        #expect(extraction.year == 2012)
        document.declaredTitle = "平潭综合实验区管委会门户网站"
        #expect(reconstructor.extract(from: document).body == nil)
    }

    @Test("a report without a title that names its body takes it from its signature: a short line above the date at its end, a page's footer after")
    func bodyFromSignature() {
        let text = "2017年，县法院认真贯彻落实《条例》。\n一、主动公开政府信息的情况\n正文。\n柘城县人民法院\n2018年2月13日\n【打印本页】 【关闭窗口】\n"
        #expect(reconstructor.extract(from: TestDocuments.document(text)).body == "柘城县人民法院")
        let undated = "2017年，县法院认真贯彻落实《条例》。\n正文。\n柘城县人民法院\n【打印本页】\n"
        #expect(reconstructor.extract(from: TestDocuments.document(undated)).body == nil)
        let byline = "平潭综合实验区管委会办公室\n二〇一三年一月\n本报告主要根据《条例》编制。\n一、概述\n正文。\n二、重点领域\n正文。\n"
        #expect(reconstructor.extract(from: TestDocuments.document(byline)).body == nil)
    }

    @Test("a review row placed by padded columns keeps its publisher's blank totals unknown: its parts' sum does not refuse the placement")
    func paddedReviewRowWithBlankTotals() throws {
        // inscriptis, a publisher that leaves 总计 blank where its parts are not all zero.
        let text = Self.title + "    表三：政府信息公开行政复议、行政诉讼情况\n\n      行政复议  行政诉讼\n"
            + "      结果维持  结果纠正  其他结果  尚未审结  总计  未经复议直接起诉  复议后起诉\n"
            + "      结果维持  结果纠正  其他结果  尚未审结  总计  结果维持      结果纠正   其他结果  尚未审结  总计\n"
            + "      4           2     2                   1                  1   2    1    3\n      \n\n正文。\n"
        let review = try #require(table("review", in: text))
        let values = Dictionary(uniqueKeysWithValues: review.cells.map { ($0.key, $0.value) })
        #expect(values["reconsideration.upheld"] == 4)
        #expect(values["reconsideration.pending"] == 2)
        #expect(values["reconsideration.total"] == .some(nil))
        #expect(values["lawsuit_direct.corrected"] == 1)
        #expect(values["lawsuit_direct.total"] == 1)
        #expect(values["lawsuit_after.upheld"] == 2)
        #expect(values["lawsuit_after.total"] == 3)
    }

    @Test("a cut label fragment such as 三、本年 does not end the table's section")
    func fragmentDoesNotEndSection() {
        let lines = ["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量", "3", "0", "0", "0", "0", "0", "3",
                     "二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0", "0", "0",
                     "三、本年", "（一）予以公开", "2", "0", "0", "0", "0", "0", "2"]
        let requests = table("requests", in: Self.title + lines.joined(separator: "\n"))
        #expect(values(requests, row: "granted") == [2, 0, 0, 0, 0, 0, 2])
    }

    @Test("gives rows that printed only their first value beside their label the rest of their values, in order")
    func firstColumnBesideLabels() {
        let lines = ["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量", "9", "0", "0", "0", "0", "0", "9",
                     "1.本机关不掌握相关政府信息 12", "（四）", "无法提 2.没有现成信息需要另行制作 1", "供", "1",
                     "3.补正后申请内容仍不明确", "1", "0", "0", "0", "0", "13", "0", "0", "0", "0", "0", "1", "0", "0", "0", "0", "0", "1"]
        let requests = table("requests", in: Self.title + lines.joined(separator: "\n"))
        #expect(values(requests, row: "unable.not_held") == [12, 1, 0, 0, 0, 0, 13])
        #expect(values(requests, row: "unable.must_create") == [1, 0, 0, 0, 0, 0, 1])
        #expect(values(requests, row: "unable.unclear") == [1, 0, 0, 0, 0, 0, 1])
    }
}
