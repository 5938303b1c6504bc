import Foundation
import TablefixTestSupport
import Testing

/// The conventions of the tools users know, through the binary.
@Suite("command-line conventions")
struct ConventionTests {
    static let sample = "Samples/shared/xigong-health-2022.txt"

    @Test("--version prints the version, the one the JSON output names")
    func version() throws {
        let result = try Shell.run(["--version"])
        #expect(result.status == 0)
        let version = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.split(separator: ".").count == 3)
        let json = try Shell.run(["repair", Self.sample, "--format", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["tablefix_version"] as? String == version)
        let changelog = try String(contentsOf: Fixtures.root.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        #expect(changelog.contains("tablefix \(version)"))
    }

    @Test("every subcommand that writes takes -o, --output and --out", arguments: ["-o", "--output", "--out"])
    func outputOption(flag: String) throws {
        let folder = try Shell.folder("output-\(flag)")
        let database = folder.appendingPathComponent("b.db").path
        #expect(try Shell.run(["batch", Self.sample, flag, database, "-q"]).status == 0)
        let outputs = [
            ["repair", Self.sample, flag, folder.appendingPathComponent("r.txt").path],
            ["export", database, flag, folder.appendingPathComponent("e.jsonl").path],
            ["review", Self.sample, flag, folder.appendingPathComponent("r.html").path, "-q"],
            ["merge", flag, folder.appendingPathComponent("m.db").path, database, "-q"],
        ]
        for arguments in outputs {
            let result = try Shell.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: arguments[arguments.firstIndex(of: flag)! + 1]))
        }
    }

    @Test("repair - reads standard input")
    func repairStandardInput() throws {
        let bytes = try Data(contentsOf: Fixtures.root.appendingPathComponent(Self.sample))
        let result = try Shell.run(["repair", "-", "--format", "json"], stdin: bytes)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["source"] as? String == "-")
        #expect(object["body"] as? String != nil)
    }

    @Test("repair of several files prints JSON Lines, one compact object per file in order")
    func repairSeveral() throws {
        let second = "Samples/shared/jinxiang-health-2023.txt"
        let result = try Shell.run(["repair", Self.sample, second, "--format", "json"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let sources = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .map { $0?["source"] as? String }
        #expect(sources == [Self.sample, second])
    }

    @Test("repair of several files goes on past one that cannot be read, and exits 2")
    func repairSeveralWithFailure() throws {
        let result = try Shell.run(["repair", "no-such.txt", Self.sample, "--format", "json"])
        #expect(result.status == 2)
        #expect(result.stderr == "tablefix: error: no-such.txt: no such file\n")
        #expect(result.stdout.split(separator: "\n").count == 1)
    }

    @Test("export --format tsv writes the wide table with tabs")
    func tsv() throws {
        let folder = try Shell.folder("tsv")
        let database = folder.appendingPathComponent("b.db").path
        #expect(try Shell.run(["batch", Self.sample, "-o", database, "-q"]).status == 0)
        let lines = try Shell.run(["export", database, "--format", "tsv"]).stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("path\thash\tlinked_to\tformat\t"))
        #expect(lines[0].split(separator: "\t").count == lines[1].split(separator: "\t", omittingEmptySubsequences: false).count)
    }

    @Test("export filters by template, confidence and status")
    func filters() throws {
        let folder = try Shell.folder("filters")
        let database = folder.appendingPathComponent("b.db").path
        let broken = folder.appendingPathComponent("broken.txt").path
        try Data().write(to: URL(fileURLWithPath: broken))
        let inputs = [Self.sample, "Samples/shared/jinxiang-health-2023.txt", broken]
        #expect(try Shell.run(["batch"] + inputs + ["-o", database, "-q"]).status == 2)
        func paths(_ arguments: [String]) throws -> [String] {
            CSVTable.records(from: try Shell.run(["export", database, "--format", "csv"] + arguments).stdout)
                .compactMap { $0["path"] }
        }
        #expect(try paths([]).count == 2)
        #expect(try paths(["--template", "gov-disclosure-2019"]).isEmpty)
        #expect(try paths(["--template", "gov-disclosure-2021"]).count == 2)
        #expect(try paths(["--min-confidence", "1.0"]).isEmpty)
        #expect(try paths(["--status", "failed"]) == [broken])
        #expect(try paths(["--failures"]) == [broken])
    }

    @Test("the exit codes are the README's: 0 done, 1 could not, 2 some inputs failed, 64 usage")
    func exitCodes() throws {
        let readme = try String(contentsOf: Fixtures.root.appendingPathComponent("README.md"), encoding: .utf8)
        for line in ["| 0 |", "| 1 |", "| 2 |", "| 64 |"] { #expect(readme.contains(line)) }
        #expect(try Shell.run(["repair", Self.sample]).status == 0)
        #expect(try Shell.run(["repair", "no-such.txt"]).status == 1)
        #expect(try Shell.run(["export", "no-such.db"]).status == 1)
        #expect(try Shell.run(["review", "no-such.txt", "-o", "/tmp/x.html"]).status == 1)
        #expect(try Shell.run(["repair", "no-such.txt", Self.sample, "--format", "json"]).status == 2)
        #expect(try Shell.run(["repair", "--format", "xml", Self.sample]).status == 64)
        #expect(try Shell.run(["batch", "x"]).status == 64)
    }

    @Test("review exits 2 when an input could not be read, as batch does")
    func reviewPartialFailure() throws {
        let folder = try Shell.folder("review-partial")
        let broken = folder.appendingPathComponent("broken.txt").path
        try Data([0xEF, 0xBB, 0xBF]).write(to: URL(fileURLWithPath: broken))
        let result = try Shell.run(["review", Self.sample, broken, "-o", folder.appendingPathComponent("r.html").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("(1 not read)"))
    }
}
