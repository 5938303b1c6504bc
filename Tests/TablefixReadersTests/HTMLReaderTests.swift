import Foundation
import Testing
import TablefixModel
@testable import TablefixReaders
import TablefixTestSupport

@Suite("HTMLReader")
struct HTMLReaderTests {
    func read(_ body: String, head: String = "<meta charset=\"utf-8\">") throws -> Document {
        let page = "<!DOCTYPE html>\n<html><head>\(head)</head><body>\n\(body)\n</body></html>\n"
        return try HTMLReader().document(from: Array(page.utf8), path: "page.html")
    }

    func grids(_ document: Document) -> [Grid] {
        document.blocks.compactMap { block in
            if case .table(let grid) = block.content { return grid }
            return nil
        }
    }

    /// A grid's rows as text, covered slots marked `^`, fillers `·`.
    func texts(_ grid: Grid) -> [[String]] {
        grid.rows.map { row in row.map { $0.isFiller ? "·" : ($0.isSpanned ? "^" : "") + $0.text } }
    }

    @Test("keeps the page's title, white space collapsed, as the title it declares, out of the text")
    func declaredTitle() throws {
        let head = "<meta charset=\"utf-8\"><title>\n  平潭综合实验区2012年政府信息公开工作年度报告_政府信息公开年报 </title>"
        let document = try read("<p>正文</p>", head: head)
        #expect(document.declaredTitle == "平潭综合实验区2012年政府信息公开工作年度报告_政府信息公开年报")
        #expect(!document.text.contains("年度报告"))
        #expect(try read("<p>正文</p>").declaredTitle == nil)
        #expect(try read("<p>正文</p>", head: "<title> </title>").declaredTitle == nil)
    }

