import Foundation
import Testing
import TablefixModel
@testable import TablefixReaders
import TablefixTestSupport

/// A fixture report's PDF made by LibreOffice, read from its pages' geometry.
enum PDFFixtures {
    static func report(_ name: String, kind: String = "pdf") -> URL {
        Fixtures.root.appendingPathComponent("Samples/fixtures/variants/\(name)/\(name).\(kind)")
    }

    static func document(_ name: String, kind: String = "pdf") throws -> Document {
        try DocumentReader().document(atPath: report(name, kind: kind).path)
    }

    static func grids(_ document: Document) -> [Grid] {
        document.blocks.compactMap { block in
            if case .table(let grid) = block.content { return grid }
            return nil
        }
    }

    /// The grid holding a cell with this text.
    static func grid(containing text: String, in document: Document) -> Grid? {
        grids(document).first { $0.rows.contains { $0.contains { $0.text == text } } }
    }

    static func row(starting label: String, in grid: Grid) -> [String]? {
        grid.rows.first { $0.contains { $0.text == label } }.map { $0.map(\.text) }
    }
}

@Suite("PDFReader")
struct PDFReaderTests {
    @Test("a PDF is told by its %PDF- header, not its name")
    func sniffsPDF() {
        #expect(FormatSniffer.format(of: Array("%PDF-1.7\n%\u{e2}\u{e3}\n1 0 obj".utf8)) == .pdf)
        #expect(FormatSniffer.format(of: Array("\n\n%PDF-1.4\n".utf8)) == .pdf)
        #expect(FormatSniffer.format(of: Array("a report about %PDF files".utf8)) == .text)
        #expect(FormatSniffer.format(of: Array("PDF-1.4 is not a header".utf8)) == .text)
    }

    @Test("the source says pdf and that the text came from the text layer")
    func source() throws {
        let document = try PDFFixtures.document("pingyin-county-2022")
        #expect(document.source.format == .pdf)
        #expect(document.source.encoding == "text-layer")
    }

    @Test("a ruled table's row keeps every cell in its column")
    func ruledRow() throws {
        let document = try PDFFixtures.document("pingyin-county-2022")
        let grid = try #require(PDFFixtures.grid(containing: "一、本年新收政府信息公开申请数量", in: document))
        let row = try #require(PDFFixtures.row(starting: "一、本年新收政府信息公开申请数量", in: grid))
        #expect(row.suffix(7) == ["87", "5", "0", "2", "6", "3", "103"])
    }

    @Test("a table broken across pages is one grid, the row cut by the break finished")
    func tableAcrossPages() throws {
        let document = try PDFFixtures.document("pingyin-county-2022")
        let grid = try #require(PDFFixtures.grid(containing: "一、本年新收政府信息公开申请数量", in: document))
        #expect(PDFFixtures.row(starting: "四、结转下年度继续办理", in: grid) != nil)
        let cut = try #require(PDFFixtures.row(starting: "4.无正当理由大量反复申请", in: grid))
        #expect(cut.suffix(7) == ["0", "0", "0", "0", "1", "0", "1"])
        #expect(!grid.rows.contains { $0.contains { $0.text == "申请" } })
    }

    @Test("a label merged over rows on two pages labels the rows of both")
    func mergedLabelAcrossPages() throws {
        let document = try PDFFixtures.document("pingyin-county-2022")
        let grid = try #require(PDFFixtures.grid(containing: "一、本年新收政府信息公开申请数量", in: document))
        let row = try #require(PDFFixtures.row(starting: "5.要求行政机关确认或重新出具已获取信息", in: grid))
        #expect(row.prefix(2) == ["三、本年度办理结果", "（五）不予处理"])
        let pages = Set(grid.rows.flatMap { $0.compactMap(\.region?.page) })
        #expect(pages == [2, 3, 4])
    }

    @Test("merged cells are expanded and recorded as spans")
    func spans() throws {
        let document = try PDFFixtures.document("pingyin-county-2022")
        let grid = try #require(PDFFixtures.grid(containing: "一、本年新收政府信息公开申请数量", in: document))
        let header = try #require(grid.spans.first { $0.row == 0 && $0.column == 0 })
        #expect(header.columnSpan == 3)
        #expect(grid.rows[0][1].isSpanned)
        #expect(grid.rows[0][0].text == grid.rows[0][1].text)
        #expect(grid.rows.allSatisfy { $0.count == grid.width })
    }

