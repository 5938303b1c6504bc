import Foundation
import Testing
import Tablefix
import TablefixModel
@testable import TablefixReaders
import TablefixTestSupport

/// Where the reader tests keep their fixtures (made by Tools/fixtures/make_docx_fixtures.py).
enum ReaderFixtures {
    static let folder = Fixtures.root.appendingPathComponent("Tests/TablefixReadersTests/Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }
}

@Suite("DOCXReader")
struct DOCXReaderTests {
    func read(_ name: String) throws -> Document {
        try DOCXReader().document(from: try ReaderFixtures.bytes(name), path: name)
    }

    func grids(_ document: Document) -> [Grid] {
        document.blocks.compactMap { block in
            if case .table(let grid) = block.content { return grid }
            return nil
        }
    }

    @Test("keeps the title the core properties declare (dc:title), out of the text")
    func declaredTitle() throws {
        let core = """
            <?xml version="1.0" encoding="UTF-8"?><cp:coreProperties \
            xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>某人</dc:creator>\
            <dc:title> 平潭综合实验区2012年  政府信息公开工作年度报告</dc:title></cp:coreProperties>
            """
        #expect(try DOCXRelationships.declaredTitle(in: Array(core.utf8), part: "docProps/core.xml")
            == "平潭综合实验区2012年 政府信息公开工作年度报告")
        let real = "Samples/real/variants/pingtan-zone-2012/pingtan-zone-2012.docx"
        let document = try DOCXReader().document(
            from: [UInt8](try Data(contentsOf: Fixtures.root.appendingPathComponent(real))), path: real)
        #expect(document.declaredTitle == "平潭综合实验区2012年政府信息公开工作年度报告")
        #expect(try read("headings.docx").declaredTitle == nil)
    }

