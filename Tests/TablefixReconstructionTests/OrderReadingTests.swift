import Testing
@testable import TablefixReconstruction
import TablefixModel
import TablefixTestSupport

/// Reading a table by the order of its values, as plain pdftotext leaves ruled tables:
/// labels scattered, numbers one per line and in order.
@Suite("Reading by order")
struct OrderReadingTests {
    let reconstructor = Reconstructor(library: (try? TemplateLibrary.builtIn()) ?? TemplateLibrary(templates: []))

    static let title = "某县人民政府2022年政府信息公开工作年度报告\n（国办公开办函〔2021〕30号）\n"

    /// The six applicant columns of each outcome row; totals follow from them.
    static let outcomes: [(key: String, label: String, values: [Double])] = [
        ("granted", "（一）予以公开", [20, 1, 0, 0, 2, 0]),
        ("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [3, 0, 0, 0, 1, 0]),
        ("denied.secret", "1.属于国家秘密", [0, 0, 0, 0, 0, 0]),
        ("denied.law", "2.其他法律行政法规禁止公开", [2, 0, 0, 0, 0, 0]),
        ("denied.safety", "3.危及“三安全一稳定”", [1, 0, 0, 0, 0, 0]),
        ("denied.third_party", "4.保护第三方合法权益", [4, 1, 0, 0, 0, 0]),
        ("denied.internal", "5.属于三类内部事务信息", [0, 0, 0, 0, 0, 0]),
        ("denied.process", "6.属于四类过程性信息", [2, 0, 0, 1, 0, 0]),
        ("denied.enforcement", "7.属于行政执法案卷", [1, 0, 0, 0, 0, 0]),
        ("denied.inquiry", "8.属于行政查询事项", [0, 0, 0, 0, 0, 0]),
        ("unable.not_held", "1.本机关不掌握相关政府信息", [12, 2, 0, 0, 1, 1]),
        ("unable.must_create", "2.没有现成信息需要另行制作", [3, 0, 0, 0, 0, 0]),
        ("unable.unclear", "3.补正后申请内容仍不明确", [1, 0, 0, 0, 0, 0]),
        ("rejected.petition", "1.信访举报投诉类申请", [2, 0, 0, 0, 0, 1]),
        ("rejected.repeat", "2.重复申请", [5, 0, 0, 0, 0, 0]),
        ("rejected.publication", "3.要求提供公开出版物", [0, 0, 0, 0, 0, 0]),
        ("rejected.mass", "4.无正当理由大量反复申请", [1, 0, 0, 0, 0, 0]),
        ("rejected.confirm", "5.要求行政机关确认或重新出具已获取信息", [0, 0, 0, 0, 0, 0]),
        ("other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [2, 0, 0, 0, 0, 0]),
        ("other.no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [0, 0, 0, 0, 0, 0]),
        ("other.other", "3.其他", [1, 0, 0, 0, 0, 0]),
    ]

    /// Every row of the requests table with its seven values, in template order.
    static var rows: [(key: String, label: String, values: [Double])] {
        func withTotal(_ values: [Double]) -> [Double] { values + [values.reduce(0, +)] }
        let total = (0..<6).map { column in outcomes.map { $0.values[column] }.reduce(0, +) }
        let carriedIn: [Double] = [2, 1, 0, 0, 0, 0], carriedOut: [Double] = [3, 0, 0, 0, 1, 0]
        let new = (0..<6).map { total[$0] + carriedOut[$0] - carriedIn[$0] }
        return [("new", "一、本年新收政府信息公开申请数量", withTotal(new)),
                ("carried_in", "二、上年结转政府信息公开申请数量", withTotal(carriedIn))]
            + outcomes.map { ($0.key, $0.label, withTotal($0.values)) }
            + [("total", "（七）总计", withTotal(total)), ("carried_out", "四、结转下年度继续办理", withTotal(carriedOut))]
    }

    static func number(_ value: Double) -> String { String(Int(value)) }

    func requests(_ lines: [String]) -> ExtractedTable? {
        let text = Self.title + (["三、收到和处理政府信息公开申请情况"] + lines + ["四、政府信息公开行政复议、行政诉讼情况"])
            .joined(separator: "\n")
        return reconstructor.extract(from: TestDocuments.document(text)).tables.first { $0.id == "requests" }
    }

    func values(_ table: ExtractedTable?, row: String) -> [Double?] {
        (table?.cells ?? []).filter { $0.key.hasPrefix(row + ".") }.map(\.value)
    }

    /// Every row's values one per line in order, every label gathered after them all.
    static var labelsAfterNumbers: [String] {
        rows.flatMap { $0.values.map(number) } + rows.map(\.label)
    }

    @Test("reads every row by order when all labels come after all the numbers, trusting what two relations confirm")
    func labelsAfterAllNumbers() {
        let table = requests(Self.labelsAfterNumbers)
        for row in Self.rows { #expect(values(table, row: row.key) == row.values, "\(row.key)") }
        let granted = table?.cells.first { $0.key == "granted.natural" }
        #expect(granted?.rule == .sequence)
        #expect((granted?.confidence ?? 0) >= 0.9)
    }

    @Test("takes a number printed alone beside a label as that row's first value, wherever the label stands")
    func valueBesideLabel() {
        // 2. prints its first value beside its label, after all the numbers; the rest of
        // its values stand in order among the others'.
        var lines: [String] = []
        for row in Self.rows {
            lines += (row.key == "denied.law" ? Array(row.values.dropFirst()) : row.values).map(Self.number)
        }
        lines += Self.rows.map { $0.key == "denied.law" ? $0.label + " " + Self.number($0.values[0]) : $0.label }
        let table = requests(lines)
        for row in Self.rows { #expect(values(table, row: row.key) == row.values, "\(row.key)") }
    }

    @Test("reads a group that printed each row's first value before the rest of each, as its arithmetic shows")
    func firstValuesBeforeTheRest() {
        let group = ["unable.not_held", "unable.must_create", "unable.unclear"]
        var lines: [String] = []
        for row in Self.rows where !group.contains(row.key) {
            if row.key == "rejected.petition" {
                let members = Self.rows.filter { group.contains($0.key) }
                lines += members.map { Self.number($0.values[0]) }
                lines += members.flatMap { $0.values.dropFirst().map(Self.number) }
            }
            lines += row.values.map(Self.number)
        }
        lines += Self.rows.map(\.label)
        let table = requests(lines)
        #expect(values(table, row: "unable.not_held") == [12, 2, 0, 0, 1, 1, 16])
        #expect(values(table, row: "unable.must_create") == [3, 0, 0, 0, 0, 0, 3])
        #expect(values(table, row: "rejected.petition") == [2, 0, 0, 0, 0, 1, 3])
    }

    @Test("puts back in place a row printed in another order, as pdftotext interleaves the header with the first row")
    func rowInAnotherOrder() {
        let new = Self.rows[0].values
        let shuffled = [new[0], new[1], new[2], new[3], new[6], new[4], new[5]]
        let lines = shuffled.map(Self.number) + Self.labelsAfterNumbers.dropFirst(7)
        let table = requests(Array(lines))
        #expect(values(table, row: "new") == new)
        let total = table?.cells.first { $0.key == "new.total" }
        #expect(total?.why?.contains("another order") == true)
        #expect((total?.confidence ?? 1) < 0.9)
    }

    @Test("sets aside another table's values that spilled in before the table's own")
    func spilledValuesBefore() {
        let table = requests(["采购项目数量", "采购总金额", "73", "3909.13"] + Self.labelsAfterNumbers)
        #expect(values(table, row: "new") == Self.rows[0].values)
        #expect(values(table, row: "carried_out") == Self.rows[Self.rows.count - 1].values)
    }

    @Test("reads by order when the order agrees with every row its labels placed and no relation can judge it")
    func orderAgreeingWithLabels() {
        let text = Self.title + """
            二、主动公开政府信息情况
            第二十条第（一）项
            信息内容
            本年制发件数
            本年废止件数
            现行有效件数
            规章
            0
            0
            0
            行政规范性文件
            1
            1
            8
            42
            行政许可
            第二十条第（六）项
            行政处罚
            869
            行政强制
            11
            行政事业性收费
            /
            三、收到和处理政府信息公开申请情况
            """
        let active = reconstructor.extract(from: TestDocuments.document(text)).tables.first { $0.id == "active" }
        #expect(values(active, row: "licensing") == [42])
        let licensing = active?.cells.first { $0.key == "licensing.decisions" }
        #expect((licensing?.confidence ?? 1) < 0.9)
    }

    @Test("leaves the labels' reading alone when there are more values than cells to deal")
    func tooManyValues() {
        let extra = (0..<20).map(String.init)
        let table = requests(Self.labelsAfterNumbers + extra)
        #expect(table?.cells.contains { $0.rule == .sequence } != true)
    }
}

/// Layouts of WPS-made PDFs as plain pdftotext reads them.
@Suite("Reading by order: page layouts")
struct PageLayoutOrderTests {
    let reconstructor = Reconstructor(library: (try? TemplateLibrary.builtIn()) ?? TemplateLibrary(templates: []))

    func table(_ id: String, _ lines: [String]) -> ExtractedTable? {
        let text = OrderReadingTests.title + lines.joined(separator: "\n")
        return reconstructor.extract(from: TestDocuments.document(text)).tables.first { $0.id == id }
    }

    @Test("reads a block of rows a page printed column by column")
    func columnByColumn() throws {
        let rows = OrderReadingTests.rows
        // Rows 3-11 (予以公开 … 8.属于行政查询事项) printed column by column, the rest row by row.
        let block = 2..<11
        var values: [Double] = rows[..<block.lowerBound].flatMap(\.values)
        for column in 0..<7 { values += block.map { rows[$0].values[column] } }
        values += rows[block.upperBound...].flatMap(\.values)
        let lines = ["三、收到和处理政府信息公开申请情况"] + rows.map(\.label) + values.map(OrderReadingTests.number)
            + ["四、政府信息公开行政复议、行政诉讼情况"]
        let requests = try #require(table("requests", lines))
        for row in rows {
            #expect(requests.cells.filter { $0.key.hasPrefix(row.key + ".") }.map(\.value) == row.values, "\(row.key)")
        }
        #expect(requests.cells.contains { $0.evidence?.placement == .order(.byColumn) })
    }

    @Test("deals the values of a table whose form leaves its optional rows out")
    func optionalRowsLeftOut() throws {
        let rows = OrderReadingTests.rows.filter { $0.key != "other.no_correction" && $0.key != "other.no_fee" }
        let lines = ["三、收到和处理政府信息公开申请情况"] + rows.map(\.label) + rows.flatMap(\.values).map(OrderReadingTests.number)
            + ["四、政府信息公开行政复议、行政诉讼情况"]
        let requests = try #require(table("requests", lines))
        #expect(requests.cells.first { $0.key == "other.no_fee.natural" }?.rule == .notPrinted)
        #expect(requests.cells.first { $0.key == "granted.natural" }?.value == 20)
    }

    @Test("puts a one-row table's groups back together when they were printed interleaved, and flags which group is which when the arithmetic cannot tell")
    func interleavedGroups() throws {
        let lines = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
                     "72", "64", "178", "37", "12", "1", "1", "6", "351", "13", "4", "8", "1", "26", "20",
                     "五、存在的主要问题及改进情况"]
        let review = try #require(table("review", lines))
        #expect(review.cells.prefix(5).map(\.value) == [72, 64, 178, 37, 351])
        let groups = Set([Array(review.cells[5..<10].map(\.value)), Array(review.cells[10..<15].map(\.value))])
        #expect(groups == [[13, 4, 8, 1, 26], [12, 1, 1, 6, 20]])
        #expect(review.cells[5...].allSatisfy { $0.confidence < 0.9 })
    }
}