    @Test("lines that wrap one paragraph are one paragraph block, in reading order")
    func paragraphs() throws {
        let document = try PDFFixtures.document("pingyin-county-2022")
        let paragraph = try #require(
            document.blocks.first { $0.text.hasPrefix("本报告内容包括总体情况") }?.textLines)
        #expect(paragraph.count == 3)
        #expect(paragraph.map(\.line) == Array(paragraph[0].line..<(paragraph[0].line + 3)))
        #expect(paragraph.allSatisfy { $0.region?.page == 1 && $0.ocrConfidence == nil })
        let headings = document.blocks.filter(\.isHeading).map(\.text)
        #expect(headings.contains("一、总体情况"))
    }

    @Test("a table drawn without rules comes through as lines of words in row order")
    func unruledTable() throws {
        let document = try PDFFixtures.document("qingzhou-psb-2021")
        let line = try #require(document.blocks.first { $0.text.hasPrefix("一、本年新收政府信息公开申请数量") })
        #expect(line.text.hasSuffix("57 3 0 0 3 1 64"))
    }

    /// A page of words whose characters are `text`, one word per 10 characters.
    private static func page(of text: String) -> PageContent {
        let characters = Array(text)
        let words = stride(from: 0, to: characters.count, by: 10).map { start in
            PageWord(
                text: String(characters[start..<min(start + 10, characters.count)]),
                box: Box(x0: 50, y0: Double(start), x1: 150, y1: Double(start) + 9), size: 9)
        }
        return PageContent(page: 1, width: 595, height: 842, words: words, rules: [])
    }

    @Test("a page whose fonts have no Unicode map is read by OCR")
    func unmappedFontsNeedOCR() {
        let unmapped = String(repeating: "\u{FFFD}", count: 40) + "2022 12 3"
        #expect(PDFReader().needsOCR(Self.page(of: unmapped)))
    }

    @Test("a page with a few unmapped symbols among its text keeps its text layer")
    func fewUnmappedSymbolsKeepTheTextLayer() {
        let text = String(repeating: "本年新收政府信息公开申请数量", count: 3) + "\u{FFFD}\u{E000}"
        #expect(!PDFReader().needsOCR(Self.page(of: text)))
    }

    @Test("a PDF whose fonts have no Unicode map reads its tables by OCR")
    func unmappedFontsReadByOCR() throws {
        let document = try PDFFixtures.document("pingyin-county-2022", kind: "nounicode.pdf")
        #expect(document.source.encoding == "ocr")
        let grid = try #require(PDFFixtures.grid(containing: "一、本年新收政府信息公开申请数量", in: document))
        let row = try #require(PDFFixtures.row(starting: "一、本年新收政府信息公开申请数量", in: grid))
        #expect(row.suffix(7) == ["87", "5", "0", "2", "6", "3", "103"])
    }

    @Test("a scan under another program's invisible OCR text is read by our OCR, not from that text")
    func invisibleTextOverAScanNeedsOCR() {
        var page = Self.page(of: String(repeating: "本年新收政府信息公开申请数量", count: 3))
        page.images = [PageImage(box: Box(x0: 0, y0: 0, x1: 595, y1: 842), pixelWidth: 1654, pixelHeight: 2339)]
        #expect(!PDFReader().needsOCR(page))
        page.textIsInvisible = true
        #expect(PDFReader().needsOCR(page))
    }

    @Test("a page's geometry says whether its text is drawn invisibly", arguments: [
        ("pdf", false), ("ocrlayer.pdf", true),
    ])
    func invisibleText(kind: String, invisible: Bool) throws {
        let bytes = [UInt8](try Data(contentsOf: PDFFixtures.report("pingyin-county-2022", kind: kind)))
        let pdf = try MuPDFDocument(bytes: bytes, context: try MuPDFContext(memoryLimit: 256 << 20))
        #expect(try pdf.page(0, timeLimit: 30).geometry().invisibleText == invisible)
    }

    @Test("a page whose text mostly runs down is turned a quarter back, a few sideways words are not")
    func pageTurn() {
        let shown = Box(x0: 0, y0: 0, x1: 842, y1: 595)
        let down = Array(repeating: (x: 0.0, y: 1.0), count: 8) + [(x: 1.0, y: 0.0)]
        #expect(PageTurn.of(directions: down, shown: shown).quarters == 1)
        #expect(PageTurn.of(directions: Array(down.reversed().prefix(3)) + Array(repeating: (x: 1.0, y: 0.0), count: 5), shown: shown).quarters == 0)
        #expect(PageTurn.of(directions: Array(repeating: (x: 0.0, y: -1.0), count: 3), shown: shown).quarters == 3)
    }

    @Test("turned back upright, a sideways page's first line is at its top left and its size is swapped")
    func uprightPoints() {
        let turn = PageTurn(quarters: 1, shown: Box(x0: 0, y0: 0, x1: 595, y1: 842))
        // Text running down the shown page starts at its top right.
        let start = turn.upright(x: 580, y: 20)
        #expect(start.x == 20 && start.y == 15)
        #expect(turn.width == 842 && turn.height == 595)
        let rule = turn.upright(Rule(direction: .vertical, position: 500, start: 100, end: 700))
        #expect(rule.direction == .horizontal && rule.position == 95 && rule.start == 100 && rule.end == 700)
    }

    @Test("a table printed sideways reads as the upright table", arguments: ["pingyin-county-2022"])
    func sidewaysTable(name: String) throws {
        let document = try PDFFixtures.document(name, kind: "sideways.pdf")
        let grid = try #require(PDFFixtures.grid(containing: "一、本年新收政府信息公开申请数量", in: document))
        let row = try #require(PDFFixtures.row(starting: "一、本年新收政府信息公开申请数量", in: grid))
        #expect(row.suffix(7) == ["87", "5", "0", "2", "6", "3", "103"])
    }

    @Test("a picture is told by its signature, not its name", arguments: [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0], "image/png"), ([0xFF, 0xD8, 0xFF, 0xE0], "image/jpeg"),
        ([0x49, 0x49, 0x2A, 0x00], "image/tiff"), (Array("GIF89a".utf8), "image/gif"), (Array("BMW 报告".utf8), nil),
    ])
    func sniffsPictures(bytes: [UInt8], type: String?) {
        #expect(FormatSniffer.pictureType(of: bytes) == type)
        #expect((FormatSniffer.format(of: bytes) == .image) == (type != nil))
    }

    @Test("a picture is read as one scanned page, its ruled table cell by cell")
    func pictureReadAsPage() throws {
        let document = try PDFFixtures.document("pingyin-county-2022", kind: "table3.png")
        #expect(document.source.format == .image)
        #expect(document.source.encoding == "ocr")
        let rows = PDFFixtures.grids(document).flatMap(\.rows).map { $0.map(\.text) }
        #expect(rows.contains { $0.suffix(7) == ["87", "5", "0", "2", "6", "3", "103"] })
    }

    @Test("a picture cut short is a one-line error naming the file")
    func brokenPicture() {
        let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]
        #expect(throws: ReadError.self) { try DocumentReader().document(from: bytes, path: "cut.png") }
        do {
            _ = try DocumentReader().document(from: bytes, path: "cut.png")
        } catch {
            #expect(error.description.hasPrefix("cut.png: not a readable picture"))
        }
    }

    @Test("a picture too small to hold a table (an icon) is refused, not read")
    func iconRefused() throws {
        let icon = try #require(Data(base64Encoded:
            "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAAAAAA6mKC9AAAAEElEQVR4nGP4DwUMowwoAwAJHcf5bU8XmQAAAABJRU5ErkJggg=="))
        do {
            _ = try DocumentReader().document(from: [UInt8](icon), path: "icon.png")
            Issue.record("an icon was read")
        } catch {
            #expect(error.description == "icon.png: a picture of 16 × 16 pixels, too small to hold a table")
        }
    }
}
