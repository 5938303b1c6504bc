import Foundation
import TablefixTestSupport
import Testing

/// Errors in words a user knows, and no trap on any input or output, through the binary.
@Suite("errors and crashes")
struct HardeningTests {
    static let sample = "Samples/shared/xigong-health-2022.txt"
    static var sampleBytes: [UInt8] {
        get throws { [UInt8](try Data(contentsOf: Fixtures.root.appendingPathComponent(sample))) }
    }

    @Test("a folder given to repair says so, and points to batch")
    func folder() throws {
        let folder = try Shell.folder("a-folder")
        let result = try Shell.run(["repair", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr == "tablefix: error: \(folder.path): is a folder, not a document (`tablefix batch` reads folders)\n")
    }

    @Test("a damaged PDF is named as a PDF, with its cause")
    func pdf() throws {
        let file = try Shell.file(Array("%PDF-1.7\n%âãÏÓ\n1 0 obj\n".utf8) + [0, 1, 2, 3], name: "report.pdf")
        let result = try Shell.run(["repair", file])
        #expect(result.status == 1)
        #expect(result.stderr == "tablefix: error: \(file): damaged PDF (cut short?): no page could be found\n")
    }

    @Test("a zip archive of documents given to repair points to batch")
    func zipArchive() throws {
        let folder = try Shell.folder("archive")
        let zip = folder.appendingPathComponent("reports.zip")
        try ZipFixture.write(["a.txt": try Self.sampleBytes], to: zip)
        let result = try Shell.run(["repair", zip.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("a zip archive, not a DOCX document"))
        #expect(result.stderr.contains("`tablefix batch` reads archives"))
    }

    @Test("a cut zip says so in words, not in ZIPFoundation's names")
    func cutZip() throws {
        let file = try Shell.file([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0x41, count: 200), name: "cut.docx")
        let result = try Shell.run(["repair", file])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("tablefix: error: \(file): not a DOCX package (corrupt zip: "))
        #expect(!result.stderr.contains("missingEndOfCentralDirectoryRecord"))
    }

    @Test("an output that cannot be written is an error naming it, exit 1, no usage text")
    func unwritableOutput() throws {
        let result = try Shell.run(["repair", Self.sample, "-o", "/nonexistent/x.txt"])
        #expect(result.status == 1)
        #expect(result.stderr == "tablefix: error: /nonexistent/x.txt: cannot write (no such folder)\n")
    }

    @Test("standard output on a full device is an error, not a trap", arguments: [
        ["repair", sample], ["repair", sample, "--format", "json"], ["--help"],
    ])
    func fullDevice(arguments: [String]) throws {
        let result = try Shell.run(arguments, stdoutPath: "/dev/full")
        if arguments == ["--help"] {
            // argument-parser writes its help itself; what matters is no trap.
            #expect(result.status != 132 && result.status != 134)
            return
        }
        #expect(result.status == 1)
        #expect(result.stderr == "tablefix: error: standard output: cannot write (no space left on the device)\n")
    }

    @Test("export to a full device is an error, not a trap")
    func exportFullDevice() throws {
        let folder = try Shell.folder("full-export")
        let database = folder.appendingPathComponent("b.db").path
        #expect(try Shell.run(["batch", Self.sample, "-o", database, "-q"]).status == 0)
        let result = try Shell.run(["export", database], stdoutPath: "/dev/full")
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("cannot write (no space left on the device)\n"))
    }

    @Test("a file holding only a byte-order mark is empty, as an empty file is")
    func bomOnly() throws {
        for bytes: [UInt8] in [[0xEF, 0xBB, 0xBF], []] {
            let file = try Shell.file(bytes, name: "bom.txt")
            let result = try Shell.run(["repair", file])
            #expect(result.status == 1)
            #expect(result.stderr == "tablefix: error: \(file): empty file\n")
        }
    }

    @Test("60 tables each under the per-table cap are refused by the per-document one, quickly")
    func spansPerDocument() throws {
        let rows = String(repeating: "<tr></tr>", count: 998)
        let table = "<table><tr><td rowspan=999 colspan=1000>x</td></tr>\(rows)</table>\n"
        let file = try Shell.file(Array(("<html><body>" + String(repeating: table, count: 60) + "</body></html>").utf8),
                                  name: "spans.html")
        let result = try Shell.run(["repair", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("tables expand past 4000000 cells in all"))
    }

    @Test("a file name with terminal escape sequences is printed escaped")
    func escapedName() throws {
        let result = try Shell.run(["repair", "evil\u{1B}[31mred\u{07}.txt"])
        #expect(result.status == 1)
        #expect(result.stderr == "tablefix: error: evil\\u{1B}[31mred\\u{7}.txt: no such file\n")
    }

    @Test("broken markup gives one line naming the file, no libxml2 message of its own")
    func libxmlMessages() throws {
        let folder = try Shell.folder("broken-xml")
        let package = folder.appendingPathComponent("broken.docx")
        let xml = Array("<?xml version=\"1.0\"?><w:document xmlns:w=\"w\"><w:body><w:p>&undefined;</w:body>".utf8)
        try ZipFixture.write(["word/document.xml": xml], to: package)
        let result = try Shell.run(["repair", package.path])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.hasPrefix("tablefix: error: \(package.path): word/document.xml:1: "))
    }
}
