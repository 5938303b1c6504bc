import Testing
import TablefixModel

@Suite("Grid and Document")
struct GridTests {
    @Test("pads short rows with filler cells so the grid is rectangular")
    func padsRows() {
        let grid = Grid(rows: [[Cell("a", line: 1), Cell("b", line: 1)], [Cell("c", line: 2)]])
        #expect(grid.width == 2)
        #expect(grid.rows[1].count == 2)
        #expect(grid.rows[1][1].isFiller)
        #expect(!grid.rows[0][1].isFiller)
    }

    @Test("prints a table as tab-separated rows")
    func tabSeparated() {
        let grid = Grid(rows: [[Cell("规章", line: 1), Cell("0", line: 1)], [Cell("合计", line: 2), Cell("3", line: 2)]])
        #expect(grid.tabSeparated == "规章\t0\n合计\t3")
    }

    @Test("leaves removed blocks out of the cleaned text and keeps images as placeholders")
    func documentText() {
        let document = Document(
            source: Source(path: "x.txt", format: .text, encoding: "utf-8"),
            blocks: [
                Block(.heading([TextLine("一、总体情况", line: 1)]), lines: 1...1),
                Block(.removed(text: "浏览次数: 3", reason: "web-page clutter"), lines: 2...2),
                Block(.image(name: "表二"), lines: 3...3),
            ])
        #expect(document.text == "一、总体情况\n[image: 表二]")
    }
}
