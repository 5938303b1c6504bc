import TablefixModel
import TablefixTestSupport
import Testing
@testable import TablefixReconstruction

@Suite("Reading statements")
struct StatementReaderTests {
    func read(_ text: String, template: String? = "gov-disclosure-2021", year: Int? = 2022) -> [Statement] {
        StatementListing.statements(text, template: template, year: year)
    }

    /// The only statement of `text`; records an issue when there is not exactly one.
    func single(_ text: String, template: String? = "gov-disclosure-2021", year: Int? = 2022) -> Statement? {
        let statements = read(text, template: template, year: year)
        #expect(statements.count == 1, "\(StatementListing.listing(statements))")
        return statements.count == 1 ? statements[0] : nil
    }

    // MARK: Numbers

    @Test("reads a count in digits with its unit, sentence and cell")
    func digits() throws {
        let statement = try #require(single("2022年，本机关共收到政府信息公开申请31件。"))
        #expect(statement.figure == "requests.new")
        #expect(statement.value == 31)
        #expect(statement.unit == "件")
        #expect(statement.raw == "31")
        #expect(statement.negation == false)
        #expect(statement.sentence == "2022年，本机关共收到政府信息公开申请31件。")
        #expect(statement.target == StatementTarget(table: "requests", keys: ["new.total"], unit: nil))
        #expect(statement.isLinkable)
    }

    @Test(
        "reads full-width digits and thousands separators",
        arguments: [
            ("共受理政府信息公开申请３１件。", 31.0, "３１"), ("共受理政府信息公开申请3,119件。", 3119, "3,119"),
            ("共受理政府信息公开申请３，１１９件。", 3119, "３，１１９"), ("共受理政府信息公开申请 3119 件。", 3119, "3119"),
        ])
    func printedDigits(text: String, value: Double, raw: String) throws {
        let statement = try #require(single(text))
        #expect(statement.value == value)
        #expect(statement.raw == raw)
    }

    @Test("reads a decimal amount of money with its unit")
    func decimals() throws {
        let statement = try #require(single("全年行政事业性收费金额为12.35万元。"))
        #expect(statement.figure == "active.fees")
        #expect(statement.value == 12.35)
        #expect(statement.unit == "万元")
        #expect(statement.isLinkable)
    }

    @Test(
        "reads counts in Chinese numerals",
        arguments: [
            ("共收到政府信息公开申请二十六件。", 26.0, "二十六"), ("共收到政府信息公开申请十件。", 10, "十"),
            ("共收到政府信息公开申请十五件。", 15, "十五"), ("共收到政府信息公开申请二十件。", 20, "二十"),
            ("共收到政府信息公开申请一百零五件。", 105, "一百零五"), ("共收到政府信息公开申请两件。", 2, "两"),
            ("共收到政府信息公开申请两千三百件。", 2300, "两千三百"),
        ])
    func chineseNumerals(text: String, value: Double, raw: String) throws {
        let statement = try #require(single(text))
        #expect(statement.value == value)
        #expect(statement.raw == raw)
        #expect(statement.isLinkable)
    }

    @Test(
        "does not read numerals inside words: 一是, 进一步, 二十大, 第一",
        arguments: [
            "一是共收到政府信息公开申请。", "进一步规范依申请公开办理，受理政府信息公开申请一是及时。",
            "贯彻党的二十大精神，行政复议二十大。", "收到第一件政府信息公开申请。",
        ])
    func numeralsInWords(text: String) {
        #expect(read(text).isEmpty, "\(StatementListing.listing(read(text)))")
    }

    @Test("does not read a heading's list number as a count")
    func listNumbers() {
        #expect(read("四、政府信息公开行政复议、行政诉讼情况").isEmpty)
        #expect(read("2.政府信息公开行政复议、行政诉讼情况。").isEmpty)
    }

    @Test(
        "does not read a table row that came out as text, spaced or glued",
        arguments: [
            "一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3", "一、本年新收政府信息公开申请数量379003150二、上年结转",
            "行政事业性收费 4 -", "四、结转下年度继续办理 0|0 lololo",
        ])
    func tableRows(text: String) {
        #expect(read(text).isEmpty, "\(StatementListing.listing(read(text)))")
    }

    // MARK: Negations

    @Test(
        "reads a negation as zero, with the phrase as its raw text",
        arguments: [
            ("2022年度，未有公民、法人或其他组织提出政府信息公开申请。", "requests.new", "未有公民、法人或其他组织提出政府信息公开申请"),
            ("本年度未收到依申请公开件。", "requests.new", "未收到依申请公开"),
            ("本年度未发生因政府信息公开被申请行政复议的情况。", "review.reconsideration", "未发生因政府信息公开被申请行政复议"),
            ("本年度没有收取任何信息处理费用。", "information_fee", "没有收取任何信息处理费用"),
        ])
    func negations(text: String, figure: String, raw: String) throws {
        let statement = try #require(single(text))
        #expect(statement.figure == figure)
        #expect(statement.value == 0)
        #expect(statement.negation)
        #expect(statement.raw == raw)
    }

