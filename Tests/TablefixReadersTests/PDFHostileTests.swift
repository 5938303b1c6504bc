import Foundation
import Testing
import TablefixModel
@testable import TablefixReaders
import TablefixTestSupport

/// Hostile PDFs (Tools/fixtures/make_hostile_pdfs.py makes them): each ends in a one-line
/// error naming the file and the cause, within the limits given, never a crash or a hang.
@Suite("Hostile PDFs")
struct PDFHostileTests {
    /// Small limits, so that a test that would run into the default ones stays quick.
    let reader = PDFReader(limits: PDFLimits(pages: 1_000, pixels: 60_000_000, secondsPerPage: 10, memory: 64 << 20))

    func failure(_ name: String) throws -> ReadError? {
        let bytes = try ReaderFixtures.bytes("pdf/\(name)")
        do {
            _ = try reader.document(from: bytes, path: name)
            return nil
        } catch {
            return error
        }
    }

    @Test("a PDF cut short says it is damaged")
    func truncated() throws {
        let error = try #require(try failure("truncated.pdf"))
        #expect(error.code == .corrupt)
        #expect(error.description == "truncated.pdf: damaged PDF (cut short?): no page could be found")
    }

    @Test("a PDF that needs a password says so")
    func encrypted() throws {
        let error = try #require(try failure("encrypted.pdf"))
        #expect(error.code == .unsupported)
        #expect(error.description == "encrypted.pdf: PDF is encrypted (needs a password)")
    }

    @Test("a page painting a 30,000 × 30,000 pixel image is refused before it is decoded")
    func hugeImage() throws {
        let error = try #require(try failure("huge-image.pdf"))
        #expect(error.code == .tooLarge)
        #expect(
            error.description
                == "huge-image.pdf: page 1 paints an image of 30000 × 30000 pixels, more than the limit of 60000000")
    }

    @Test("an image whose few kilobytes inflate to 2 GB is refused by its size")
    func imageBomb() throws {
        let error = try #require(try failure("image-bomb.pdf"))
        #expect(error.code == .tooLarge)
        #expect(error.reason.hasPrefix("page 1 paints an image of 46341 × 46341 pixels"))
    }

    @Test("a PDF of 10,000 pages is refused by its page count")
    func tenThousandPages() throws {
        let error = try #require(try failure("ten-thousand-pages.pdf"))
        #expect(error.description == "ten-thousand-pages.pdf: PDF has 10000 pages, more than the limit of 1000")
    }

    @Test("a content stream that inflates to 600 MB of drawing stops at the memory limit")
    func contentBomb() throws {
        let error = try #require(try failure("content-bomb.pdf"))
        #expect(error.code == .tooLarge)
        #expect(
            error.description == "content-bomb.pdf: PDF needs more memory than the limit allows"
                || error.description == "content-bomb.pdf: PDF page 1 took too long: more than the time limit per page")
    }

    @Test("a PDF with no pages says so")
    func noPages() throws {
        let error = try #require(try failure("no-pages.pdf"))
        #expect(error.description == "no-pages.pdf: PDF has no pages")
    }

    @Test("bytes that start like a PDF but are not one are a corrupt PDF")
    func notAPDF() throws {
        do {
            _ = try DocumentReader().document(from: Array("%PDF-1.7\nnothing else".utf8), path: "fake.pdf")
            Issue.record("read a fake PDF")
        } catch {
            #expect(error.code == .corrupt)
            #expect(error.description.hasPrefix("fake.pdf: "))
        }
    }
}
