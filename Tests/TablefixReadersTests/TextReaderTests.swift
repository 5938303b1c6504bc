import Testing
@testable import TablefixReaders
import TablefixModel
import TablefixTestSupport

@Suite("TextReader")
struct TextReaderTests {
    let reader = TextReader()

    func grids(_ text: String) -> [Grid] {
        reader.blocks(from: text).compactMap { block in
            if case .table(let grid) = block.content { return grid }
            return nil
        }
    }

    func texts(_ grid: Grid) -> [[String]] {
        grid.rows.map { row in row.filter { !$0.isFiller }.map(\.text) }
    }

    @Test("reads a tab-separated row per line, keeping blank merged cells")
    func tabRows() throws {
        let text = "标题\n\n信息内容\t本年处理决定数量\t\t\n行政许可\t1650\t\t\n行政处罚\t37\t\t\n\n正文。"
        let grid = try #require(grids(text).first)
        #expect(texts(grid) == [["信息内容", "本年处理决定数量", "", ""], ["行政许可", "1650", "", ""], ["行政处罚", "37", "", ""]])
        #expect(grid.rows[1][0].line == 4)
    }

    @Test("reads one cell per line behind a tab, rows split by blank lines, wrapped cells joined")
    func cellPerLine() throws {
        let text = "\t规章\n\t0\n\t0\n\n\t5.要求行政机关确认或重新\n出具已获取信息\n\t0\n\n\t结果\n\n维持\n\t2\n"
        let grid = try #require(grids(text).first)
        #expect(texts(grid) == [["规章", "0", "0"], ["5.要求行政机关确认或重新出具已获取信息", "0"], ["结果维持", "2"]])
    }

    @Test("reads columns aligned with runs of spaces")
    func spaceAligned() throws {
        let text = "说明文字。\n规章            0        0        0\n行政规范性文件    3        1        12\n"
        let grid = try #require(grids(text).first)
        #expect(texts(grid) == [["规章", "0", "0", "0"], ["行政规范性文件", "3", "1", "12"]])
    }

    @Test("puts a blank where a row laid out by character columns prints nothing under a fuller row's column, its cells bare or printing their units (268件)",
          arguments: zip([
              "说明文字。\n      行政许可        127      3        11520\n      其他对外管理      90                1736\n",
              "说明文字。\n      行政许可        127件     3件       11520件\n      其他对外管理      90件               1736件\n",
          ], [
              [["行政许可", "127", "3", "11520"], ["其他对外管理", "90", "", "1736"]],
              [["行政许可", "127件", "3件", "11520件"], ["其他对外管理", "90件", "", "1736件"]],
          ]))
    func blanksByCharacterColumns(text: String, expected: [[String]]) throws {
        let grid = try #require(grids(text).first)
        #expect(texts(grid) == expected)
        #expect(grid.rows[1][2].isBlankByPosition)
    }

    @Test("starts another table at a line of column headings after rows of values, its blanks placed under its own headings")
    func headingsAfterRowsStartATable() throws {
        // inscriptis of lanling's blank-for-zero page, its review section's heading left out.
        let lines = [
            "      （七）总计                               34                              1   1  2  38",
            "      四、结转下年度继续办理                                                             1     1 ",
            "      ",
            "",
            "      行政复议  行政诉讼",
            "      结果维持  结果纠正  其他结果  尚未审结  总计  未经复议直接起诉  复议后起诉",
            "      结果维持  结果纠正  其他结果  尚未审结  总计  结果维持      结果纠正   其他结果  尚未审结  总计",
            "      1     1     1           3   2                      1     3   1  1      2",
            "      ",
        ]
        let tables = grids("说明文字。\n" + lines.joined(separator: "\n") + "\n")
        #expect(tables.count == 2)
        let review = try #require(tables.last)
        #expect(texts(review).last == ["1", "1", "1", "", "3", "2", "", "", "1", "3", "1", "1", "", "", "2"])
    }

    @Test("puts a blank by display columns where the renderer padded Chinese labels of other lengths by width")
    func blanksByDisplayColumns() throws {
        // pandoc's plain table: 行政许可 takes 8 columns, 其他对外管理服务事项 20; the values line up by width.
        let text = "说明文字。\n  行政许可               127              3                11520\n"
            + "  其他对外管理服务事项   90                                1736\n"
        let grid = try #require(grids(text).first)
        #expect(texts(grid)[1] == ["其他对外管理服务事项", "90", "", "1736"])
        #expect(grid.rows[1][2].isBlankByPosition)
    }

