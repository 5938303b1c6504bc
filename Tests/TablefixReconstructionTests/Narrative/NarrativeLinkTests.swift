import Foundation
import TablefixModel
import TablefixTestSupport
import Testing
@testable import TablefixReconstruction

/// The statements of a report's prose linked to its tables: `narrative` checks, and the
/// prose's word in the cells' evidence.
@Suite("Narrative checks")
struct NarrativeLinkTests {
    let reconstructor = Reconstructor(library: (try? TemplateLibrary.builtIn()) ?? TemplateLibrary(templates: []))

    /// A 2022 report whose table 3 prints 49 new requests (`new.total`) or, with
    /// `newRow`, what that row gives; `prose` is its overview's sentence.
    static func report(prose: String, newRow: String = "45\t3\t0\t0\t1\t0\t49") -> String {
        """
        某市人民政府办公室2022年政府信息公开工作年度报告
        一、总体情况
        \(prose)
        三、收到和处理政府信息公开申请情况
        一、本年新收政府信息公开申请数量\t\(newRow)
        二、上年结转政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2
        三、本年度办理结果\t（一）予以公开\t20\t1\t0\t0\t0\t0\t21
        （二）部分公开\t5\t0\t0\t0\t0\t0\t5
        四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1
        """
    }

    func requests(_ text: String, using reconstructor: Reconstructor? = nil) throws -> ExtractedTable {
        let extraction = (reconstructor ?? self.reconstructor).extract(from: TestDocuments.document(text))
        return try #require(extraction.tables.first { $0.id == "requests" })
    }

    func narrative(_ table: ExtractedTable) -> [Check] { table.checks.filter { $0.kind == .narrative } }

    func cell(_ key: String, of table: ExtractedTable) throws -> ExtractedCell {
        try #require(table.cells.first { $0.key == key })
    }

    @Test("a figure the prose states as the table prints it is a holding check with its sentence and line")
    func agreementHolds() throws {
        let table = try requests(Self.report(prose: "2022年，本机关共收到政府信息公开申请49件。"))
        let check = try #require(narrative(table).first)
        #expect(check.rule == "new.total = 49")
        #expect(check.ok == true)
        #expect(check.cells == ["new.total"])
        #expect(check.sentence == "2022年，本机关共收到政府信息公开申请49件。")
        #expect(check.line == 3)
    }

    @Test("agreement never lowers the cell's confidence")
    func agreementNeverLowers() throws {
        let text = Self.report(prose: "2022年，本机关共收到政府信息公开申请49件。")
        var silent = try #require(try? TemplateLibrary.builtIn())
        silent.phrases = nil
        let without = try cell("new.total", of: try requests(text, using: Reconstructor(library: silent)))
        let with = try cell("new.total", of: try requests(text))
        #expect(with.evidence?.prose == .agrees)
        #expect(with.confidence >= without.confidence)
    }

    @Test("a figure the prose states otherwise fails, lowers the cell below 0.9 and quotes the sentence")
    func disagreementLowers() throws {
        let table = try requests(Self.report(prose: "2022年，本机关共收到政府信息公开申请52件。"))
        let check = try #require(narrative(table).first)
        #expect(check.ok == false)
        #expect(check.left == 49)
        #expect(check.right == 52)
        let cell = try cell("new.total", of: table)
        #expect(cell.value == 49)
        #expect(cell.confidence < 0.9)
        #expect(cell.why?.contains("2022年，本机关共收到政府信息公开申请52件。") == true)
    }

    @Test("a negation states zero, and holds against a row of zeros")
    func negationIsZero() throws {
        let table = try requests(
            Self.report(prose: "2022年，本机关未收到政府信息公开申请。", newRow: "0\t0\t0\t0\t0\t0\t0"))
        let check = try #require(narrative(table).first)
        #expect(check.rule == "new.total = 0")
        #expect(check.ok == true)
    }

    @Test("a count in Chinese numerals is checked as its number")
    func chineseNumerals() throws {
        let table = try requests(Self.report(prose: "2022年，本机关共收到政府信息公开申请四十九件。"))
        let check = try #require(narrative(table).first)
        #expect(check.rule == "new.total = 49")
        #expect(check.ok == true)
    }

    @Test(
        "a figure of another year is not linked",
        arguments: ["上年共收到政府信息公开申请52件。", "2021年，本机关共收到政府信息公开申请52件。"])
    func otherYearNotLinked(prose: String) throws {
        let table = try requests(Self.report(prose: prose))
        #expect(narrative(table).isEmpty)
        #expect(try cell("new.total", of: table).evidence?.prose == .silent)
    }

    @Test("one sentence that confirms a cell outweighs another that contradicts it")
    func confirmationWins() throws {
        let table = try requests(
            Self.report(prose: "2022年，本机关共收到政府信息公开申请49件。\n全年共受理政府信息公开申请52件。"))
        #expect(narrative(table).map(\.ok) == [true, false])
        #expect(try cell("new.total", of: table).evidence?.prose == .agrees)
    }

    @Test("a table that is an image gets the figure the prose states as inferred, nothing in value")
    func imageTableInferred() throws {
        let text = """
            某市人民政府办公室2022年政府信息公开工作年度报告
            一、总体情况
            2022年，本机关共收到政府信息公开申请3件。
            三、收到和处理政府信息公开申请情况
            [image: 表三]
            """
        let table = try requests(text)
        #expect(table.status == .image)
        #expect(table.confidence == 0)
        let cell = try cell("new.total", of: table)
        #expect(cell.value == nil)
        #expect(cell.inferred == 3)
        #expect(cell.rule == .narrative)
        #expect(cell.why?.contains("2022年，本机关共收到政府信息公开申请3件。") == true)
        #expect(narrative(table).map(\.ok) == [nil])
    }
}
