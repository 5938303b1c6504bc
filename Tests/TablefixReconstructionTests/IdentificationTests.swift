import Foundation
import Testing
@testable import TablefixReconstruction
import TablefixModel
import TablefixTestSupport

/// Which template a report follows and where its tables stand, told by the tables' own
/// words: titles and headings are evidence, not gates.
@Suite("Identification by content")
struct IdentificationTests {
    let reconstructor = Reconstructor(library: (try? TemplateLibrary.builtIn()) ?? TemplateLibrary(templates: []))

    static let active2021 = """
        信息内容\t本年制发件数\t本年废止件数\t现行有效件数
        规章\t0\t0\t1
        行政规范性文件\t2\t0\t5
        信息内容\t本年处理决定数量
        行政许可\t12
        行政处罚\t3
        行政强制\t0
        信息内容\t本年收费金额（单位：万元）
        行政事业性收费\t0
        """

    static let requestRows = [
        "一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3", "二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1",
        "（一）予以公开\t2\t0\t0\t0\t0\t0\t2", "（二）部分公开\t1\t0\t0\t0\t0\t0\t1", "（七）总计\t3\t0\t0\t0\t0\t0\t3",
        "四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1",
    ]

    func extract(_ text: String) -> Extraction { reconstructor.extract(from: TestDocuments.document(text)) }

    func value(_ extraction: Extraction, _ table: String, _ key: String) -> Double?? {
        extraction.tables.first { $0.id == table }?.cells.first { $0.key == key }.map(\.value)
    }

    @Test("tells the template from the tables of a report that has no title and cites no format")
    func noTitle() {
        let text = "本报告根据《条例》编制。\n二、主动公开政府信息情况\n" + Self.active2021
        let extraction = extract(text)
        #expect(extraction.template == "gov-disclosure-2021")
        #expect(value(extraction, "active", "normative.in_force") == 5)
    }

    @Test("takes the edition the tables print, not the one the year suggests")
    func editionByTable() {
        let text = "某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t4\t4\t17\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t53\t2\t281\n"
        #expect(extract(text).template == "gov-disclosure-2019")
    }

    @Test("reads a table that has no heading at all where its rows stand")
    func noHeading() {
        let text = "某局2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n" + Self.active2021 + "\n"
            + Self.requestRows.joined(separator: "\n") + "\n五、存在的主要问题及改进情况\n正文。\n"
        let extraction = extract(text)
        #expect(extraction.tables.first { $0.id == "requests" }?.status == .present)
        #expect(value(extraction, "requests", "new.total") == 3)
        #expect(value(extraction, "active", "licensing.decisions") == 12)
    }

    @Test("finds a review table with no heading by its group words, its column headers cut into pieces before its values")
    func reviewByGroupWords() {
        let cutHeaders = ["结果维", "持", "结果", "纠正", "其他", "结果", "尚未", "审结", "总计", "结果维", "持", "结果", "纠正"]
        let text = "某局2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n" + Self.active2021 + "\n"
            + Self.requestRows.joined(separator: "\n") + "\n行政复议\n行政诉讼\n未经复议直接起诉\n复议后起诉\n"
            + cutHeaders.joined(separator: "\n") + "\n1 0 0 0 1 0 0 0 0 0 0 0 0 0 0\n五、存在的主要问题及改进情况\n正文。\n"
        let extraction = extract(text)
        #expect(extraction.tables.first { $0.id == "review" }?.status == .present)
        #expect(value(extraction, "review", "reconsideration.total") == 1)
        #expect(value(extraction, "requests", "carried_out.total") == 1)
    }

    @Test("finds a review table with no heading by 行政复议 and 行政诉讼 over its groups, 复议后起诉 standing past its cut headers (pdftotext)")
    func reviewByHeaderWords() {
        // dengfeng's plain pdftotext, its section heading left out: the values of the first
        // two groups stand among their cut headers, the last group's after its own.
        let review = ["行政复议", "行政诉讼", "未经复议直接起诉", "结果维 结果", "持", "纠正", "2", "0", "其他", "结果", "尚未", "审结",
                      "总计", "0", "0", "2", "复议后起诉", "结果", "维持", "结果", "纠正", "其他", "结果", "尚未", "审结", "总计",
                      "结果", "维持", "结果", "纠正", "其他", "结果", "尚未", "审结", "总计", "—", "—", "—", "—", "—", "1", "0", "0", "0", "1"]
        let text = "某局2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n" + Self.active2021 + "\n"
            + Self.requestRows.joined(separator: "\n") + "\n" + review.joined(separator: "\n\n") + "\n五、存在的主要问题及改进情况\n正文。\n"
        let extraction = extract(text)
        #expect(extraction.tables.first { $0.id == "review" }?.status == .present)
        #expect(value(extraction, "requests", "carried_out.total") == 1)
    }