    @Test("puts blanks by the columns the rows share where no row prints every column (blank for zero)")
    func blanksByColumnsRowsShare() throws {
        let text = "说明文字。\n      一、本年新收            215   7    1        19  246\n"
            + "      二、上年结转                  1                 1\n      （七）总计             215   8         2   18  248\n"
        let grid = try #require(grids(text).first)
        #expect(texts(grid)[0] == ["一、本年新收", "215", "7", "1", "", "19", "246"])
        #expect(texts(grid)[1] == ["二、上年结转", "", "1", "", "", "", "1"])
        #expect(grid.rows[1][1].isBlankByPosition)
    }

    @Test("puts no blank by the columns the rows share when a cell of one reaches over another's column")
    func blanksByColumnsRowsShareNeedAGrid() throws {
        let text = "说明文字。\n      一、本年新收            215        1        19  246\n"
            + "      二、上年结转                  1                 1\n"
            + "      （七）总计（其中包括结转下年度的申请）               2   18  248\n"
        let grid = try #require(grids(text).first)
        #expect(texts(grid)[1] == ["二、上年结转", "1", "1"])
    }

    @Test("places blanks by display columns in a table whose rows line up by width, not by the characters' count")
    func blanksByColumnsRowsShareByWidth() throws {
        // pandoc's plain table: by characters, 90 and 1736 stand where no other row has a cell.
        let text = "说明文字。\n  行政许可               127              3                11520\n"
            + "  其他对外管理服务事项   90                                1736\n"
            + "  行政处罚               3414                              4245\n"
            + "  行政强制               130              -3               291\n"
        let grid = try #require(grids(text).first)
        #expect(texts(grid)[1] == ["其他对外管理服务事项", "90", "", "1736"])
        #expect(texts(grid)[2] == ["行政处罚", "3414", "", "4245"])
    }

    @Test("keeps a table laid out in columns whole across a row of labels only (every value blank)")
    func rowOfLabelsStaysInTheTable() throws {
        let text = "说明文字。\n      （二）部分公开（区分处理的，只计这一情形，不计其他情形）  6      1      7\n"
            + "      （三）不予公开                       1.属于国家秘密\n"
            + "      2.其他法律行政法规禁止公开                2      2\n"
        let grid = try #require(grids(text).first)
        #expect(grid.rows.count == 3)
    }

    @Test("keeps a table whole across many rows of labels padded to the rows' width (inscriptis, every value blank)")
    func paddedRowsOfLabelsStayInTheTable() throws {
        let pad = { (text: String, width: Int) in text + String(repeating: " ", count: width - text.unicodeScalars.count) }
        let rows = ["      一、本年新收     34   1  1  37", "      二、上年结转          1  1   2", "      （二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                    "      （三）不予公开", "      2.其他法律行政止公开", "      3.危及“三安全一稳定”", "      4.保护第三方合法权益",
                    "      6.属于四类过程性信息 2         2"]
        let width = rows.map(\.unicodeScalars.count).max()! + 2
        let grid = try #require(grids("说明文字。\n" + rows.map { pad($0, width) }.joined(separator: "\n") + "\n").first)
        #expect(grid.rows.count == 8)
    }

    @Test("ends a table at rows of labels not padded to the rows' width when there are more than a few")
    func unpaddedRowsOfLabelsEndTheTable() throws {
        let rows = ["      一、本年新收     34   1  1  37", "      二、上年结转          1  1   2", "      （三）不予公开",
                    "      2.其他法律行政止公开", "      3.危及“三安全一稳定”", "      4.保护第三方合法权益",
                    "      6.属于四类过程性信息 2         2"]
        let grid = try #require(grids("说明文字。\n" + rows.joined(separator: "\n") + "\n").first)
        #expect(grid.rows.count == 2)
    }

    @Test("puts blanks under the column headings over a lone row whose values start where headings do")
    func blanksUnderColumnHeadings() throws {
        let text = "说明文字。\n      信息内容       本年制发件数         本年废止件数  现行有效件数\n      规章          \n"
            + "      行政规范性文件    1                      9     \n      行政许可       6205         \n"
        let grid = try #require(grids(text).first)
        #expect(texts(grid)[0] == ["行政规范性文件", "1", "", "9"])
        #expect(grid.rows[0][2].isBlankByPosition)
    }

