import Testing
@testable import TablefixReaders
import TablefixModel
import TablefixTestSupport

/// Tables written one cell per line: LibreOffice's text export, BeautifulSoup's
/// `get_text("\n")`.
@Suite("TextReader cell-per-line tables")
struct CellLineTableTests {
    func dump(_ lines: [String]) -> String {
        BlockDump.dump(TextReader().blocks(from: lines.joined(separator: "\n") + "\n"))
    }

    @Test("reads an empty line and a no-break-space line as empty cells that keep their column")
    func emptyCellsKeepPositions() {
        let text = ["一、本年新收政府信息公开申请数量", "4", "", "\u{A0}", "1", "5", "二、上年结转政府信息公开申请数量", "1", "", "", "", "1"]
        #expect(dump(text) == """
            table 1-12: 0 spans []
              一、本年新收政府信息公开申请数量 | 4 |  | \u{A0} | 1 | 5
              二、上年结转政府信息公开申请数量 | 1 |  |  |  | 1
            """)
    }

    @Test("reads a publisher's 无 for none as a value cell, not as the label of a row")
    func noneWordIsAValue() {
        let text = ["一、本年新收政府信息公开申请数量", "4", "", "无", "1", "5", "二、上年结转政府信息公开申请数量", "无", "无", "", "1", "1"]
        #expect(dump(text) == """
            table 1-12: 0 spans []
              一、本年新收政府信息公开申请数量 | 4 |  | 无 | 1 | 5
              二、上年结转政府信息公开申请数量 | 无 | 无 |  | 1 | 1
            """)
    }

    @Test("takes a row a publisher left blank (its label and as many empty lines as the row's width) for a row")
    func blankRowBeforeTheFirstNumbers() {
        let text = ["对外公开总数量", "规章", "", "", "", "规范性文件", "13", "13", "80", "第二十条第（五）项"]
        #expect(dump(text) == """
            paragraph 1: 对外公开总数量
            table 2-9: 0 spans []
              规章 |  |  | 
              规范性文件 | 13 | 13 | 80
            paragraph 10: 第二十条第（五）项
            """)
    }

    @Test("gives the empty lines past a row's width to the next row, before its label (cells a merge covers)")
    func leftoverCellsLeadTheNextRow() {
        let text = [
            "（一）予以公开", "7", "", "9", "（二）部分公开", "1", "", "", "", "", "1.属于国家秘密", "", "", "", "2.其他法律行政法规禁止公开", "0", "",
            "0",
        ]
        #expect(dump(text) == """
            table 1-18: 0 spans []
              （一）予以公开 | 7 |  | 9 | · | ·
              （二）部分公开 | 1 |  |  | · | ·
               |  | 1.属于国家秘密 |  |  | 
              2.其他法律行政法规禁止公开 | 0 |  | 0 | · | ·
            """)
    }

    @Test("takes the empty lines BeautifulSoup leaves after every row for separators, not cells")
    func rowSeparatorsAreNotCells() {
        let text = ["一、本年新收政府信息公开申请数量", "15", "\u{A0}", "20", "", "", "二、上年结转政府信息公开申请数量", "1", "\u{A0}", "2", "", ""]
        #expect(dump(text) == """
            table 1-10: 0 spans []
              一、本年新收政府信息公开申请数量 | 15 | \u{A0} | 20
              二、上年结转政府信息公开申请数量 | 1 | \u{A0} | 2
            """)
    }

    @Test("takes an empty line between every two cells (pdftotext) for separators, leaving the lines as they are")
    func alternatingEmptyLinesAreSeparators() {
        let text = ["规章", "", "0", "", "3", "行政规范性文件", "", "4", "", "12", "行政许可", "", "53"]
        #expect(!dump(text).contains("table"))
    }

    @Test("leaves a table without an empty cell as lines")
    func fullTableStaysLines() {
        let text = ["规章", "0", "0", "0", "行政规范性文件", "5", "2", "20"]
        #expect(!dump(text).contains("table"))
    }

    @Test("reads a number with a unit or a note as a value cell, a numbered label as a label")
    func valueCellsWithUnits() {
        #expect(TextReader.isValueCell("6521.37万元"))
        #expect(TextReader.isValueCell("31（其中修订9件）"))
        #expect(TextReader.isValueCell("+3"))
        #expect(TextReader.isValueCell("－３"))
        #expect(TextReader.isValueCell("１,７３６件"))
        #expect(!TextReader.isValueCell("1.属于国家秘密"))
        #expect(!TextReader.isValueCell("2021年"))
    }

    @Test("ends a table at a run of header cells, so tables without a heading between them stay apart")
    func headerCellsSplitTables() {
        let text = [
            "规章", "0", "", "行政规范性文件", "4", "17", "申请人情况", "自然人", "总计", "一、本年新收政府信息公开申请数量", "2", "", "2",
            "二、上年结转政府信息公开申请数量", "1", "", "1",
        ]
        #expect(dump(text) == """
            table 1-6: 0 spans []
              规章 | 0 | 
              行政规范性文件 | 4 | 17
            paragraph 7: 申请人情况
            paragraph 8: 自然人
            paragraph 9: 总计
            table 10-17: 0 spans []
              一、本年新收政府信息公开申请数量 | 2 |  | 2
              二、上年结转政府信息公开申请数量 | 1 |  | 1
            """)
    }

    @Test("ends a table at a section heading")
    func headingEndsTable() {
        let text = ["规章", "0", "", "0", "行政规范性文件", "4", "7", "17", "三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量", "2", "", "2"]
        #expect(dump(text).contains("heading 9: 三、收到和处理政府信息公开申请情况"))
        #expect(dump(text).hasPrefix("table 1-8:"))
    }
    @Test("ends a table at a section heading in traditional characters")
    func traditionalHeadingEndsTable() {
        #expect(TextReader.endsCellTable("四、政府信息公開行政複議、行政訴訟情況"))
        #expect(!TextReader.endsCellTable("行政複議"))
    }

    /// An office export's review table: paragraphs on consecutive lines, a labelled table
    /// whose empty cells are empty lines, then five header cells and two rows of cells under
    /// them, the first left blank.
    func reviewUnderHeader(separated: Bool) -> [String] {
        let prose = ["本年度共收到申请4件，均已按期答复。", "下一步，我们将继续做好政府信息公开工作。"]
        let gap = separated ? [""] : []
        return [prose[0]] + gap + ["规章", "0", "", "0", "规范性文件", "1", "1", "2", "四、政府信息公开行政复议、行政诉讼情况"]
            + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "", "", "", "", "", "", "", "1", "", "1"]
            + ["五、存在的主要问题及改进情况", prose[1]] + gap
    }

    @Test("reads the cells under a header, which have no label, in rows as wide as the header's last labels")
    func cellsUnderHeaderKeepTheirColumns() {
        #expect(dump(reviewUnderHeader(separated: false)).contains("""
            table 11-25: 0 spans []
              结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计
               |  |  |  | 
               |  | 1 |  | 1
            """))
    }

    @Test("reads a run of empty cells under a header, as many as its labels or more, as one row left blank")
    func blankRunUnderHeaderIsOneRow() {
        let lines = ["本年度共收到申请4件，均已按期答复。", "规章", "0", "", "0", "规范性文件", "1", "1", "2",
                     "四、政府信息公开行政复议、行政诉讼情况", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
            + Array(repeating: "", count: 10) + ["五、存在的主要问题及改进情况", "下一步，我们将继续做好政府信息公开工作。"]
        #expect(dump(lines).contains("""
            table 11-25: 0 spans []
              结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | · | · | · | · | ·
               |  |  |  |  |  |  |  |  | 
            """))
    }

    @Test("leaves the cells under a header as lines where empty lines separate paragraphs (an extractor's separators)")
    func separatedParagraphsLeaveCellsUnderHeaderAsLines() {
        #expect(!dump(reviewUnderHeader(separated: true)).contains("table 12-"))
    }
}