    @Test("a table whose labels a layout cut into short pieces between its values stays one run past the gap")
    func cutLabelsKeepOneRun() throws {
        let template = try #require(reconstructor.library.templates.first { $0.id == "gov-disclosure-2019" })
        let alphabet = PreparedTemplate.alphabet(of: [template])
        var lines = ["申请人情况", "自然人    法人或其他组织    总计", "商业企业    科研机构    社会公益组织    法律服务机构    其他"]
        for (head, tail) in [("一、本年新收政府信", "息公开申请数量"), ("二、上年结转政府信", "息公开申请数量"), ("（一）予以", "公开"),
                             ("（二）部分", "公开"), ("1.属于国家", "秘密"), ("2.其他法律", "行政法规禁止公开")] {
            lines += [head, "    1    0    0    0    0    0    1", tail]
        }
        lines += ["（七）总计    1    0    0    0    0    0    1", "四、结转下年度继续办理    0    0    0    0    0    0    0"]
        let document = TestDocuments.document(lines.joined(separator: "\n"))
        let rows = RowStream.rows(of: document.blocks, in: 0..<document.blocks.count)
        let content = ContentEvidence(template: PreparedTemplate(template, alphabet: alphabet), rows: rows,
                                      letters: ContentEvidence.labelLetters(of: rows, alphabet: alphabet))
        let requests = try #require(content.placing("requests"))
        #expect(rows[requests.rows.lowerBound].label.contains("自然人"))
        #expect(rows[requests.lastOwnRow].label.hasPrefix("四、结转"))
    }