    @Test("puts blanks under the column headings over a row of values only, each value centred under its heading")
    func blanksUnderHeadingsOfCentredValues() throws {
        // inscriptis centres a cell in its column (align="center"); the row has no label.
        let text = "说明文字。\n      一、本年新收    3    1    4\n      二、上年结转    1    1    2\n"
            + "      结果维持  结果纠正  其他结果  尚未审结  总计\n       4     1     1          6\n"
        let grid = try #require(grids(text).first)
        #expect(texts(grid)[3] == ["4", "1", "1", "", "6"])
        #expect(grid.rows[3][3].isBlankByPosition)
    }

    @Test("places blanks by the columns of a table whose every cell is padded to its column, a column no row prints in included")
    func blanksByPaddedColumns() throws {
        // inscriptis: values centred, 科研 empty in every row (no width, two more spaces).
        let text = "说明文字。\n\n一、本年新收   12       1   13\n二、上年结转       2        2 \n"
            + "（七）总计   100  2    1  103\n\n\n正文。\n"
        let grid = try #require(grids(text).first)
        #expect(texts(grid) == [["一、本年新收", "12", "", "", "1", "13"], ["二、上年结转", "", "2", "", "", "2"],
                                ["（七）总计", "100", "2", "", "1", "103"]])
        #expect(grid.rows[1][1].isBlankByPosition)
    }

    @Test("reads a lone row of values under its headings as a table when the lines are padded to their columns, its leading blanks kept")
    func loneRowOfValuesInPaddedColumns() throws {
        // inscriptis: the review table's one row, blank for zero.
        let text = "四、政府信息公开行政复议、行政诉讼情况\n\n结果维持  结果纠正  其他结果  尚未审结  总计\n"
            + "             1          1 \n\n\n五、存在的主要问题及改进情况\n"
        let grid = try #require(grids(text).first)
        #expect(texts(grid) == [["", "", "1", "", "1"]])
        #expect(grid.rows[0][0].isBlankByPosition)
    }

    @Test("counts the columns empty in every row past the last one a row prints in from how far the longest line reaches")
    func emptyColumnsPastTheLastPrintedOne() throws {
        // inscriptis: eight cells, the fourth, fifth, seventh and eighth empty in every row.
        let text = "四、政府信息公开行政复议、行政诉讼情况\n\n结果维持  结果纠正  其他结果\n 5           5        1    \n\n\n"
            + "五、存在的主要问题及改进情况\n"
        let grid = try #require(grids(text).first)
        #expect(texts(grid) == [["5", "", "5", "", "", "1", "", ""]])
    }

    @Test("finds no padded columns in lines that do not end where a column does")
    func unpaddedLinesHaveNoPaddedColumns() {
        let padded: [Substring] = ["一、本年新收   12       1   13", "二、上年结转       2        2 ", "（七）总计   100  2    1  103"]
        #expect(TextReader.PaddedColumns(block: padded[...])?.columns.count == 6)
        let trimmed = padded.map { Substring($0.trimmingSpaces) }
        #expect(TextReader.PaddedColumns(block: trimmed[...]) == nil)
    }

    @Test("takes a column no row prints a number in from the headings over the table when the others line up")
    func latticeColumnFromHeadings() throws {
        // 科研 heads a column every row leaves blank.
        let text = "说明文字。\n      信息内容          自然人   商业    科研    社会    总计\n"
            + "      一、本年新收        34    1           1     36\n"
            + "      二、上年结转                          1     1\n"
            + "      （七）总计         34    1           2     37\n"
        let grid = try #require(grids(text).first)
        #expect(texts(grid)[1] == ["二、上年结转", "", "", "", "1", "1"])
    }

    @Test("takes columns from rows with a second label cell, off the grid, to place a short row's blanks")
    func latticeColumnsFromRowsWithTwoLabels() throws {
        // Only the row with two label cells prints a number at 32, the others' 科研 column.
        let text = "说明文字。\n      一、本年新收        20    2           1     23\n"
            + "      三、办理结果    予以公开      6     1           1     8\n"
            + "      （六）其他处理       2                       2\n"
            + "      2.重复申请                          1     1\n"
            + "      （七）总计         22    2           2     26\n"
        let grid = try #require(grids(text).first)
        #expect(texts(grid)[3] == ["2.重复申请", "", "", "", "1", "1"])
    }

    @Test("places the blanks of a row with a second label cell by the columns the table's rows share")
    func latticeBlanksOfARowWithTwoLabels() throws {
        // Rows with two label cells put their values one column right of the others'.
        let text = "说明文字。\n      一、本年新收        20    2           1     23\n"
            + "      二、上年结转                          1     1\n"
            + "      三、办理结果    予以公开      6     1           1     8\n"
            + "      （六）其他处理       2                       2\n"
            + "      （五）不予处理   信访举报      2           1           3\n"
            + "      （七）总计         22    2           2     26\n"
        let grid = try #require(grids(text).first)
        #expect(texts(grid)[1] == ["二、上年结转", "", "", "", "1", "1"])
        #expect(texts(grid)[2] == ["三、办理结果", "予以公开", "6", "1", "", "1", "8"])
    }

    @Test("keeps a short row as read when one of its values lines up with no column of the fuller rows")
    func blanksNeedAlignedValues() throws {
        let text = "说明文字。\n      行政许可        127      3        11520\n      其他对外管理      90             1736\n"
        let grid = try #require(grids(text).first)
        #expect(texts(grid)[1] == ["其他对外管理", "90", "1736"])
    }

    @Test("puts no blank under a column the short row's label reaches into (an OCR's digit glued to it)")
    func noBlankUnderALabelsTail() throws {
        let text = "说明文字。\n一、本年新收   2   1   0   3\n二、上年结转申请 工   0       1\n"
        let grid = try #require(grids(text).first)
        #expect(!grid.rows[1].contains { $0.isBlankByPosition })
    }

    @Test("puts no blank under a fuller row's second label piece")
    func noBlankUnderALabel() throws {
        let text = "说明文字。\n      办理结果    予以公开    3   0   3\n      本年新收申请          6   0   6\n"
        let grid = try #require(grids(text).first)
        #expect(texts(grid)[1] == ["本年新收申请", "6", "0", "6"])
    }

    @Test("reads OCR rows of a label and numbers separated by single spaces, with label fragments between")
    func ocrRows() throws {
        let text = "一、本年新收政府信息公开申请数量 45 3 0 0 1 0 49\n二、上年结转政府\n信息公开申请数量 2 0 0 0 0 0 2\n"
        let grid = try #require(grids(text).first)
        #expect(texts(grid) == [
            ["一、本年新收政府信息公开申请数量", "45", "3", "0", "0", "1", "0", "49"], ["二、上年结转政府"],
            ["信息公开申请数量", "2", "0", "0", "0", "0", "0", "2"],
        ])
    }

    @Test("keeps where each cell of a space-aligned line starts in it, in characters")
    func spaceAlignedOffsets() throws {
        let text = "说明文字。\n(七) 总计    16   2         1\n四、结转下年度继续办理  1   1\n"
        let grid = try #require(grids(text).first)
        #expect(grid.rows[0].map(\.offset) == [0, 10, 15, 25])
        #expect(grid.rows[1].filter { !$0.isFiller }.map(\.offset) == [0, 13, 17])
    }

    @Test("keeps running text with a number out of tables")
    func proseIsNotATable() {
        let text = "本年度通过网站主动公开发布各类信息 253条,微信公众号发布信息 225篇。\n一、总体情况\n"
        #expect(grids(text).isEmpty)
    }

    @Test("tells headings from paragraphs and keeps image placeholders with their names")
    func headingsAndImages() {
        let blocks = reader.blocks(from: "一、总体情况\n（1） 认真做好主动公开。卫健局紧密切合工作实际。\n[image: 表二]\n")
        #expect(blocks.count == 3)
        #expect(blocks[0].isHeading)
        #expect(!blocks[1].isHeading)
        #expect(blocks[2].content == .image(name: "表二"))
        #expect(blocks[2].lines == 3...3)
    }

    @Test("numbers lines as the input does, across CRLF line ends")
    func lineNumbers() {
        let blocks = reader.blocks(from: "甲\r\n\r\n乙\r\n")
        #expect(blocks.map(\.lines) == [1...1, 3...3])
    }
}

