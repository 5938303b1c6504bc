import Foundation
import Testing
@testable import TablefixReaders
import TablefixModel

@Suite("Loading: format and encoding")
struct DecodingTests {
    let reader = DocumentReader()
    let sample = "山亭区卫健局\n2021年政府信息公开工作年度报告\n"

    @Test("tells DOCX, HTML and text apart by their bytes")
    func sniffsFormat() {
        #expect(FormatSniffer.format(of: [0x50, 0x4B, 0x03, 0x04, 0, 0]) == .docx)
        #expect(FormatSniffer.format(of: Array("\u{FEFF}  <!DOCTYPE html><html><body>x".utf8)) == .html)
        #expect(FormatSniffer.format(of: Array("<html lang=zh>".utf8)) == .html)
        #expect(FormatSniffer.format(of: Array("< 分享\n正文".utf8)) == .text)
        #expect(FormatSniffer.format(of: Array(sample.utf8)) == .text)
        // Markdown that keeps a few raw <div>s (pandoc's gfm of a web page) is text.
        #expect(FormatSniffer.format(of: Array("<div class=\"nav\">\n\n| 规章 | 0 |\n|---|---|\n".utf8)) == .text)
    }

    @Test("takes markdown that keeps a raw <table> among its pipe tables (pandoc's gfm) for text, not HTML")
    func markdownWithRawTable() {
        let gfm = "<div class=\"logo\">\n\n[![县政府](/logo.png)](/)\n\n</div>\n\n<table>\n<tr><td><p>规章</p></td></tr>\n</table>\n\n"
            + "| 行政许可 | 196 |\n|:---:|:---:|\n"
        #expect(FormatSniffer.format(of: Array(gfm.utf8)) == .text)
        #expect(FormatSniffer.format(of: Array("<div>\n<table>\n<tr><td>| 规章 |</td></tr>\n</table>".utf8)) == .html)
    }

    @Test("decodes UTF-8 with and without a byte-order mark")
    func utf8() throws {
        let plain = try reader.document(from: Array(sample.utf8), path: "a.txt")
        let bom = try reader.document(from: [0xEF, 0xBB, 0xBF] + Array(sample.utf8), path: "b.txt")
        #expect(plain.source.encoding == "utf-8")
        #expect(bom.source.encoding == "utf-8")
        #expect(plain.text == bom.text)
    }

    @Test("decodes UTF-16 in both byte orders when a byte-order mark says so")
    func utf16() throws {
        let little: [UInt8] = [0xFF, 0xFE] + sample.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + sample.utf16.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try reader.document(from: little, path: "le.txt").source.encoding == "utf-16le")
        let document = try reader.document(from: big, path: "be.txt")
        #expect(document.source.encoding == "utf-16be")
        #expect(document.text.contains("山亭区卫健局"))
    }

    @Test("decodes GB18030 text to the same characters as its UTF-8 form")
    func gb18030() throws {
        let bytes = try #require(TextDecoderTestSupport.gb18030(sample))
        let document = try reader.document(from: bytes, path: "gb.txt")
        #expect(document.source.encoding == "gb18030")
        #expect(document.text == (try reader.document(from: Array(sample.utf8), path: "u.txt")).text)
    }

    /// `text`'s UTF-8 bytes read as Latin-1 and saved as UTF-8 again, as a crawler that
    /// missed a page's charset saves it.
    static func doubleEncoded(_ text: String) -> [UInt8] {
        Array(String(String.UnicodeScalarView(text.utf8.map { Unicode.Scalar($0) })).utf8)
    }

    @Test("undoes UTF-8 that a crawler read as Latin-1 and saved as UTF-8 again")
    func doubleEncodedUTF8() throws {
        let document = try reader.document(from: Self.doubleEncoded(sample + "三、收到和处理政府信息公开申请情况\n"), path: "crawl.txt")
        #expect(document.source.encoding == TextDecoder.doubleEncodedUTF8)
        #expect(document.text == (try reader.document(from: Array((sample + "三、收到和处理政府信息公开申请情况\n").utf8), path: "u.txt")).text)
    }

    @Test("keeps Latin-1 letters of genuine UTF-8 text as they are", arguments: [
        String(repeating: "Café à la crème, déjà vu. ", count: 10), String(repeating: "Ã©tÃ© ", count: 10) + "山亭区",
    ])
    func genuineLatin(text: String) throws {
        let document = try reader.document(from: Array(text.utf8), path: "latin.txt")
        #expect(document.source.encoding == "utf-8")
    }

    @Test("refuses an empty file, naming it")
    func empty() {
        #expect(throws: ReadError(.empty, file: "empty.txt", reason: "empty file")) {
            try reader.document(from: [], path: "empty.txt")
        }
    }

    @Test("refuses binary data")
    func binary() {
        let junk: [UInt8] = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }
        #expect(throws: ReadError.self) { try reader.document(from: junk, path: "junk.bin") }
        do {
            _ = try reader.document(from: junk, path: "junk.bin")
        } catch {
            #expect(error.code == .binary)
            #expect(error.description == "junk.bin: binary data, not a text, HTML, DOCX, PDF or picture document")
        }
    }

    @Test("refuses bytes that are neither UTF-8 nor GB18030")
    func undecodable() {
        let bytes = Array("报告".utf8) + [0xFF, 0xFF, 0x80, 0x80] + Array("正文".utf8)
        do {
            _ = try reader.document(from: bytes, path: "bad.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .undecodable)
            #expect(error.description == "bad.txt: not valid UTF-8, UTF-16 or GB18030 text")
        }
    }

    @Test("names a missing file and the cause")
    func missingFile() {
        do {
            _ = try reader.document(atPath: "/nonexistent/report.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "/nonexistent/report.txt: no such file")
        }
    }
}

/// GB18030 bytes of a string, made with the C library so the test does not trust the
/// code under test.
enum TextDecoderTestSupport {
    static func gb18030(_ text: String) -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        do { try process.run() } catch { return nil }
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? [UInt8](data) : nil
    }
}