    @Test("a table's own rows end at its last long label: 总计 alone in the next table's header does not stretch them")
    func shortWordsDoNotStretchATable() throws {
        let template = try #require(reconstructor.library.templates.first { $0.id == "gov-disclosure-2021" })
        let alphabet = PreparedTemplate.alphabet(of: [template])
        let lines = Self.requestRows + ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "结果", "总计", "5", "结果", "总计"]
        let document = TestDocuments.document(lines.joined(separator: "\n"))
        let rows = RowStream.rows(of: document.blocks, in: 0..<document.blocks.count)
        let content = ContentEvidence(template: PreparedTemplate(template, alphabet: alphabet), rows: rows,
                                      letters: ContentEvidence.labelLetters(of: rows, alphabet: alphabet))
        let requests = try #require(content.placing("requests"))
        let carriedOut = try #require(rows.firstIndex { $0.label.hasPrefix("四、结转") })
        #expect(requests.rows.upperBound > carriedOut)
        #expect(requests.lastOwnRow == carriedOut)
    }

    @Test("matches labels served in traditional characters")
    func traditionalCharacters() {
        let text = "某局2022年政府信息公開工作年度報告\n二、主動公開政府信息情況\n信息內容\t本年制發件數\t本年廢止件數\t現行有效件數\n規章\t0\t0\t1\n行政規範性文件\t2\t0\t5\n信息內容\t本年處理決定數量\n行政許可\t12\n"
        let extraction = extract(text)
        #expect(extraction.template == "gov-disclosure-2021")
        #expect(value(extraction, "active", "normative.issued") == 2)
    }

    @Test("reads a traditional-character page's cells: 無 for none, an amount in 萬元")
    func traditionalCells() {
        let text = "某局2022年政府信息公開工作年度報告\n二、主動公開政府信息情況\n信息內容\t本年制發件數\t本年廢止件數\t現行有效件數\n規章\t無\t無\t1\n行政規範性文件\t2\t無\t5\n信息內容\t本年處理決定數量\n行政許可\t12\n信息內容\t本年收費金額（單位：萬元）\n行政事業性收費\t6521.37萬元\n"
        let extraction = extract(text)
        #expect(value(extraction, "active", "rules.issued") == .some(nil))
        #expect(value(extraction, "active", "normative.repealed") == .some(nil))
        #expect(value(extraction, "active", "normative.in_force") == 5)
        #expect(value(extraction, "active", "fees.amount") == 6521.37)
    }

    @Test("does not take a sentence's figures, wrapped over lines, for a table's rows")
    func proseIsNotATable() {
        let text = "某市人民政府2024年政府信息公开工作年度报告\n收到行政复议申请351件，其中结果维持72件，结果纠正64件，其他结果178件，尚\n未审结37件。\n"
        #expect(extract(text).template == nil)
    }

    @Test("gives no template to a narrative-only report, and still finds its body and year")
    func narrativeOnly() {
        let text = "柘城县财政局2017年政府信息公开工作年度报告\n一、概述\n2017年，我局认真贯彻落实《条例》。\n二、主动公开政府信息情况\n全年主动公开政府信息120条。\n三、依申请公开政府信息情况\n全年未收到政府信息公开申请。\n"
        let extraction = extract(text)
        #expect(extraction.template == nil)
        #expect(extraction.tables.isEmpty)
        #expect(extraction.body == "柘城县财政局")
        #expect(extraction.year == 2017)
    }

    @Test("gives no template to a report whose lists name a template's indicators but whose tables are not there")
    func indicatorListsAreNoTable() {
        let text = "柘城县工商质监局 2017 年信息公开年度报告\n五、机构建设和保障经费情况\n\n（一）、政府信息公开工作专门机构数 1 个\n\n（二）、设置政府信息公开查阅点数 1 个\n\n六、政府信息公开会议和培训情况\n\n（一）、召开政府信息公开工作会议 5 次\n\n（二）、举办各类培训 3 次\n\n（三）、接受培训人员 12 人\n"
        let extraction = extract(text)
        #expect(extraction.template == nil)
        #expect(extraction.year == 2017)
    }

    @Test("splits a pre-2019 sub-row's glued digits the one way that keeps it within its row")
    func gluedSubRowWithinItsWhole() {
        let text = "某区2018年政府信息公开工作年度报告\n政府信息公开情况统计表\n指标名称 计量单位 2018年度 历年累计\n主动公开政府信息数 条 2069 12106\n其中：1、政府网站公开数 条 206912106\n2、政府公报公开数 条 0 0\n依申请公开信息数 条 0 0\n其中：1、当面申请数 条 0 0\n"
        let extraction = extract(text)
        #expect(extraction.template == "gov-disclosure-2008")
        #expect(value(extraction, "statistics", "active.website.year") == 2069)
        #expect(value(extraction, "statistics", "active.website.cumulative") == 12106)
    }

    @Test("a glued row the prose settles settles its glued sub-row within it")
    func proseSettledRowSettlesItsSubRow() {
        let text = "某区2018年政府信息公开工作年度报告\n2018年，全区主动公开政府信息2069条。\n政府信息公开情况统计表\n指标名称 计量单位 2018年度 历年累计\n主动公开政府信息数 条 206912106\n其中：1、政府网站公开数 条 206912106\n2、政府公报公开数 条 0 0\n依申请公开信息数 条 0 0\n其中：1、当面申请数 条 0 0\n"
        let extraction = extract(text)
        #expect(value(extraction, "statistics", "active.cumulative") == 12106)
        #expect(value(extraction, "statistics", "active.website.year") == 2069)
        #expect(value(extraction, "statistics", "active.website.cumulative") == 12106)
    }

    @Test("takes a web page's report title over its navigation's other reports, links left out")
    func titleAfterNavigation() {
        let navigation = (1...70).map { "[栏目\($0)](https://www.example.gov.cn/\($0)/)" }
        let text = (["[政府工作报告](https://www.example.gov.cn/zfgzbg/ \"政府工作报告\")", "政府工作报告"] + navigation
            + ["某县人民政府2012年政府信息公开工作年度报告", "一、概述"]).joined(separator: "\n")
        let extraction = extract(text)
        #expect(extraction.body == "某县人民政府")
        #expect(extraction.year == 2012)
    }

    @Test("without a title, the body is the one a page's metadata box names")
    func bodyFromMetadataBox() {
        #expect(BodyStatements.body(in: ["索引号：\t1133/2024-01150", "发布机构：\t莒县自然资源和规划局\t成文日期：\t2021-01-06"])
            == "莒县自然资源和规划局")
    }

    @Test("without a title, the body is the one the preamble says wrote the report")
    func bodyFromPreamble() {
        #expect(BodyStatements.body(in: ["本报告由杭州市余杭区人民政府仓前街道办事处根据《条例》要求编制。"])
            == "杭州市余杭区人民政府仓前街道办事处")
    }

    @Test("a title broken before its last words gives the body before its year")
    func titleBrokenBeforeLastWords() {
        let extraction = extract("国网河南省电力公司柘城县供电公司 2017 年政府信息公开工作\n\n年度报告\n\n一、概述\n")
        #expect(extraction.body == "国网河南省电力公司柘城县供电公司")
        #expect(extraction.year == 2017)
    }

    @Test("the body the preamble names keeps its office: an office may issue the report")
    func officeBodyFromPreamble() {
        #expect(BodyStatements.body(in: ["本报告由宜兴市人民政府办公室根据《条例》要求编制。"]) == "宜兴市人民政府办公室")
    }

    @Test("a report laid out in one table gives its body and year from the table's cells")
    func metadataFromCells() {
        let grid = Grid(rows: [[Cell("发布机构：", line: 1), Cell("某县人民政府办公室", line: 1)],
                               [Cell("本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。", line: 2)]])
        let document = Document(source: Source(path: "test.html", format: .html, encoding: "utf-8"),
                                blocks: [Block(.table(grid), lines: 1...2)])
        let extraction = reconstructor.extract(from: document)
        #expect(extraction.body == "某县人民政府办公室")
        #expect(extraction.year == 2023)
    }

    @Test("without a title, the body is the one the contact sentence names, its office left out, as printed")
    func bodyFromContactSentence() {
        #expect(BodyStatements.body(in: ["如对本报告有疑问，请与高密市自然资源和规划局办公室联系（地址：…）。"]) == "高密市自然资源和规划局")
        #expect(BodyStatements.body(in: ["如對本報告有疑問，請與滕州市人民政府荊河街道辦事處黨政辦聯繫（地址：…）。"])
            == "滕州市人民政府荊河街道辦事處")
    }

    @Test("a contact sentence naming a disclosure office or group gives no body")
    func noBodyFromDisclosureOffice() {
        #expect(BodyStatements.body(in: ["请与区管委会办公室政府信息公开工作领导小组办公室联系（地址：…）。"]) == nil)
    }

    @Test("without a title, the year the opening lines write most often is the report's")
    func frequentYear() {
        let text = "2017年，在县委县政府的正确领导下，我委认真落实信息公开。\n一、主动公开政府信息的情况\n2017年度我委主动公开政府信息91条。\n"
        #expect(extract(text).year == 2017)
    }

    @Test("a table's heading after the document's last row gives it no row to read, not rows past the end")
    func headingAfterTheLastRow() {
        // Found by the text fuzzer: a heading whose section holds no row stood after every row.
        let text = "某局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
            + Self.requestRows.joined(separator: "\n") + "\n四、政府信息公开行政复议、行政诉讼情况\n"
            + "2020 年，我局未发生.补正后申请内容仍不明确2000002\n（五）不予处理1.信访举报投诉类申"
        let extraction = extract(text)
        #expect(value(extraction, "requests", "new.total") == 3)
        #expect(extraction.tables.first { $0.id == "review" }?.cells.isEmpty == true)
    }

    @Test("a wrapped label's first line that an OCR damaged (`1、…追期不补`) does not end the table's section")
    func damagedWrappedLabelKeepsTheSection() {
        let text = """
            三、收到和处理政府信息公开申请情况
            一、本年新收政府信息公开申请数量    3    0    0    0    0    0    3
            二、上年结转政府信息公开申请数量    1    0    0    0    0    0    1
            2. 重复申请    25    0    0    0    0    0    25
            1、申请人无正当理由追期不补
            正、行政机关不再处理其政府信  67   3    0    0     1     0    71
            息公开申请
            求缴纳费用、行政机关不再处理      6     0     0     0     0     0     6
            """
        #expect(value(extract(text), "requests", "other.no_correction.total") == 71)
    }

    @Test("parts two tables that share one grid at the row where the second begins")
    func twoTablesInOneGrid() throws {
        let html = """
            <html><body><p>某局2022年政府信息公开工作年度报告</p><p>三、收到和处理政府信息公开申请情况</p><table>
            \(Self.requestRows.map { "<tr><td>" + $0.replacingOccurrences(of: "\t", with: "</td><td>") + "</td></tr>" }.joined())
            <tr><td>行政复议</td><td></td><td></td><td></td><td></td><td>行政诉讼</td></tr>
            <tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
            <tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
            </table></body></html>
            """
        let extraction = reconstructor.extract(from: TestDocuments.document(html, path: "t.html"))
        #expect(value(extraction, "review", "reconsideration.upheld") == 1)
        #expect(value(extraction, "requests", "new.total") == 3)
    }
}