    @Test("pins the block tree of a small report page, with source lines")
    func blockTree() throws {
        let document = try read(
            """
            <h1>某局2023年政府信息公开工作年度报告</h1>
            <p>一、总体情况</p>
            <p>本年度工作平稳。</p>
            <table border="1">
            <tr><td rowspan="2">信息内容</td><td colspan="2">本年处理决定数量</td></tr>
            <tr><td>上年</td><td>本年</td></tr>
            </table>
            <p><img src="/files/table3.png"></p>
            """)
        #expect(
            BlockDump.dump(document.blocks) == """
                heading 3: 某局2023年政府信息公开工作年度报告
                heading 4: 一、总体情况
                paragraph 5: 本年度工作平稳。
                table 6-8: 2 spans [0,0 2x1; 0,1 1x2]
                  信息内容 | 本年处理决定数量 | ^本年处理决定数量
                  ^信息内容 | 上年 | 本年
                image 10: table3.png
                """)
        #expect(document.source == Source(path: "page.html", format: .html, encoding: "utf-8"))
    }

    @Test("expands colspan and rowspan, copying the text into every covered slot")
    func spans() throws {
        let grid = try #require(
            grids(
                try read(
                    """
                    <table><tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>34</td></tr>
                    <tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>1</td></tr>
                    <tr><td>2.其他法律行政法规禁止公开</td><td>0</td></tr></table>
                    """)
            ).first)
        #expect(
            texts(grid) == [
                ["三、本年度办理结果", "（一）予以公开", "^（一）予以公开", "34"],
                ["^三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", "1"],
                ["^三、本年度办理结果", "^（三）不予公开", "2.其他法律行政法规禁止公开", "0"],
            ])
        #expect(
            grid.spans == [
                Span(row: 0, column: 0, rowSpan: 3, columnSpan: 1), Span(row: 0, column: 1, rowSpan: 1, columnSpan: 2),
                Span(row: 1, column: 1, rowSpan: 2, columnSpan: 1),
            ])
    }

    @Test("a slot two cells claim belongs to the first; the second still starts at its own free slot")
    func overlappingSpans() throws {
        let grid = try #require(
            grids(
                try read(
                    """
                    <table><tr><td>a</td><td rowspan="2">b</td></tr>
                    <tr><td colspan="3">c</td></tr></table>
                    """)
            ).first)
        #expect(texts(grid) == [["a", "b", "·"], ["c", "^b", "^c"]])
        #expect(grid.spans.contains(Span(row: 1, column: 0, rowSpan: 1, columnSpan: 3)))
    }

    @Test("caps colspan at 1000, clips rowspan to its row group, and reads rowspan=0 as the rest of the group")
    func overLongSpans() throws {
        let grid = try #require(
            grids(
                try read(
                    """
                    <table><thead><tr><td rowspan="99">h</td><td>x</td></tr><tr><td>y</td></tr></thead>
                    <tbody><tr><td rowspan="0">z</td><td colspan="5000">wide</td></tr><tr><td>1</td></tr><tr><td>2</td></tr></tbody></table>
                    """)
            ).first)
        #expect(grid.width == 1001)
        #expect(grid.rows.count == 5)
        #expect(grid.rows.allSatisfy { $0.count == 1001 })
        #expect(grid.spans.first == Span(row: 0, column: 0, rowSpan: 2, columnSpan: 1))
        #expect(grid.spans.contains(Span(row: 2, column: 0, rowSpan: 3, columnSpan: 1)))
        #expect(grid.rows[4][0].text == "z" && grid.rows[4][0].isSpanned)
        #expect(grid.rows[2][1000].text == "wide")
    }

    @Test("garbage span attributes read as the HTML number rules say")
    func spanAttributes() {
        #expect(HTMLTableLayout.parseSpan(" 3px") == 3)
        #expect(HTMLTableLayout.parseSpan("+2") == 2)
        #expect(HTMLTableLayout.parseSpan("two") == nil)
        #expect(HTMLTableLayout.parseSpan("-1") == nil)
        #expect(HTMLTableLayout.parseSpan("99999999999999999999") == 10_000_000)
    }

    @Test(
        "random spans always give a rectangular grid with every cell placed once", arguments: [UInt64(1), 7, 42, 2024])
    func randomSpansAreRectangular(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        for round in 0..<40 {
            var html = "<table>"
            var cellCount = 0
            var rowCount = 0
            let groups = Int.random(in: 1...3, using: &generator)
            for _ in 0..<groups {
                let tag = ["tbody", "thead", "tfoot", ""].randomElement(using: &generator) ?? ""
                if !tag.isEmpty { html += "<\(tag)>" }
                for _ in 0..<Int.random(in: 0...5, using: &generator) {
                    html += "<tr>"
                    rowCount += 1
                    for _ in 0..<Int.random(in: 0...5, using: &generator) {
                        let rowSpan = ["", "0", "1", "2", "3", "9", "x", "-2"].randomElement(using: &generator) ?? ""
                        let columnSpan = ["", "0", "1", "2", "4", "y"].randomElement(using: &generator) ?? ""
                        html += "<td rowspan=\"\(rowSpan)\" colspan=\"\(columnSpan)\">c\(cellCount)</td>"
                        cellCount += 1
                    }
                    html += "</tr>"
                }
                if !tag.isEmpty { html += "</\(tag)>" }
            }
            html += "</table>"
            let document = try read(html)
            guard let grid = grids(document).first else {
                #expect(cellCount == 0, "seed \(seed) round \(round): no grid for \(html)")
                continue
            }
            let width = grid.width
            #expect(grid.rows.count == rowCount, "seed \(seed) round \(round): \(html)")
            #expect(grid.rows.allSatisfy { $0.count == width }, "seed \(seed) round \(round): \(html)")
            let origins = grid.rows.flatMap { $0 }.filter { !$0.isSpanned && !$0.isFiller }.map(\.text)
            #expect(
                origins.sorted() == (0..<cellCount).map { "c\($0)" }.sorted(), "seed \(seed) round \(round): \(html)")
            for span in grid.spans {
                #expect(span.row + span.rowSpan <= grid.rows.count && span.column + span.columnSpan <= width)
                let origin = grid.rows[span.row][span.column]
                #expect(!origin.isSpanned, "seed \(seed) round \(round): \(html)")
            }
        }
    }

    @Test("a cell holding only &nbsp; is blank")
    func nbspCells() throws {
        let grid = try #require(
            grids(try read("<table><tr><td>&nbsp;</td><td> &nbsp;&#160; </td><td>规章</td></tr></table>")).first)
        #expect(grid.rows[0].map(\.text) == ["", "", "规章"])
    }

    @Test("a cell's paragraphs and line breaks join with line breaks, white space collapsed")
    func cellText() throws {
        let grid = try #require(
            grids(
                try read(
                    "<table><tr><td><p>（二）部分公开</p>\n<p>（区分处理的，只计\n这一情形）</p></td><td>a<br>b  c</td></tr></table>"
                )
            ).first)
        #expect(grid.rows[0].map(\.text) == ["（二）部分公开\n（区分处理的，只计这一情形）", "a\nb c"])
    }

    @Test("a table inside a cell is a table of its own, after the table that holds it")
    func nestedTables() throws {
        let document = try read(
            "<table><tr><td>外层</td><td>单元格<table><tr><td>内层</td><td>1</td></tr></table></td></tr></table>")
        let tables = grids(document)
        #expect(tables.count == 2)
        #expect(tables.first.map(texts) == [["外层", "单元格"]])
        #expect(tables.last.map(texts) == [["内层", "1"]])
    }

    @Test("a table laying out the page is read as running text")
    func layoutTables() throws {
        let document = try read(
            """
            <table width="1000"><tr><td>
            <h1>年度报告</h1><p>一、总体情况</p><p>正文。</p>
            <table border="1"><tr><td>规章</td><td>0</td></tr></table>
            </td></tr></table>
            """)
        #expect(document.blocks.map(\.text) == ["年度报告", "一、总体情况", "正文。", "规章\t0"])
    }

    @Test("an image becomes a placeholder named by its alt, else its file name")
    func images() throws {
        let document = try read(
            """
            <p>见下表：<img alt="表三" src="data:image/png;base64,iVBORw0KGgo="></p>
            <img src="/upload/2024/%E8%A1%A8%E5%9B%9B.jpg?x=1">
            <img src="data:image/png;base64,AAAA">
            """)
        #expect(
            document.blocks.map(BlockDump.dump) == [
                "paragraph 3: 见下表：", "image 3: 表三", "image 4: 表四.jpg", "image 5: ",
            ])
    }

    @Test("scripts, styles, navigation, the page header and footer, and hidden elements are dropped")
    func clutterDropped() throws {
        let document = try read(
            """
            <header><img src="logo.png" alt="网站标志"></header>
            <nav><ul><li>首页</li></ul></nav>
            <div role="navigation">导航</div>
            <script>var x = "<p>脚本</p>";</script><style>p { color: red }</style><noscript>请启用脚本</noscript>
            <article><header><h1>年度报告</h1></header><p>正文</p></article>
            <div style="display: none">隐藏</div><p hidden>也隐藏</p>
            <footer>主办单位：某局</footer>
            """, head: "<meta charset=\"utf-8\"><title>标题_网站</title><script>alert(1)</script>")
        #expect(document.blocks.map(\.text) == ["年度报告", "正文"])
    }

    @Test(
        "an element whose style says display:none or visibility:hidden is dropped, in any case and spacing",
        arguments: [
            "display:none", "COLOR:red; Display : None !important", "visibility:\thidden", "font-family:仿宋;display:none",
        ])
    func hiddenByStyle(style: String) throws {
        let document = try read("<p>正文</p><p style=\"\(style)\">隐藏</p><p style=\"display:block\">可见</p>")
        #expect(document.blocks.map(\.text) == ["正文", "可见"])
    }

    @Test("<br> starts a new line; h1–h6 and short list-numbered lines are headings")
    func linesAndHeadings() throws {
        let document = try read(
            """
            <p>第一行<br>第二行</p>
            <h3>公开情况</h3>
            <p><strong>（一）主动公开</strong></p>
            <p>1.规章</p>
            """)
        #expect(
            document.blocks.map(BlockDump.dump) == [
                "paragraph 3: 第一行", "paragraph 3: 第二行", "heading 4: 公开情况", "heading 5: （一）主动公开",
                "paragraph 6: 1.规章",
            ])
    }

    @Test("collapses white space like a browser: no space where a source line breaks between CJK characters")
    func whiteSpace() throws {
        let document = try read(
            "<p>  本年度\n  通过网站  公开 <b>253</b>\n条 信息，\tsee  <i>the</i>\nweb.  </p><pre>  a\n  b</pre>")
        #expect(document.blocks.map(\.text) == ["本年度通过网站 公开 253 条 信息， see the web.", "  a", "  b"])
    }

    @Test("rows of a tfoot come after the body, as the table model orders them")
    func footerRowsLast() throws {
        let grid = try #require(
            grids(try read("<table><tfoot><tr><td>合计</td></tr></tfoot><tbody><tr><td>行</td></tr></tbody></table>"))
                .first)
        #expect(grid.rows.map { $0.map(\.text) } == [["行"], ["合计"]])
    }

    @Test("rows of the first thead come before the body wherever the markup puts it, as a browser shows them")
    func headerRowsFirst() throws {
        let grid = try #require(
            grids(
                try read(
                    "<table><tbody><tr><td>行</td></tr></tbody><tfoot><tr><td>合计</td></tr></tfoot>"
                        + "<thead><tr><th>表头</th></tr></thead><thead><tr><th>次表头</th></tr></thead></table>")
            ).first)
        #expect(grid.rows.map { $0.map(\.text) } == [["表头"], ["行"], ["次表头"], ["合计"]])
    }

    @Test(
        "reads a page declared GB2312 and served in GB18030, whichever way it declares it",
        arguments: [
            "<meta charset=\"gb2312\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\" />",
            "<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=GBK'>",
        ])
    func legacyEncoding(meta: String) throws {
        let page =
            "<html><head>\(meta)<title>年报</title></head><body><p>山亭区卫健局2021年政府信息公开工作年度报告</p>"
            + "<table><tr><td>行政许可</td><td>1650</td></tr></table></body></html>"
        let bytes = try #require(TextDecoderTestSupport.gb18030(page))
        #expect(HTMLReader.declaredCharset(in: bytes) != nil)
        let document = try HTMLReader().document(from: bytes, path: "gb.html")
        #expect(document.source.encoding == "gb18030")
        #expect(document.text == "山亭区卫健局2021年政府信息公开工作年度报告\n行政许可\t1650")
    }

    @Test("reads a UTF-16 page by its byte-order mark, whatever its meta says")
    func utf16() throws {
        let page = "<html><head><meta charset=\"utf-16\"></head><body><p>政府信息公开</p></body></html>"
        let bytes: [UInt8] = [0xFF, 0xFE] + page.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let document = try HTMLReader().document(from: bytes, path: "utf16.html")
        #expect(document.source.encoding == "utf-16le")
        #expect(document.text == "政府信息公开")
    }

    @Test("sniffs GB18030 when a page declares no charset")
    func sniffedEncoding() throws {
        let bytes = try #require(TextDecoderTestSupport.gb18030("<html><body><p>政府信息公开</p></body></html>"))
        let document = try HTMLReader().document(from: bytes, path: "gb.html")
        #expect(document.source.encoding == "gb18030")
        #expect(document.text == "政府信息公开")
    }

    @Test("the document reader hands HTML to the HTML reader")
    func documentReaderDispatch() throws {
        let document = try DocumentReader().document(
            from: Array("<html><body><p>正文</p></body></html>".utf8), path: "a.htm")
        #expect(document.source.format == .html)
        #expect(document.text == "正文")
    }
}
