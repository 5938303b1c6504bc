import Foundation
import TablefixTestSupport
import Testing

/// Runs the built `tablefix` for review tests: arguments in, status and output back;
/// standard error goes through a file so that no pipe can fill up and stall the process.
enum TablefixBinary {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.root
        let errors = FileManager.default.temporaryDirectory
            .appendingPathComponent("tablefix-stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = (try? Data(contentsOf: errors)) ?? Data()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A batch database of `inputs` (repository paths), in a new folder; returns its path.
    static func batch(_ inputs: [String], in folder: URL) throws -> String {
        let database = folder.appendingPathComponent("out.db").path
        let result = try run(["batch"] + inputs + ["--out", database, "--quiet", "--jobs", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        return database
    }
}

/// `tablefix review` and the summary `tablefix repair` ends with on a terminal.
@Suite("tablefix review")
struct ReviewCommandTests {
    static let samples = ["Samples/shared/jinxiang-health-2023.txt", "Samples/shared/xigong-health-2022.txt"]

    /// What `repair --format json` finds in `files`: cells of present tables, those
    /// below `threshold`, failed checks.
    static func counts(_ files: [String], below threshold: Double = 0.9) throws -> (cells: Int, below: Int, failed: Int) {
        var counts = (cells: 0, below: 0, failed: 0)
        for file in files {
            let json = try TablefixBinary.run(["repair", file, "--format", "json"]).stdout
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            for table in object["tables"] as? [[String: Any]] ?? [] {
                let cells = table["cells"] as? [[String: Any]] ?? []
                counts.cells += cells.count
                counts.below += cells.filter { ($0["confidence"] as? Double ?? 0) < threshold }.count
                counts.failed += (table["checks"] as? [[String: Any]] ?? []).filter { $0["ok"] as? Bool == false }.count
            }
        }
        return counts
    }

    @Test("review writes one HTML file and a summary line on stderr, nothing on stdout")
    func report() throws {
        let folder = try BatchCorpus.temporaryFolder("review-cli")
        let output = folder.appendingPathComponent("report.html").path
        let result = try TablefixBinary.run(["review"] + Self.samples + ["--out", output])
        let expected = try Self.counts(Self.samples)
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix(
            "tablefix: \(output): 2 documents (0 not read); \(expected.below) of \(expected.cells) cells below 0.9; "
                + "0 reviewed; \(expected.failed) failed checks; "))
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(!FileManager.default.fileExists(atPath: output + ".partial"))
    }

    @Test("--threshold sets the queue the page opens with")
    func threshold() throws {
        let folder = try BatchCorpus.temporaryFolder("review-cli-threshold")
        let output = folder.appendingPathComponent("report.html").path
        let result = try TablefixBinary.run(["review", Self.samples[1], "--out", output, "--threshold", "0.7"])
        let expected = try Self.counts([Self.samples[1]], below: 0.7)
        #expect(result.status == 0)
        #expect(result.stderr.contains("\(expected.below) of \(expected.cells) cells below 0.7"))
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(try ReviewPage.text(html, id: "tf-index").contains("\"threshold\": 0.7"))
    }

    @Test("review refuses flags that do not go together, saying why", arguments: [
        (["review"], "Error: no input: give documents, folders, archives or one .db"),
        (["review", "a.txt"], "Error: -o report.html is required"),
        (["review", "a.txt", "--out", "r.html", "--threshold", "2"], "Error: --threshold must be between 0 and 1"),
        (["review", "apply", "c.json"], "Error: Missing expected argument '--db <db>'"),
        (["review", "apply", "c.json", "--db", "x.db", "a.txt"], "Error: Unexpected argument 'a.txt'"),
    ])
    func validation(arguments: [String], message: String) throws {
        let result = try TablefixBinary.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
    }

    @Test("the report of a folder leaves out the report itself, written there again")
    func folderHoldingReport() throws {
        let folder = try BatchCorpus.temporaryFolder("review-cli-folder")
        try FileManager.default.copyItem(
            at: Fixtures.root.appendingPathComponent(Self.samples[1]), to: folder.appendingPathComponent("a.txt"))
        let output = folder.appendingPathComponent("report.html").path
        for _ in 0..<2 {
            let result = try TablefixBinary.run(["review", folder.path, "--out", output])
            #expect(result.status == 0)
            #expect(result.stderr.contains(": 1 document (0 not read);"), "\(result.stderr)")
        }
    }

    @Test("review of a missing file fails naming it, and writes no report")
    func missing() throws {
        let folder = try BatchCorpus.temporaryFolder("review-cli-missing")
        let output = folder.appendingPathComponent("report.html").path
        let result = try TablefixBinary.run(["review", "nope.txt", "--out", output])
        #expect(result.status == 1)
        #expect(result.stderr == "tablefix: error: nope.txt: no such file\n")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test("a batch database is reviewed alone")
    func databaseAlone() throws {
        let folder = try BatchCorpus.temporaryFolder("review-cli-db-alone")
        let database = try TablefixBinary.batch([Self.samples[0]], in: folder)
        let output = folder.appendingPathComponent("r.html").path
        let result = try TablefixBinary.run(["review", database, Self.samples[1], "--out", output])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: a batch database is reviewed alone: give it as the only INPUT"))
    }

    @Test("review apply prints its counts; unknown cells make the exit status 2; a second apply is a no-op")
    func apply() throws {
        let folder = try BatchCorpus.temporaryFolder("review-cli-apply")
        let database = try TablefixBinary.batch([Self.samples[1]], in: folder)
        let good = folder.appendingPathComponent("good.json").path
        try Data("""
            {"corrections": [{"source": "\(Self.samples[1])", "table": "requests", "key": "granted.natural",
              "action": "correct", "value": 3, "original": null}]}
            """.utf8).write(to: URL(fileURLWithPath: good))
        let first = try TablefixBinary.run(["review", "apply", good, "--db", database])
        #expect(first.status == 0)
        #expect(first.stderr == "tablefix: \(good) -> \(database): 1 applied, 0 unchanged, 0 unknown\n")
        let second = try TablefixBinary.run(["review", "apply", good, "--db", database])
        #expect(second.stderr == "tablefix: \(good) -> \(database): 0 applied, 1 unchanged, 0 unknown\n")

        let bad = folder.appendingPathComponent("bad.json").path
        try Data("""
            {"corrections": [{"source": "\(Self.samples[1])", "table": "requests", "key": "no.such",
              "action": "correct", "value": 3}]}
            """.utf8).write(to: URL(fileURLWithPath: bad))
        let third = try TablefixBinary.run(["review", "apply", bad, "--db", database])
        #expect(third.status == 2)
        #expect(third.stderr == """
            tablefix: \(bad) -> \(database): 0 applied, 0 unchanged, 1 unknown
              correction 1 (\(Self.samples[1]) requests no.such): no such cell in the database

            """)
    }

    @Test("review apply names a corrections file that is not one")
    func applyBadFile() throws {
        let folder = try BatchCorpus.temporaryFolder("review-cli-apply-bad")
        let database = try TablefixBinary.batch([Self.samples[1]], in: folder)
        let bad = folder.appendingPathComponent("bad.json").path
        try Data("{\"fixes\": []}".utf8).write(to: URL(fileURLWithPath: bad))
        let result = try TablefixBinary.run(["review", "apply", bad, "--db", database])
        #expect(result.status == 1)
        #expect(result.stderr == "tablefix: error: \(bad): no \"corrections\" array\n")
    }

    @Test("the former review --apply says it is now a subcommand, with the command to type")
    func formerApply() throws {
        let result = try TablefixBinary.run(["review", "--apply", "fixes.json", "out.db"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: --apply is now a subcommand: tablefix review apply fixes.json --db DB\n"))
    }

    @Test("repair writes nothing on stderr when it is not a terminal")
    func repairPiped() throws {
        let result = try TablefixBinary.run(["repair", Self.samples[1]])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(!result.stdout.contains("cells below"))
    }

    @Test(
        "repair on a terminal ends with a summary on stderr: tables, cells below the threshold, failed checks",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"),
                 "needs script(1) from util-linux to give tablefix a terminal"))
    func repairOnTerminal() throws {
        // script(1) runs the command on a pseudo-terminal; stdout goes to /dev/null, so
        // what the terminal shows is standard error.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = "'\(CLITests.binary.path)' repair '\(Self.samples[1])' > /dev/null"
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = Fixtures.root
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let terminal = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = terminal.replacingOccurrences(of: "\r", with: "").split(separator: "\n").map(String.init)
        let expected = try Self.counts([Self.samples[1]])
        #expect(lines.count == (expected.failed > 0 ? 3 : 2), "\(lines)")
        #expect(lines.first?.hasPrefix("tablefix: tables: active present ") == true)
        #expect(lines.first?.hasSuffix(" (gov-disclosure-2021)") == true)
        #expect(lines.dropFirst().first?.hasPrefix(
            "tablefix: cells below 0.9: \(expected.below) of \(expected.cells) (requests ") == true)
        #expect(lines.dropFirst().first?.hasSuffix("; failed checks: \(expected.failed)") == true)
    }
}