@Suite("TextReader image placeholders")
struct ImagePlaceholderTests {
    @Test("takes pandoc's [] and [name], markdown and reStructuredText images and HTML pictures for image placeholders", arguments: [
        ("[]", ""), ("[image: 表二]", "表二"), ("![表三](media/image1.png)", "表三"), ("[表三]", "表三"),
        ("<img src=\"media/image1.png\" style=\"width:6.25in\" />", ""), ("<img src=\"a.png\" alt=\"表二\">", "表二"),
        ("<img", ""), ("![表三](data:image/png;base64,iVBO \"表三\"){#表三", "表三"), (".. image:: data:image/png;base64,iVBO", ""),
    ])
    func placeholders(line: String, name: String) {
        let blocks = TextReader().blocks(from: line + "\n")
        #expect(blocks.first?.content == .image(name: name))
    }

    @Test("keeps a reference number in brackets as text", arguments: ["[1]", "[12]"])
    func referenceNumber(line: String) {
        let blocks = TextReader().blocks(from: line + "\n")
        #expect(blocks.first?.content != .image(name: String(line.dropFirst().dropLast())))
    }
}

@Suite("TextReader framed tables")
struct FramedTableTests {
    func grid(_ text: String) -> Grid? {
        TextReader().blocks(from: text).compactMap { block -> Grid? in
            if case .table(let grid) = block.content { return grid }
            return nil
        }.first
    }