    @Test("renders Word list numbers as Word shows them: 一、（一）1. per list and level, bullets as nothing")
    func listNumbers() throws {
        let document = try read("numbered-lists.docx")
        #expect(
            document.blocks.map(\.text) == [
                "一、总体情况", "（一）主动公开", "1.规章制度", "2.规范性文件", "（二）依申请公开", "二、主动公开政府信息情况",
                "（一）主动公开", "导航条目", "五、另一列表", "三、收到和处理政府信息公开申请情况", "甲．天干编号", "乙．天干编号",
            ])
        #expect(document.blocks.filter(\.isHeading).map(\.text).contains("（二）依申请公开"))
    }

    @Test("formats counters in Word's number formats")
    func numberFormats() {
        #expect(DOCXNumbering.format(12, as: "chineseCounting") == "十二")
        #expect(DOCXNumbering.format(20, as: "chineseCountingThousand") == "二十")
        #expect(DOCXNumbering.format(3, as: "ideographTraditional") == "丙")
        #expect(DOCXNumbering.format(3, as: "decimalEnclosedCircle") == "③")
        #expect(DOCXNumbering.format(28, as: "lowerLetter") == "bb")
        #expect(DOCXNumbering.format(14, as: "upperRoman") == "XIV")
        #expect(DOCXNumbering.format(7, as: "decimalZero") == "07")
        #expect(DOCXNumbering.format(7, as: "somethingNew") == "7")
    }

    @Test("tells headings by style name (heading 1 under any style id), outline level and list number")
    func headings() throws {
        let document = try read("headings.docx")
        #expect(document.blocks.map(\.isHeading) == [true, true, true, false])
        #expect(DOCXStyles.isHeadingName("标题 2"))
        #expect(!DOCXStyles.isHeadingName("heading 12"))
    }

    @Test("expands w:gridSpan and w:vMerge, copying the text into every covered slot")
    func mergedCells() throws {
        let grid = try #require(grids(try read("merged-cells.docx")).first)
        #expect(
            BlockDump.dump(Block(.table(grid), lines: 2...2)) == """
                table 2: 3 spans [0,0 2x1; 0,1 1x2; 3,1 1x2]
                  信息内容 | 本年处理决定数量 | ^本年处理决定数量
                  ^信息内容 | 上年 | 本年
                  行政许可 | 1650 | 1700
                  行政处罚 | 37 | ^37
                  · | 合计 | 1736
                """)
    }

    @Test("names pictures from wp:docPr descr, else its name, and VML pictures from o:title")
    func drawingNames() throws {
        let images = try read("drawings.docx").blocks.compactMap { block -> String? in
            if case .image(let name) = block.content { return name }
            return nil
        }
        #expect(images == ["表三", "图片 2", "图片 3", "表四"])
    }

    @Test("a picture inside a paragraph splits the paragraph around its placeholder")
    func pictureInParagraph() throws {
        let document = try read("drawings.docx")
        #expect(
            document.blocks.map(BlockDump.dump).suffix(4) == [
                "paragraph 4: 见下图：", "image 4: 图片 3", "paragraph 4: （单位：件）", "image 5: 表四",
            ])
    }

    @Test("reads a text box once, where it stands, not its VML fallback too")
    func textBoxes() throws {
        #expect(try read("text-boxes.docx").blocks.map(\.text) == ["正文开头", "文本框中的说明", "正文结尾"])
    }

    @Test("leaves out headers, footers, comments, footnotes, deleted and hidden text; keeps insertions")
    func otherPartsExcluded() throws {
        let text = try read("headers-footers.docx").text
        #expect(text == "正文插入的文字\n第二段\t制表符后\n换行后")
        for absent in ["页眉", "页脚", "批注", "脚注", "删除", "隐藏"] { #expect(!text.contains(absent)) }
    }

    @Test("numbers blocks by paragraph ordinal, which stands for the line")
    func paragraphOrdinals() throws {
        let document = try read("headers-footers.docx")
        #expect(document.blocks.map(\.lines) == [1...1, 2...2, 2...2])
    }

    @Test("a table inside a cell is a table of its own, after the table that holds it")
    func nestedTables() throws {
        let document = try read("nested-tables.docx")
        #expect(
            BlockDump.dump(document.blocks) == """
                table 1-4: 0 spans []
                  外层 | 单元格
                table 3: 0 spans []
                  内层
                """)
    }

    @Test("the document reader hands a zip package to the DOCX reader")
    func documentReaderDispatch() throws {
        let document = try DocumentReader().document(from: try ReaderFixtures.bytes("headings.docx"), path: "h.docx")
        #expect(document.source == Source(path: "h.docx", format: .docx, encoding: "utf-8"))
    }

    /// The LibreOffice renderings of the fixture reports, when Samples/fixtures holds them.
    static let officeFiles: [String] = {
        let folder = Fixtures.root.appendingPathComponent("Samples/fixtures/variants")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        return names.flatMap { name in
            ["docx", "html", "gb.html"].map { "Samples/fixtures/variants/\(name)/\(name).\($0)" }
        }.filter { FileManager.default.fileExists(atPath: Fixtures.root.appendingPathComponent($0).path) }
    }()

    @Test(
        "finds every canonical cell and table status in LibreOffice DOCX files and their HTML sources",
        arguments: officeFiles)
    func officeFixtures(file: String) throws {
        let url = Fixtures.root.appendingPathComponent(file)
        let name = url.lastPathComponent.split(separator: ".").first.map(String.init) ?? ""
        // Fixtures.gold(for:) looks in the sample's folder: Samples/fixtures/gold/NAME.json.
        let gold = try Fixtures.gold(for: Fixtures.root.appendingPathComponent("Samples/fixtures/\(name).html"))
        let repair = try Repairer().repair(path: url.path)
        let output = try JSONSerialization.jsonObject(with: Data(repair.jsonText.utf8)) as? [String: Any] ?? [:]
        let comparison = GoldComparison(output: output, gold: gold)
        #expect(comparison.cells > 0)
        #expect(comparison.rightCells == comparison.cells, "\(comparison.errors.prefix(5))")
        #expect(comparison.rightStatuses == comparison.statuses, "\(comparison.errors.prefix(5))")
    }
}
