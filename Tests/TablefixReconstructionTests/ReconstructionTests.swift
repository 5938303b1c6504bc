import Foundation
import Testing
@testable import TablefixReconstruction
import TablefixModel
import TablefixTestSupport

@Suite("Reconstruction")
struct ReconstructionTests {
    let reconstructor = Reconstructor(library: (try? TemplateLibrary.builtIn()) ?? TemplateLibrary(templates: []))

    static let requests2021 = """
        某市人民政府办公室2022年政府信息公开工作年度报告
        二、主动公开政府信息情况
        信息内容\t本年制发件数\t本年废止件数\t现行有效件数
        规章\t2\t0\t15
        行政规范性文件\t12\t3\t88
        信息内容\t本年处理决定数量
        行政许可\t1,375
        行政处罚\t46
        行政强制\t—
        信息内容\t本年收费金额（单位：万元）
        行政事业性收费\t12.35
        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量\t45\t3\t0\t0\t1\t0\t49
        二、上年结转政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2
        三、本年度办理结果\t（一）予以公开\t20\t1\t0\t0\t0\t0\t21
        （二）部分公开\t5\t0\t0\t0\t0\t0\t5
        （三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0
        （七）总计\t\t
        四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1
        """

    @Test("reads labelled rows, thousands separators, dashes and decimals")
    func activeTable() throws {
        let extraction = reconstructor.extract(from: TestDocuments.document(Self.requests2021))
        #expect(extraction.template == "gov-disclosure-2021")
        #expect(extraction.year == 2022)
        #expect(extraction.body == "某市人民政府办公室")
        let active = try #require(extraction.tables.first { $0.id == "active" })
        let values = Dictionary(uniqueKeysWithValues: active.cells.map { ($0.key, $0.value) })
        #expect(values["rules.in_force"] == 15)
        #expect(values["licensing.decisions"] == 1375)
        #expect(values["coercion.decisions"] == .some(nil))
        #expect(values["fees.amount"] == 12.35)
    }

    @Test("evaluates the arithmetic and infers a missing total without writing it into value")
    func inference() throws {
        let extraction = reconstructor.extract(from: TestDocuments.document(Self.requests2021))
        let requests = try #require(extraction.tables.first { $0.id == "requests" })
        let total = try #require(requests.cells.first { $0.key == "total.natural" })
        #expect(total.value == nil)
        #expect(total.inferred == 46)
        #expect(total.confidence < 0.9)
        let newRow = requests.checks.first { $0.rule == "total = natural + commercial + research + social + legal + other" && $0.column == "new" }
        #expect(newRow?.ok == true)
    }

    @Test("lowers the confidence of every cell in a relation that fails, keeping the printed values")
    func failedCheck() throws {
        let text = Self.requests2021.replacingOccurrences(of: "二、上年结转政府信息公开申请数量\t2\t0", with: "二、上年结转政府信息公开申请数量\t9\t0")
        let extraction = reconstructor.extract(from: TestDocuments.document(text))
        let requests = try #require(extraction.tables.first { $0.id == "requests" })
        let cell = try #require(requests.cells.first { $0.key == "carried_in.natural" })
        #expect(cell.value == 9)
        #expect(cell.confidence <= 0.5)
        #expect(requests.checks.contains { $0.ok == false })
    }

    @Test("says image when an image placeholder, or nothing at all, stands under a table's heading")
    func imageStatus() throws {
        let text = "某局2023年政府信息公开工作年度报告\n（国办公开办函〔2021〕30号）\n二、主动公开政府信息情况\n[image: 表一]\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议、行政诉讼。\n五、存在的主要问题及改进情况\n"
        let extraction = reconstructor.extract(from: TestDocuments.document(text))
        #expect(extraction.tables.map(\.status) == [.image, .image, .absent])
    }

    @Test("says image when a grid an OCR read without any text stands under a table's heading (a picture of it on a scanned page); an empty grid of markup is no picture")
    func unreadGridIsImage() throws {
        let text = "某局2023年政府信息公开工作年度报告\n（国办公开办函〔2021〕30号）\n二、主动公开政府信息情况\n[image: 表一]\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议、行政诉讼。\n"
        func status(ocrConfidence: Double?) throws -> ExtractedTable.Status? {
            var document = TestDocuments.document(text)
            let heading = try #require(document.blocks.firstIndex { $0.text.hasPrefix("三、") })
            let row = Array(repeating: Cell("", line: 6, ocrConfidence: ocrConfidence), count: 9)
            document.blocks.insert(Block(.table(Grid(rows: Array(repeating: row, count: 12))), lines: 6...6), at: heading + 1)
            return reconstructor.extract(from: document).tables.first { $0.id == "requests" }?.status
        }
        #expect(try status(ocrConfidence: 0.99) == .image)
        #expect(try status(ocrConfidence: nil) == .absent)
    }

