import Foundation
import Testing
import TablefixModel
@testable import TablefixReaders
import TablefixTestSupport

/// Damaged and malicious inputs: each is a clear error or is read correctly, never a
/// crash or a hang. Each file is a fixture named for its test
/// (Tools/fixtures/make_docx_fixtures.py makes them), or is generated here when large.
@Suite("Hostile input")
struct HostileInputTests {
    let reader = DocumentReader()

    /// The one-line error reading a fixture gives, or nil when it reads.
    func failure(_ name: String, reader: DOCXReader? = nil) throws -> ReadError? {
        let bytes = try ReaderFixtures.bytes(name)
        do {
            if let reader {
                _ = try reader.document(from: bytes, path: name)
            } else {
                _ = try self.reader.document(from: bytes, path: name)
            }
            return nil
        } catch {
            return error
        }
    }

    @Test("a truncated zip is not a DOCX package, and says it looks truncated")
    func truncatedZip() throws {
        let error = try #require(try failure("truncated-zip.docx"))
        #expect(error.code == .corrupt)
        #expect(
            error.description
                == "truncated-zip.docx: not a DOCX package (corrupt zip: no end of central directory (truncated?))")
    }

    @Test("a zip whose directory points past its end is refused before anything trusts the offset")
    func corruptZip() throws {
        let error = try #require(try failure("corrupt-zip.docx"))
        #expect(error.code == .corrupt)
        #expect(
            error.description
                == "corrupt-zip.docx: not a DOCX package (corrupt zip: [Content_Types].xml: local header lies outside the file)"
        )
    }

    @Test("a deflate stream cut short is an error, not a wait for bytes that never come")
    func cutDeflateStream() throws {
        let error = try #require(try failure("cut-deflate-stream.docx"))
        #expect(
            error.description
                == "cut-deflate-stream.docx: not a DOCX package (corrupt zip: word/document.xml: deflate stream cut short)"
        )
    }

    @Test("a zip without word/document.xml is not a DOCX package")
    func noDocumentXML() throws {
        let error = try #require(try failure("no-document-xml.docx"))
        #expect(error.code == .unsupported)
        #expect(error.description == "no-document-xml.docx: a zip archive, not a DOCX document (no word/document.xml); `tablefix batch` reads archives")
    }

    @Test("an empty zip is not a DOCX package")
    func emptyZip() throws {
        let error = try #require(try failure("empty-zip.docx"))
        #expect(error.description == "empty-zip.docx: a zip archive, not a DOCX document (no word/document.xml); `tablefix batch` reads archives")
    }

    @Test("a part inflating past the cap is stopped there: a zip bomb")
    func zipBombPastCap() throws {
        let limits = DOCXPackage.Limits(inflatedBytes: 1 << 20, ratio: 500, ratioFloor: 16 << 20)
        let error = try #require(try failure("zip-bomb-10mib.docx", reader: DOCXReader(limits: limits)))
        #expect(error.code == .tooLarge)
        #expect(error.description == "zip-bomb-10mib.docx: word/document.xml inflates past 1 MiB")
    }

    @Test("a part that declares more than 256 MiB is refused under the real limits before it inflates")
    func zipBombDeclared() throws {
        var bytes = try ReaderFixtures.bytes("zip-bomb-10mib.docx")
        // Make the central directory claim 300 MiB for word/document.xml.
        let entry = try #require(Self.directoryEntry("word/document.xml", in: bytes))
        withUnsafeBytes(of: UInt32(300 << 20).littleEndian) { raw in
            for (index, byte) in raw.enumerated() { bytes[entry + 24 + index] = byte }
        }
        do {
            _ = try DOCXReader().document(from: bytes, path: "report.docx")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "report.docx: word/document.xml inflates past 256 MiB")
        }
    }

    /// The offset of a central directory entry by its path.
    static func directoryEntry(_ path: String, in bytes: [UInt8]) -> Int? {
        let name = Array(path.utf8)
        let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        for offset in 0..<max(0, bytes.count - 46 - name.count) {
            let head = bytes[offset..<(offset + 4)]
            let found = bytes[(offset + 46)..<(offset + 46 + name.count)]
            if head.elementsEqual(signature), found.elementsEqual(name) { return offset }
        }
        return nil
    }

    @Test("a part inflating 500 times its compressed size is stopped under the real limits")
    func zipBombRatio() throws {
        let error = try #require(try failure("zip-bomb-ratio.docx"))
        #expect(error.code == .tooLarge)
        #expect(
            error.description
                == "zip-bomb-ratio.docx: word/document.xml inflates more than 500 times its compressed size")
    }

    @Test("document.xml nested past 256 elements is an error with its position")
    func deeplyNestedDOCX() throws {
        let error = try #require(try failure("deeply-nested.docx"))
        #expect(error.code == .corrupt)
        #expect(error.description == "deeply-nested.docx: word/document.xml:2: elements nested deeper than 256")
    }

    @Test("100,000 nested divs are a clear error, not a crash")
    func deeplyNestedHTML() {
        let page =
            "<html><body>" + String(repeating: "<div>", count: 100_000) + "深处"
            + String(repeating: "</div>", count: 100_000) + "</body></html>"
        do {
            _ = try reader.document(from: Array(page.utf8), path: "deep.html")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .corrupt)
            #expect(error.description == "deep.html: cannot read the HTML at line 1: elements nested deeper than 256")
        }
    }

    @Test("markup nested 200 deep reads in full")
    func nestedWithinLimits() throws {
        let page =
            "<html><body>" + String(repeating: "<div><span>", count: 100) + "深处"
            + String(repeating: "</span></div>", count: 100) + "<p>之后</p></body></html>"
        #expect(try reader.document(from: Array(page.utf8), path: "deep.html").text == "深处\n之后")
    }

    @Test("a tree nested past the parser's depth limit keeps every node, in order, flattened")
    func flattenedTree() throws {
        let page =
            "<html><body>" + String(repeating: "<div>", count: 40) + "<p>深处</p><img alt=\"图\">"
            + String(repeating: "</div>", count: 40) + "</body></html>"
        let document = try HTMLReader(maximumDepth: 10).document(from: Array(page.utf8), path: "deep.html")
        #expect(document.blocks.map(BlockDump.dump) == ["paragraph 1: 深处", "image 1: 图"])
    }

    @Test("a file named .docx that holds HTML is read as HTML")
    func htmlNamedDOCX() throws {
        let document = try reader.document(from: try ReaderFixtures.bytes("html-named.docx"), path: "html-named.docx")
        #expect(document.source.format == .html)
        #expect(document.text == "某某局2023年政府信息公开工作年度报告\n一、总体情况")
    }

    @Test("a table whose spans would pass 4,000,000 cells is refused")
    func hugeSpans() {
        let page =
            "<html><body><table>" + String(repeating: "<tr><td colspan=\"1000\">x</td></tr>", count: 5000)
            + "</table></body></html>"
        do {
            _ = try reader.document(from: Array(page.utf8), path: "spans.html")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .tooLarge)
            #expect(error.description == "spans.html: table at line 1 expands past 4000000 cells")
        }
    }
}
