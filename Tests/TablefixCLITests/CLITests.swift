import Foundation
import Testing
import TablefixTestSupport

/// Runs the built `tablefix` binary: output, errors and exit codes as a user sees them.
@Suite("tablefix command line")
struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `tablefix` built beside the test bundle, whatever the build folder
    /// (`--scratch-path`) is.
    static var binary: URL {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let folders = [
            Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL,
            executable.deletingLastPathComponent(),
        ]
        for folder in folders {
            let candidate = folder.appendingPathComponent("tablefix")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return Fixtures.root.appendingPathComponent(".build/debug/tablefix")
    }

    func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    func temporaryFile(_ bytes: [UInt8], name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tablefix-cli-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file
    }

    @Test("repair prints the same JSON in every process, whatever its hash seed")
    func repairIsDeterministic() throws {
        // An OCR rendering exercises the searches over placements and reading orders.
        let input = "Samples/fixtures/variants/dengfeng-amr-2019/dengfeng-amr-2019.ocr.txt"
        let outputs = try (0..<6).map { _ in try run(["repair", input, "--format", "json"]).stdout }
        #expect(!outputs[0].isEmpty)
        #expect(Set(outputs).count == 1)
    }

    @Test("repair prints the cleaned text of a sample")
    func repairText() throws {
        let result = try run(["repair", "Samples/shared/yanzhou-health-2022.txt"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("四、政府信息公开行政复议、行政诉讼情况"))
        #expect(!result.stdout.contains("[bookmark:"))
    }

    @Test("repair --format json prints the object of spec/output.md")
    func repairJSON() throws {
        let result = try run(["repair", "Samples/shared/xigong-health-2022.txt", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["source", "format", "encoding", "template", "body", "year", "confidence", "tables", "text", "edits"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["source"] as? String == "Samples/shared/xigong-health-2022.txt")
    }

    @Test("repair -o writes the output to a file")
    func outputFile() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tablefix-out-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try run(["repair", "Samples/shared/wendeng-health-2023.txt", "--format", "json", "-o", out.path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOf: out, encoding: .utf8).contains("\"status\": \"image\""))
    }

    @Test("an empty file is one line on stderr naming it, and a non-zero exit")
    func emptyFile() throws {
        let file = try temporaryFile([], name: "empty.txt")
        let result = try run(["repair", file.path])
        #expect(result.status != 0)
        #expect(result.stderr == "tablefix: error: \(file.path): empty file\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("binary junk is refused with its cause")
    func binaryJunk() throws {
        let file = try temporaryFile((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }, name: "junk.txt")
        let result = try run(["repair", file.path])
        #expect(result.status != 0)
        #expect(result.stderr == "tablefix: error: \(file.path): binary data, not a text, HTML, DOCX, PDF or picture document\n")
    }

    @Test("invalid UTF-8 that is not GB18030 is refused with its cause")
    func undecodable() throws {
        let file = try temporaryFile(Array("报告".utf8) + [0xFF, 0xFE, 0xFF, 0x80] + Array("正文".utf8), name: "bad.txt")
        let result = try run(["repair", file.path])
        #expect(result.status != 0)
        #expect(result.stderr == "tablefix: error: \(file.path): not valid UTF-8, UTF-16 or GB18030 text\n")
    }

    @Test("a missing file is refused with its cause")
    func missingFile() throws {
        let result = try run(["repair", "no-such-report.txt"])
        #expect(result.status != 0)
        #expect(result.stderr == "tablefix: error: no-such-report.txt: no such file\n")
    }

    @Test("help names the subcommand and its options")
    func help() throws {
        let result = try run(["repair", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--format"))
        #expect(result.stdout.contains("--templates"))
    }
}