    @Test("says image when only a picture's alt text, as a text browser prints it, stands under the heading")
    func altTextIsImage() throws {
        let text = "某局2023年政府信息公开工作年度报告\n（国办公开办函〔2021〕30号）\n三、收到和处理政府信息公开申请情况\n表三\n四、政府信息公开行政复议、行政诉讼情况\n"
        let extraction = reconstructor.extract(from: TestDocuments.document(text))
        #expect(extraction.tables.first { $0.id == "requests" }?.status == .image)
    }

    @Test("gives no template and no tables to a report that prints none of a template's tables, however it is titled")
    func noTablesNoTemplate() throws {
        let text = "某局2023年政府信息公开工作年度报告\n（国办公开办函〔2021〕30号）\n一、总体情况\n正文。\n二、主动公开政府信息情况\n本年制发规范性文件3件。\n"
        let extraction = reconstructor.extract(from: TestDocuments.document(text))
        #expect(extraction.template == nil)
        #expect(extraction.tables.isEmpty)
        #expect(extraction.year == 2023)
    }

    @Test("says absent when one of the template's tables has no heading and no rows anywhere")
    func absentStatus() throws {
        let text = "某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n规章\t0\t0\t1\n行政规范性文件\t2\t0\t5\n行政许可\t12\n五、存在的主要问题\n正文。\n"
        let extraction = reconstructor.extract(from: TestDocuments.document(text))
        #expect(extraction.tables.map(\.status) == [.present, .absent, .absent])
    }

    static let reviewHeadingsOnly = requests2021 + """

        四、政府信息公开行政复议、行政诉讼情况
        行政复议  行政诉讼
        结果维持  结果纠正  其他结果  尚未审结  总计  未经复议直接起诉  复议后起诉
        五、存在的主要问题及改进情况
        """

    @Test("says present, every cell not found, when a table's own headings are printed without a row of values")
    func printedHeadingsWithoutValues() throws {
        let extraction = reconstructor.extract(from: TestDocuments.document(Self.reviewHeadingsOnly))
        let review = try #require(extraction.tables.first { $0.id == "review" })
        #expect(review.status == .present)
        #expect(review.cells.count == 15)
        #expect(review.cells.allSatisfy { $0.value == nil && $0.confidence < 0.5 && $0.rule == .missing })
    }

    @Test("keeps the other tables' confidence when a table is printed without a row of values")
    func printedHeadingsLeaveOtherTablesAlone() throws {
        let active = Self.requests2021.components(separatedBy: "三、收到和处理")[0]
        let review = "四、政府信息公开行政复议、行政诉讼情况\n行政复议  行政诉讼\n"
            + "结果维持  结果纠正  其他结果  尚未审结  总计  未经复议直接起诉  复议后起诉\n"
        let alone = reconstructor.extract(from: TestDocuments.document(active))
        let withHeadings = reconstructor.extract(from: TestDocuments.document(active + review))
        #expect(withHeadings.tables.first { $0.id == "review" }?.status == .present)
        let confidences = { (extraction: Extraction) in
            extraction.tables.first { $0.id == "active" }?.cells.map(\.confidence) ?? []
        }
        #expect(!confidences(alone).isEmpty)
        #expect(confidences(withHeadings) == confidences(alone))
    }

    @Test("says absent when only running text under a table's heading names its headings")
    func headingsInRunningTextAreNotATable() throws {
        let text = Self.requests2021 + "\n四、政府信息公开行政复议、行政诉讼情况\n本年度结果维持、结果纠正、尚未审结的案件均为零，未经复议直接起诉的也没有。\n"
        let extraction = reconstructor.extract(from: TestDocuments.document(text))
        #expect(extraction.tables.first { $0.id == "review" }?.status == .absent)
    }

    @Test("tells the 2019 edition by its column headers")
    func edition2019() {
        let text = "某县2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n"
        let extraction = reconstructor.extract(from: TestDocuments.document(text))
        #expect(extraction.template == "gov-disclosure-2019")
        #expect(extraction.templateConfidence > 0.8)
    }

    @Test("gives no template and generic grids for a document of another kind")
    func noTemplate() {
        let extraction = reconstructor.extract(from: TestDocuments.document("销售统计\n产品\t数量\n甲\t3\n乙\t4\n"))
        #expect(extraction.template == nil)
        #expect(extraction.tables.map(\.id) == ["t1"])
        #expect(extraction.tables.first?.grid?.rows.count == 3)
    }
}