    @Test("reads a table drawn with box-drawing characters, cells wrapped over lines joined")
    func boxDrawing() throws {
        let text = """
            ┌──────────┬────────┐
            │ 信息内容 │ 本年制 │
            │          │ 发件数 │
            ├──────────┼────────┤
            │   规章   │   3    │
            └──────────┴────────┘
            """
        let table = try #require(grid(text))
        #expect(table.rows.map { $0.map(\.text) } == [["信息内容", "本年制发件数"], ["规章", "3"]])
        #expect(table.rows[1][1].line == 5)
    }

    @Test("reads a grid table ruled with +, cells wrapped over lines joined, as reStructuredText writes it")
    func gridTable() throws {
        let text = """
              +-------+------+
              | 信息  | 本年 |
              | 内容  | 制发 |
              +-------+------+
              | 规章  | 3    |
              +-------+------+
            """
        let table = try #require(grid(text))
        #expect(table.rows.map { $0.map(\.text) } == [["信息内容", "本年制发"], ["规章", "3"]])
    }

    @Test("reads a markdown pipe table, its rule line left out")
    func markdown() throws {
        let text = "| 信息内容 | 本年处理决定数量 |\n|---|---|\n| 行政许可 | 1,375 |\n| 行政处罚 | 46 |\n"
        let table = try #require(grid(text))
        #expect(table.rows.map { $0.map(\.text) } == [["信息内容", "本年处理决定数量"], ["行政许可", "1,375"], ["行政处罚", "46"]])
    }

    @Test("keeps a sentence with a vertical bar in it out of tables")
    func barInProse() {
        #expect(grid("本年度共受理申请 3 件 | 办结 3 件。\n") == nil)
    }
}

@Suite("TextReader pipe tables as converters write them")
struct PipeTableTests {
    func dump(_ text: String) -> String {
        BlockDump.dump(TextReader().blocks(from: text))
    }