    @Test("reads 均为0 and 均为零 as zero for every figure it follows")
    func distributiveZero() {
        for text in ["本年度因政府信息公开被申请行政复议、提起行政诉讼的数量均为0。", "政府信息公开行政复议、行政诉讼均为零。"] {
            let statements = read(text)
            #expect(statements.map(\.figure) == ["review.reconsideration", "review.lawsuit"], "\(text)")
            #expect(statements.allSatisfy { $0.value == 0 && $0.isLinkable })
        }
    }

    @Test("reads a negation over two figures for each of them")
    func negationOverTwoFigures() {
        let statements = read("本年度未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。")
        #expect(statements.map(\.figure) == ["review.reconsideration", "review.lawsuit"])
        #expect(statements.allSatisfy { $0.negation && $0.value == 0 })
    }

    @Test(
        "reads a negation whose list goes on for each figure it names, and keeps one whose object is another figure's")
    func negationScope() {
        let both = read("本年度未收到政府信息公开申请和行政复议。")
        #expect(both.map(\.figure) == ["requests.new", "review.reconsideration"])
        #expect(both.allSatisfy { $0.negation })
        // 未发生…申请行政复议: the 申请 is the 复议's, not a request for information.
        #expect(read("本年度未发生因政府信息公开被申请行政复议的情况。").map(\.figure) == ["review.reconsideration"])
    }

    @Test("reads a count printed before its phrase only with its unit")
    func numberFirst() throws {
        let statement = try #require(single("本年度共收到3件政府信息公开申请。"))
        #expect(statement.figure == "requests.new")
        #expect(statement.value == 3)
        #expect(read("本年度共收到3政府信息公开申请。").isEmpty)
    }

    // MARK: Qualifiers

    @Test("does not link a figure of another year printed in the sentence")
    func anotherYearPrinted() throws {
        let statement = try #require(single("2021年，本机关共收到政府信息公开申请5件。", year: 2022))
        #expect(statement.qualifiers == [.otherYear("2021年")])
        #expect(!statement.isLinkable)
        #expect(try #require(single("2022年，本机关共收到政府信息公开申请5件。", year: 2022)).isLinkable)
    }

    @Test("does not link a figure said of 上年 or 去年")
    func anotherYearNamed() throws {
        let statement = try #require(single("上年共受理政府信息公开申请5件。"))
        #expect(statement.qualifiers == [.otherYear("上年")])
        #expect(try #require(single("去年收到政府信息公开申请7件。")).qualifiers == [.otherYear("去年")])
    }

    @Test("does not link a count over several years: 累计, 历年, 以来")
    func cumulative() throws {
        #expect(try #require(single("2019年以来累计受理政府信息公开申请300件。")).qualifiers == [.otherYear("2019年")])
        #expect(try #require(single("本机关累计受理政府信息公开申请300件。")).qualifiers == [.otherYear("累计")])
    }

    @Test("links 上年结转: the marker inside the phrase itself does not qualify it")
    func carriedInIsThisYear() throws {
        let statement = try #require(single("上年结转政府信息公开申请2件。"))
        #expect(statement.figure == "requests.carried_in")
        #expect(statement.isLinkable)
    }

    @Test("reads a difference as no figure, and qualifies one that follows a phrase")
    func differences() throws {
        let statements = read("2022年，本机关共收到政府信息公开申请3件，较上年增加3件，按时办结3件。")
        #expect(statements.map(\.figure) == ["requests.new", "requests.total"])
        #expect(statements.allSatisfy { $0.isLinkable })
        let difference = try #require(single("本年收到政府信息公开申请同比增长2件。"))
        #expect(difference.qualifiers == [.comparison("同比")])
    }

    @Test(
        "refuses approximations: 余, 多, 约, 近, 左右",
        arguments: [
            ("共收到政府信息公开申请100余件。", "余"), ("共收到政府信息公开申请100多件。", "多"),
            ("共收到政府信息公开申请约100件。", "约"), ("共收到政府信息公开申请近一百件。", "近"),
            ("共收到政府信息公开申请100件左右。", "左右"), ("主动公开政府信息5500余条。", "余"),
        ])
    func approximations(text: String, marker: String) throws {
        let statement = try #require(single(text))
        #expect(statement.qualifiers == [.approximation(marker)])
        #expect(!statement.isLinkable)
    }

