import Foundation
import Testing
import TablefixModel
@testable import TablefixReaders
import TablefixTestSupport

/// Tables that are pictures: read by OCR from a DOCX drawing and from an HTML `<img>` whose
/// file sits beside the page (Tools/fixtures/make_image_tables.py makes the fixtures: the
/// first rows of a fixture report's requests table, drawn by WeasyPrint).
@Suite("Tables in pictures")
struct ImageTableTests {
    static let folder = ReaderFixtures.folder.appendingPathComponent("image-table")

    func table(in document: Document) throws -> Grid {
        try #require(
            document.blocks.compactMap { block -> Grid? in
                if case .table(let grid) = block.content { return grid }
                return nil
            }.first)
    }

    func expectFirstRows(of grid: Grid, named name: String) {
        let rows = grid.rows.map { $0.map(\.text) }
        #expect(rows.contains { $0.suffix(7) == ["87", "5", "0", "2", "6", "3", "103"] })
        #expect(rows.contains { $0.suffix(7) == ["0", "0", "0", "1", "0", "0", "1"] })
        #expect(grid.image == name)
        #expect(grid.rows.flatMap { $0 }.allSatisfy { $0.ocrConfidence != nil })
    }

    @Test("an HTML image whose file sits beside the page is read as the table it shows")
    func htmlImage() throws {
        let path = Self.folder.appendingPathComponent("page.html").path
        let document = try DocumentReader().document(atPath: path)
        let grid = try table(in: document)
        expectFirstRows(of: grid, named: "表三")
        // The picture is one line of the page: every row of its table is on it.
        #expect(Set(grid.rows.flatMap { $0.map(\.line) }).count == 1)
    }

    @Test("a DOCX drawing is read as the table it shows")
    func docxDrawing() throws {
        let path = Self.folder.appendingPathComponent("picture.docx").path
        // python-docx names the drawing as Word does when nobody describes it.
        expectFirstRows(of: try table(in: try DocumentReader().document(atPath: path)), named: "Picture 1")
    }

    @Test("a picture on a PDF page with a text layer is read as the table it shows, placed on its page")
    func pictureOnPage() throws {
        let path = Self.folder.appendingPathComponent("page.pdf").path
        let document = try DocumentReader().document(atPath: path)
        let grid = try table(in: document)
        let rows = grid.rows.map { $0.map(\.text) }
        #expect(rows.contains { $0.suffix(7) == ["87", "5", "0", "2", "6", "3", "103"] })
        #expect(grid.rows.flatMap { $0 }.allSatisfy { $0.ocrConfidence != nil && $0.region?.page == 1 })
        #expect(document.blocks.first?.text == "三、收到和处理政府信息公开申请情况")
        #expect(document.source.encoding == "text-layer")
    }

    /// A table ruled as a frame at `x`, `y` (points).
    static func frame(x: Double, y: Double, width: Double, height: Double) -> RuledTable {
        RuledTable(
            horizontals: [Rule(direction: .horizontal, position: y, start: x, end: x + width),
                          Rule(direction: .horizontal, position: y + height, start: x, end: x + width)],
            verticals: [Rule(direction: .vertical, position: x, start: y, end: y + height),
                        Rule(direction: .vertical, position: x + width, start: y, end: y + height)])
    }

    @Test("a picture is read for its largest table, the topmost of equal ones")
    func largestTable() {
        let small = Self.frame(x: 0, y: 0, width: 10, height: 10)
        let lower = Self.frame(x: 0, y: 100, width: 50, height: 20)
        let upper = Self.frame(x: 60, y: 40, width: 50, height: 20)
        #expect(ImageTableReader.largest(of: [small, lower, upper])?.box == Box(x0: 60, y0: 40, x1: 110, y1: 60))
        #expect(ImageTableReader.largest(of: []) == nil)
    }

    @Test("an image whose file is not at hand stays an image placeholder")
    func missingImage() throws {
        let html = #"<html><body><p><img src="elsewhere/none.png" alt="表三"></p></body></html>"#
        let document = try DocumentReader().document(from: Array(html.utf8), path: Self.folder.appendingPathComponent("x.html").path)
        #expect(document.blocks.map(\.content) == [.image(name: "表三")])
    }

    @Test("an image path that leaves the page's folder is not opened")
    func pathOutsideFolder() {
        #expect(HTMLReader.pictureBytes("../image-table/rows.png", page: Self.folder.appendingPathComponent("x.html").path) == nil)
        #expect(HTMLReader.pictureBytes("/etc/passwd", page: "x.html") == nil)
        #expect(HTMLReader.pictureBytes("http://example.org/a.png", page: "x.html") == nil)
        #expect(HTMLReader.pictureBytes("rows.png", page: Self.folder.appendingPathComponent("x.html").path) != nil)
    }
}