/// Variants of a format that publishers print, described as template data.
@Suite("Template variants")
struct TemplateVariantTests {
    let reconstructor = Reconstructor(library: (try? TemplateLibrary.builtIn()) ?? TemplateLibrary(templates: []))

    func cells(_ text: String, _ table: String) -> [String: ExtractedCell] {
        let extraction = reconstructor.extract(from: TestDocuments.document(text))
        let cells = extraction.tables.first { $0.id == table }?.cells ?? []
        return Dictionary(cells.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static let collapsed = """
        某局2022年政府信息公开工作年度报告
        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5
        二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0
        （一）予以公开\t3\t0\t0\t0\t0\t0\t3
        （二）部分公开\t0\t0\t0\t0\t0\t0\t0
        （六）其他处理\t2\t0\t0\t0\t0\t0\t2
        （七）总计\t5\t0\t0\t0\t0\t0\t5
        四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0
        """

    @Test("reads （六）其他处理 printed as one row into other.other, its unprinted sub-rows null and said so")
    func collapsedGroup() {
        let requests = cells(Self.collapsed, "requests")
        #expect(requests["other.other.total"]?.value == 2)
        #expect(requests["other.no_correction.total"]?.value == nil)
        #expect(requests["other.no_correction.total"]?.rule == .notPrinted)
        #expect(requests["other.no_fee.natural"]?.rule == .notPrinted)
        // The total still balances with the unprinted rows counting nothing.
        #expect((requests["total.total"]?.confidence ?? 0) >= 0.9)
    }

    @Test("says a row is missing, not unprinted, when a row with values was left unread")
    func unreadRowIsMissing() {
        let text = Self.collapsed.replacingOccurrences(of: "（二）部分公开", with: "（二）甲乙丙丁戊己")
        let requests = cells(text, "requests")
        #expect(requests["partial.total"]?.rule == .missing)
        #expect(requests["other.no_fee.total"]?.rule == .missing)
    }

    @Test("says a sub-row is missing, not unprinted, when its label stands wrapped over lines and its values were lost")
    func wrappedLabelIsPrinted() {
        let wrapped = "（六）其他处理\n1.申请人无\n正当理由逾\n期不补正、\n行政机关不\n再处理其政\n府信息公开\n申请\n3.其他\t2\t0\t0\t0\t0\t0\t2"
        let text = Self.collapsed.replacingOccurrences(of: "（六）其他处理\t2\t0\t0\t0\t0\t0\t2", with: wrapped)
        let requests = cells(text, "requests")
        #expect(requests["other.other.total"]?.value == 2)
        #expect(requests["other.no_correction.total"]?.rule == .missing)
    }

    @Test("says a sub-row is missing, not unprinted, when its wrapped label has an OCR'd glyph and the group label's pieces between its lines")
    func damagedWrappedLabelIsPrinted() {
        let wrapped = "（六）其他 | 2.申请人逾期未按收费通\n处理 知要求缴纳费用、行政机\n天不再处理其政府信息公\n开申请\n3.其他\t2\t0\t0\t0\t0\t0\t2"
        let text = Self.collapsed.replacingOccurrences(of: "（六）其他处理\t2\t0\t0\t0\t0\t0\t2", with: wrapped)
        #expect(cells(text, "requests")["other.no_fee.total"]?.rule == .missing)
    }

    @Test("reads a pre-2019 form that prints one value column, and rows in its own order")
    func pre2019Form() {
        let text = """
            某县人民政府2016年政府信息公开工作年度报告
            政府信息公开情况统计表
            统计指标\t单位\t统计数
            （一）主动公开政府信息数\t条\t1200
            1.政府公报公开政府信息数\t条\t20
            2.政府网站公开政府信息数\t条\t1100
            收到申请数\t件\t12
            对申请的答复数\t件\t12
            """
        let statistics = cells(text, "statistics")
        #expect(statistics["active.year"]?.value == 1200)
        #expect(statistics["active.website.year"]?.value == 1100)
        #expect(statistics["active.gazette.year"]?.value == 20)
        #expect(statistics["active.cumulative"]?.rule == .notPrinted)
    }
}

/// Where the input shows nothing, no cell is confident.
@Suite("Confidence where the input shows nothing")
struct NoEvidenceTests {
    let reconstructor = Reconstructor(library: (try? TemplateLibrary.builtIn()) ?? TemplateLibrary(templates: []))

    @Test("does not vouch for zeros read by order when only sums of zeros confirm them")
    func zerosByOrder() throws {
        let rows = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（二）部分公开", "（七）总计",
                    "四、结转下年度继续办理"]
        // Labels in one run, values in another (pdftotext), every value zero.
        let text = "某局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n" + rows.joined(separator: "\n") + "\n"
            + Array(repeating: "0", count: 175).joined(separator: "\n") + "\n四、政府信息公开行政复议、行政诉讼情况\n"
        let extraction = reconstructor.extract(from: TestDocuments.document(text))
        let requests = try #require(extraction.tables.first { $0.id == "requests" })
        #expect(requests.cells.filter { $0.rule == .sequence }.allSatisfy { $0.confidence < 0.9 })
    }
}
