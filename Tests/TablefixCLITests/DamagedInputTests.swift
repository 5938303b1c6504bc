import Foundation
import TablefixTestSupport
import Testing

/// Reports a browser shows are read, whatever damage their bytes took; what was replaced
/// is an edit, and the cells on a damaged line are less sure.
@Suite("damaged inputs are read")
struct DamagedInputTests {
    static let sample = "Samples/shared/xigong-health-2022.txt"

    static func object(_ bytes: [UInt8], name: String) throws -> [String: Any] {
        let file = try Shell.file(bytes, name: name)
        let result = try Shell.run(["repair", file, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func edits(_ object: [String: Any], kind: String) -> [[String: Any]] {
        ((object["edits"] as? [[String: Any]]) ?? []).filter { $0["kind"] as? String == kind }
    }

    static var lines: [String] {
        get throws {
            try String(contentsOf: Fixtures.root.appendingPathComponent(sample), encoding: .utf8)
                .components(separatedBy: "\n")
        }
    }

    /// The line of the sample holding the first cell of `requests`, 1-based.
    static func firstCellLine() throws -> Int {
        let repaired = try Shell.run(["repair", sample, "--format", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(repaired.utf8)) as? [String: Any])
        let requests = try #require((object["tables"] as? [[String: Any]])?.first { $0["id"] as? String == "requests" })
        let cell = try #require((requests["cells"] as? [[String: Any]])?.first { $0["value"] as? Double != nil })
        return try #require(cell["line"] as? Int)
    }

    @Test("a stray 0xFF in UTF-8 is replaced, recorded on its line, and its line's cells doubted")
    func strayByte() throws {
        let line = try Self.firstCellLine()
        // The stray byte between the row's label and its numbers.
        var lines = try Self.lines.map { Array($0.utf8) }
        let tab = try #require(lines[line - 1].firstIndex(of: UInt8(ascii: "\t")))
        lines[line - 1].insert(0xFF, at: tab)
        let bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        let object = try Self.object(bytes, name: "stray.txt")
        #expect(object["encoding"] as? String == "utf-8")
        let replaced = Self.edits(object, kind: "decoding")
        #expect(replaced.count == 1)
        #expect(replaced.first?["before"] as? String == "0xFF")
        #expect(replaced.first?["line"] as? Int == line)
        let cells = ((object["tables"] as? [[String: Any]]) ?? []).flatMap { ($0["cells"] as? [[String: Any]]) ?? [] }
        let onLine = cells.filter { $0["line"] as? Int == line }
        #expect(!onLine.isEmpty)
        #expect(onLine.allSatisfy { ($0["confidence"] as? Double ?? 1) <= 0.5 })
    }

    @Test("a NUL byte is dropped and recorded")
    func nulByte() throws {
        var bytes = try [UInt8](Data(contentsOf: Fixtures.root.appendingPathComponent(Self.sample)))
        let newline = try #require(bytes[(bytes.count / 2)...].firstIndex(of: UInt8(ascii: "\n")))
        bytes.insert(0, at: newline)
        let object = try Self.object(bytes, name: "nul.txt")
        #expect(Self.edits(object, kind: "decoding").map { $0["before"] as? String } == ["\u{0}"])
        #expect(!(object["text"] as? String ?? "\u{0}").contains("\u{0}"))
    }

    @Test("UTF-8 cut in the middle of its last character is read")
    func cutAtEnd() throws {
        var bytes = try [UInt8](Data(contentsOf: Fixtures.root.appendingPathComponent(Self.sample)))
        bytes += Array("尾".utf8).prefix(2)
        let object = try Self.object(bytes, name: "cut.txt")
        #expect(object["encoding"] as? String == "utf-8")
        #expect(Self.edits(object, kind: "decoding").count == 2)
    }

    @Test("GB18030 text drawn with box-drawing characters (w3m) is read as GB18030")
    func gb18030BoxDrawing() throws {
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent(Self.sample), encoding: .utf8)
        let box = (0..<40).map { _ in "┌─────┬─────┐\n│ 项目 │ 数量 │\n├─────┼─────┤\n└─────┴─────┘" }
            .joined(separator: "\n")
        let folder = try Shell.folder("gb18030")
        let utf8 = folder.appendingPathComponent("utf8.txt"), gb = folder.appendingPathComponent("gb.txt")
        try Data((box + "\n" + text).utf8).write(to: utf8)
        let iconv = Process()
        iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        iconv.arguments = ["-f", "UTF-8", "-t", "GB18030", utf8.path]
        iconv.standardOutput = try FileHandle(forWritingTo: { FileManager.default.createFile(atPath: gb.path, contents: nil); return gb }())
        try iconv.run()
        iconv.waitUntilExit()
        let object = try Self.object([UInt8](try Data(contentsOf: gb)), name: "gb.txt")
        #expect(object["encoding"] as? String == "gb18030")
        #expect(object["body"] as? String == "西工区卫生健康委员会")
    }

    @Test("300 unclosed <font> tags are read past, each an edit")
    func unclosedFonts() throws {
        let lines = try Self.lines.map { "<p>\($0)</p>" }.joined(separator: "\n")
        let page = "<html><body>" + String(repeating: "<font size=3>", count: 300) + "\n" + lines + "</body></html>"
        let object = try Self.object(Array(page.utf8), name: "fonts.html")
        #expect(object["body"] as? String == "西工区卫生健康委员会")
        #expect(Self.edits(object, kind: "artifact").filter { ($0["before"] as? String)?.hasPrefix("<font") == true }.count == 300)
    }

    @Test("a DOCX entity its DTD declares is not dropped silently: an edit says it is missing")
    func docxEntity() throws {
        let folder = try Shell.folder("docx-entity")
        let package = folder.appendingPathComponent("entity.docx")
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE w:document [ <!ENTITY org "金乡县卫生健康局"> ]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            <w:p><w:r><w:t>&org;2023年政府信息公开工作年度报告</w:t></w:r></w:p></w:body></w:document>
            """
        try ZipFixture.write(["word/document.xml": Array(xml.utf8)], to: package)
        let result = try Shell.run(["repair", package.path, "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Self.edits(object, kind: "decoding").map { $0["before"] as? String } == ["&org;"])
    }

    @Test("bytes that are really not text keep their clear error")
    func notText() throws {
        let file = try Shell.file(Array("报告".utf8) + [0xFF, 0xFE, 0xFF, 0x80] + Array("正文".utf8), name: "bad.txt")
        let result = try Shell.run(["repair", file])
        #expect(result.status == 1)
        #expect(result.stderr == "tablefix: error: \(file): not valid UTF-8, UTF-16 or GB18030 text\n")
    }
}
