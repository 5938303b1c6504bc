import Foundation
@testable import Tablefix
import TablefixModel
import TablefixTestSupport
import Testing

/// The review report sets a picture of the page beside each table read from a PDF.
@Suite("review page crops")
struct ReviewPageCropsTests {
    @Test("each table of a PDF gets a picture of the pages it was read from")
    func cropsPerTable() throws {
        let url = Fixtures.root.appendingPathComponent(
            "Samples/fixtures/variants/pingyin-county-2022/pingyin-county-2022.pdf")
        let bytes = [UInt8](try Data(contentsOf: url))
        let repair = try Repairer().repair(bytes: bytes, path: url.path)
        let crops = Reviewer.pageCrops(of: repair.document, extraction: repair.extraction, bytes: bytes)
        #expect(Set(crops.keys) == ["active", "requests", "review"])
        // The requests table runs over pages 2, 3 and 4.
        #expect(crops["requests"]?.count == 3)
        let png = try #require(crops["requests"]?.first.flatMap { Data(base64Encoded: String($0.dropFirst("data:image/png;base64,".count))) })
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test("a document that is not a PDF gets no picture")
    func notPDF() throws {
        let repair = try Repairer().repair(bytes: Array("一、总体情况".utf8), path: "a.txt")
        #expect(Reviewer.pageCrops(of: repair.document, extraction: repair.extraction, bytes: []).isEmpty)
    }
}