    @Test("qualifies percentages and ranges")
    func percentagesAndRanges() throws {
        #expect(try #require(single("按时办结政府信息公开申请100%。")).qualifiers == [.percentage])
        #expect(try #require(single("共收到政府信息公开申请3-5件。")).qualifiers == [.range])
    }

    @Test("qualifies a sub-count after 其中, but not a breakdown item that names its own row")
    func subCounts() {
        let statements = read("本年共收到政府信息公开申请10件，其中网上收到政府信息公开申请7件；已办结10件，其中予以公开6件。")
        #expect(statements.map(\.figure) == ["requests.new", "requests.new", "requests.total", "requests.granted"])
        #expect(statements.map(\.qualifiers) == [[], [.subcount], [], []])
    }

    // MARK: Units and targets

    @Test("reads no count whose unit the figure does not take")
    func foreignUnits() {
        #expect(read("共收到政府信息公开申请3人。").isEmpty)
        #expect(read("共收到政府信息公开申请3年。").isEmpty)
    }

    @Test("says so when an amount is printed in another unit than its column, and never converts it")
    func unitDiffers() throws {
        let statement = try #require(single("全年行政事业性收费金额为3940元。"))
        #expect(statement.value == 3940)
        #expect(statement.qualifiers == [.unitDiffers(printed: "元", column: "万元")])
        #expect(try #require(single("全年行政事业性收费金额为0元。")).isLinkable)
    }

    @Test("gives the information-processing fee no cell: 行政事业性收费 is another figure")
    func informationFee() throws {
        let statement = try #require(single("全年收取政府信息公开信息处理费3940元。"))
        #expect(statement.figure == "information_fee")
        #expect(statement.target == nil)
    }

    @Test(
        "targets the sum of a group's cells",
        arguments: [
            ("不予公开8件。", "requests.denied", 8), ("无法提供3件。", "requests.unable", 3), ("不予处理5件。", "requests.rejected", 5),
        ])
    func sums(text: String, figure: String, keys: Int) throws {
        let statement = try #require(single("已办结20件，其中" + text))
        #expect(statement.figure == figure)
        #expect(statement.target?.keys.count == keys)
        #expect(statement.target?.keys.allSatisfy { $0.hasSuffix(".total") } == true)
    }

    @Test("targets both kinds of lawsuit for 行政诉讼")
    func lawsuits() throws {
        let statement = try #require(single("因政府信息公开被提起行政诉讼5件。"))
        #expect(statement.target?.keys == ["lawsuit_direct.total", "lawsuit_after.total"])
    }

    @Test("targets the template's own cells: 其他处理 is one row in 2019, three in 2021")
    func targetsPerTemplate() throws {
        let text = "已办结20件，其中其他处理2件。"
        let older = try #require(read(text, template: "gov-disclosure-2019").last)
        let newer = try #require(read(text, template: "gov-disclosure-2021").last)
        #expect(older.target?.keys == ["other.total"])
        #expect(newer.target?.keys == ["other.no_correction.total", "other.no_fee.total", "other.other.total"])
        #expect(try #require(read(text, template: nil).last).target == nil)
    }

    @Test("gives each number to the tightest phrase that reaches it")
    func tightestPhrase() {
        let statements = read("本年收到政府信息公开申请3件、政府信息公开行政复议1件。")
        #expect(statements.map(\.figure) == ["requests.new", "review.reconsideration"])
        #expect(statements.map(\.value) == [3, 1])
    }

    // MARK: Place

    @Test("reads a sentence a line break split, inside one paragraph")
    func splitInsideParagraph() throws {
        let document = Document(
            source: Source(path: "t.txt", format: .text, encoding: "utf-8"),
            blocks: [Block(.paragraph([TextLine("本年共收到政府信息公开申", line: 7), TextLine("请3件。", line: 8)]), lines: 7...8)])
        let statements = StatementReader(phrases: StatementListing.phrases, template: nil, year: nil).statements(
            in: document)
        let statement = try #require(statements.first)
        #expect(statements.count == 1)
        #expect(statement.value == 3)
        #expect(statement.line == 8)
        #expect(statement.range == 13..<14)
    }

    @Test("reads a sentence a line break split into two paragraphs, placed in the second")
    func splitAcrossParagraphs() throws {
        let statement = try #require(single("一、总体情况\n本年共收到政府信息公开申\n请 3 件。其他。"))
        #expect(statement.value == 3)
        #expect(statement.block == 2)
        #expect(statement.line == 3)
        #expect(statement.range == 2..<3)
        #expect(statement.sentence == "本年共收到政府信息公开申请 3 件。")
    }

    @Test("keeps paragraphs apart when the first ends its sentence")
    func paragraphsApart() {
        #expect(read("本年共收到政府信息公开申请。\n3件已办结。").isEmpty)
    }
}