    @Test("joins a row html2text wrapped after a bar (its rows end with two spaces) to the line after it")
    func barePipeRowWrappedAfterABar() {
        let text = "申请人情况| 自然人| 法人| 总计  \n---|---|---|---  \n一、本年新收政府信息公开申请数量|\n12| 2| 14  \n"
            + "二、上年结转政府信息公开申请数量| —| —| —  \n\n正文。\n"
        #expect(dump(text) == """
            table 1-5: 0 spans []
              申请人情况 | 自然人 | 法人 | 总计
              一、本年新收政府信息公开申请数量 | 12 | 2 | 14
              二、上年结转政府信息公开申请数量 | — | — | —
            paragraph 7: 正文。
            """)
    }

    @Test("joins a table's last row html2text wrapped after a bar to its last value on a line without a bar")
    func barePipeLastRowWrappedAfterABar() {
        let text = "申请人情况| 自然人| 法人| 总计  \n---|---|---|---  \n一、本年新收政府信息公开申请数量| 1| 2| 3  \n"
            + "四、结转下年度继续办理| 0| 0|\n0  \n\n正文。\n"
        #expect(dump(text).contains("四、结转下年度继续办理 | 0 | 0 | 0\n"))
    }

    @Test("keeps a bare pipe row ending in a bar a row of its own where no row ends with two spaces")
    func barePipeRowEndingInABarWithoutLineBreaks() {
        let text = "申请人情况| 自然人| 总计\n---|---|---\n一、本年新收政府信息公开申请数量| 12|\n二、上年结转政府信息公开申请数量| 1| 1\n\n正文。\n"
        #expect(dump(text).contains("一、本年新收政府信息公开申请数量 | 12 | \n"))
    }

    @Test("reads html2text's pipe rows without outer bars, keeping an empty cell in its column")
    func barePipeRows() {
        let text = "信息内容| 本年制发件数| 本年废止件数\n---|---|---\n规章| 3|  \n行政规范性文件| 5| 2\n\n正文。\n"
        #expect(dump(text) == """
            table 1-4: 0 spans []
              信息内容 | 本年制发件数 | 本年废止件数
              规章 | 3 | 
              行政规范性文件 | 5 | 2
            paragraph 6: 正文。
            """)
    }

    @Test("puts back as empty cells the cells a merge covered that a converter dropped, so a short row keeps its columns")
    func droppedCoveredCells() {
        let text = """
            | 三、本年度办理结果 | （一）予以公开 | 7 | 1 | 8 |
            | --- | --- | --- | --- | --- |
            | （二）部分公开 | 1 |  | 1 |
            | 2.其他法律行政法规禁止公开 |  | 2 | 2 |
            """
        #expect(dump(text) == """
            table 1-4: 0 spans []
              三、本年度办理结果 | （一）予以公开 | 7 | 1 | 8
               | （二）部分公开 | 1 |  | 1
               | 2.其他法律行政法规禁止公开 |  | 2 | 2
            """)
    }

    @Test("leaves a short row with fewer values than a full row (a merged value cell) as it is")
    func mergedValueStays() {
        let text = "| 规章 | 0 | 0 | 0 |\n| --- | --- | --- | --- |\n| 行政许可 | 196 |\n"
        #expect(dump(text).hasSuffix("  行政许可 | 196 | · | ·"))
    }

    @Test("drops the empty header row markitdown writes for a table without one")
    func emptyHeaderRow() {
        let text = "|  |  |\n| --- | --- |\n| 规章 | 0 |\n| 行政许可 | 196 |\n"
        #expect(dump(text) == """
            table 1-4: 0 spans []
              规章 | 0
              行政许可 | 196
            """)
    }

    @Test("reads markdown tables markitdown ran together on one line (a layout table's cell), the text between as paragraphs")
    func flattenedTables() {
        let prose = String(repeating: "本年度政府信息公开工作有序推进。", count: 12)
        let line = "| \(prose)  二、主动公开政府信息情况  |  |  |  | | --- | --- | --- | | 信息内容 | 本年制发件数 | 本年废止件数 |"
            + " | 规章 | 0 | 0 | | 行政许可 | 196 | | | 行政处罚 | 7 | |  三、收到和处理政府信息公开申请情况  |"
        #expect(dump(line) == """
            paragraph 1: \(prose)
            heading 1: 二、主动公开政府信息情况
            table 1: 0 spans []
              信息内容 | 本年制发件数 | 本年废止件数
              规章 | 0 | 0
              行政许可 | 196 | 
              行政处罚 | 7 | 
            heading 1: 三、收到和处理政府信息公开申请情况
            """)
    }

    @Test("reads an HTML table left in markdown (pandoc's gfm) as the HTML reader does, merges expanded, then the pipe table after it")
    func rawHTMLTable() {
        let text = """
            二、主动公开政府信息情况

            <table width="100%"
            data-border="1">
            <tr><td colspan="2"><p>第二十条第（一）项</p></td></tr>
            <tr><td><p>信息内容</p></td><td><p>本年新</p><p>制作数量</p></td></tr>
            <tr><td>规章</td><td>3</td></tr>
            </table>

            | 行政许可 | 196 |
            |:---:|:---:|
            | 行政处罚 | 7 |
            """
        #expect(dump(text) == """
            heading 1: 二、主动公开政府信息情况
            table 3-8: 1 spans [0,0 1x2]
              第二十条第（一）项 | ^第二十条第（一）项
              信息内容 | 本年新⏎制作数量
              规章 | 3
            table 10-12: 0 spans []
              行政许可 | 196
              行政处罚 | 7
            """)
    }

    @Test("reads the content of a one-column grid table (pandoc's frame around an article) as the text it frames")
    func layoutFrame() {
        let text = """
            +--------------------------------------+
            | 二、主动公开政府信息情况             |
            |                                      |
            |   信息内容     本年制发件数          |
            |   规章         3                     |
            |   行政规范性文件   5                 |
            +--------------------------------------+
            """
        #expect(dump(text) == """
            heading 2: 二、主动公开政府信息情况
            paragraph 4:   信息内容     本年制发件数
            table 5-6: 0 spans []
              规章 | 3
              行政规范性文件 | 5
            """)
    }

    @Test("puts back together the lines of a table wider than its frame, which pandoc wraps in two")
    func wrappedTableInFrame() {
        let text = """
            +--------------------+
            | +--------+-        |
            | -------+--+        |
            | | 规章   |         |
            |   3      |4 |      |
            | +--------+-        |
            | -------+--+        |
            | | 行政许           |
            | 可       |5 |6 |    |
            | +--------+-        |
            | -------+--+        |
            +--------------------+
            """
        #expect(dump(text) == """
            table 2-10: 0 spans []
              规章 | 3 | 4
              行政许可 | 5 | 6
            """)
    }

    @Test("reads markdownify's one cell per line behind bars, a no-break-space cell kept, a cell's second paragraph joined to it")
    func barLineCells() {
        let text = "| --- |\n| 信息内容\n\n | 本年新\n\n制作数量\n\n |\n| 规章\n\n | \u{A0}\n\n |\n| 行政许可\n\n | 12\n\n |\n\n正文。\n"
        #expect(dump(text) == """
            table 1-18: 0 spans []
              信息内容 | 本年新制作数量
              规章 | \u{A0}
              行政许可 | 12
            paragraph 20: 正文。
            """)
    }

    @Test("keeps html2text's rows of one cell (a sub-table's heading, no bar) in its bare pipe table")
    func barePipeOneCellRows() {
        let text = "第二十条第（一）项  \n---  \n信息内容| 本年制发件数  \n规章| 3  \n第二十条第（五）项  \n信息内容| 本年处理决定数量  \n行政许可| 196  \n\n正文。\n"
        #expect(dump(text) == """
            table 1-7: 0 spans []
              第二十条第（一）项 | ·
              信息内容 | 本年制发件数
              规章 | 3
              第二十条第（五）项 | ·
              信息内容 | 本年处理决定数量
              行政许可 | 196
            paragraph 9: 正文。
            """)
    }

    @Test("cuts lines at every line end as a split by characters does",
          arguments: ["a\nb", "a\r\nb\rc", "\n\n", "", "规章\r\n\r\n", "x\u{301}\ny", "\r"])
    func lineEnds(text: String) {
        let bySplit = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        #expect(TextReader.splitLines(text) == bySplit)
    }

    @Test("space runs are cut by scalars exactly where they are cut by characters")
    func spaceRunsByScalarsMatchCharacters() {
        let lines = [
            "本年新收  12　3 4  ", "  收到申请数  5", "a b  c\u{3000}d", "   ", "", "x  ", "法人或其他组织 １２  — ",
            "e\u{301}  5", " \u{301} 7  8", "申请\u{3000}\u{3000}3  4",
        ]
        for line in lines {
            #expect(TextReader.splitOnSpaceRuns(line) == TextReader.splitOnSpaceRunsByCharacter(line), "\(line)")
        }
    }

    @Test("words between spaces are cut by scalars exactly where they are cut by characters")
    func wordsByScalarsMatchCharacters() {
        let lines = ["本年新收 12\u{3000}3\u{A0}4 ", "收到申请数  5", "a b", "   ", "", "e\u{301} 5", "法人 １２ —"]
        for line in lines {
            #expect(TextReader.wordsBetweenSpaces(line) == line.split(whereSeparator: { $0.isWhitespace }).map(String.init))
        }
    }
}
