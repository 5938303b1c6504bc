import Foundation
import Testing
import TablefixModel
@testable import TablefixReaders
import TablefixTestSupport

/// OCR with geometry on pictures of a fixture page (drawn from its PDF): straightening,
/// ruling lines, and one small crop read cell by cell. OCR is slow; the full scoring of the
/// scans is `Tools/score_pdf`, not a test.
@Suite("PageOCR")
struct PageOCRTests {
    /// Page 3 of the pingyin report: rows of the requests table, ruled.
    func page() throws -> (MuPDFDocument, MuPDFPage) {
        let bytes = [UInt8](try Data(contentsOf: PDFFixtures.report("pingyin-county-2022")))
        let pdf = try MuPDFDocument(bytes: bytes, context: try MuPDFContext(memoryLimit: 256 << 20))
        return (pdf, try pdf.page(2, timeLimit: 30))
    }

    @Test("a page turned by a degree is found turned by a degree", arguments: [1.0, -0.6])
    func skew(degrees: Double) throws {
        let (_, page) = try page()
        let picture = try page.render(dpi: 60, rotation: degrees)
        #expect(abs(Skew.degrees(of: picture) - degrees) <= 0.15)
    }

    @Test("the rules found in a picture make the table the drawn rules make")
    func rulesFromPixels() throws {
        let (_, page) = try page()
        let drawn = try #require(RuledTable.tables(in: try page.geometry().rules).first)
        let picture = try page.render(dpi: 150)
        let found = RuleDetector.rules(in: picture, dpi: 150).map { $0.rule(dpi: 150) }
        let table = try #require(RuledTable.tables(in: found).first)
        let (expected, got) = (TableLayout(drawn), TableLayout(table))
        #expect(got.rows.count == expected.rows.count)
        #expect(got.columns.count == expected.columns.count)
        #expect(zip(got.rows, expected.rows).allSatisfy { abs($0 - $1) < 1.5 })
    }

    @Test("a crop of ruled rows reads as the text layer's grid, each cell with its confidence")
    func cropReadsLikeTextLayer() throws {
        let (_, page) = try page()
        let layer = try #require(
            RuledTable.tables(in: try page.geometry().rules, page: 3).first.map { table -> Grid in
                var table = table
                table.words = try page.words().words
                return table.grid(firstLine: 1)
            })
        // The first three rows under the header: 一、 二、 and （一）予以公开.
        let rowBoxes = try #require(layer.rows.dropFirst().prefix(3).last?.last?.region)
        let top = try #require(layer.rows.first?.first?.region)
        let area = Box(x0: top.x - 2, y0: top.y + top.height - 2, x1: 560, y1: rowBoxes.y + rowBoxes.height + 2)
        let content = try PageOCR().read(
            number: 3, width: area.width, height: area.height, limits: .standard, path: "crop", what: "crop"
        ) { dpi, rotation throws(MuPDFError) in
            try page.render(dpi: dpi, rotation: rotation, area: area)
        }
        let table = try #require(PageLayout(content).items.compactMap { item -> RuledTable? in
            if case .table(let table) = item { return table }
            return nil
        }.first)
        let grid = table.grid(firstLine: 1)
        let read = grid.rows.map { $0.map(\.text) }
        #expect(read.contains { $0.suffix(7) == ["87", "5", "0", "2", "6", "3", "103"] })
        #expect(read.contains { $0.suffix(7) == ["0", "0", "0", "1", "0", "0", "1"] }, "\(read)")
        #expect(grid.rows.flatMap { $0 }.allSatisfy { $0.ocrConfidence != nil })
    }
}
