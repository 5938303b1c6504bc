import Foundation
import TablefixTestSupport
import Testing

/// The README as a user follows it: its two set-up commands, its examples run as written
/// with `tablefix` on the PATH, its example output made from a real run, its contract in
/// the repository.
@Suite("README")
struct ReadmeTests {
    static var readme: String {
        get throws { try String(contentsOf: Fixtures.root.appendingPathComponent("README.md"), encoding: .utf8) }
    }

    /// The fenced blocks of a language, in order.
    static func blocks(_ language: String, in text: String) -> [String] {
        var blocks: [String] = [], current: [String]?
        for line in text.components(separatedBy: "\n") {
            if current == nil, line == "```" + language {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current?.joined(separator: "\n") ?? "")
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test("the README has exactly two set-up commands, and .ci/run runs its test command")
    func setUp() throws {
        let first = try #require(Self.blocks("sh", in: try Self.readme).first)
        let commands = first.components(separatedBy: "\n").filter { !$0.isEmpty }
        #expect(commands.count == 2)
        #expect(commands.first?.contains("tablefix repair Samples/") == true)
        let ci = try String(contentsOf: Fixtures.root.appendingPathComponent(".ci/run"), encoding: .utf8)
        #expect(ci.contains(try #require(commands.last)))
    }

    @Test("the example output is the first lines of a real run")
    func exampleOutput() throws {
        let readme = try Self.readme
        let marker = "<!-- output: tablefix repair Samples/shared/jinxiang-health-2023.txt --format json | head -n 12 -->\n```json\n"
        let start = try #require(readme.range(of: marker))
        // The block's content holds no backquote: the first fence after it closes it.
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let run = try Shell.run(["repair", "Samples/shared/jinxiang-health-2023.txt", "--format", "json"])
        let lines = run.stdout.components(separatedBy: "\n").prefix(12).map { $0 + "\n" }.joined()
        if ProcessInfo.processInfo.environment["TABLEFIX_RECORD"] != nil {
            var updated = readme
            updated.replaceSubrange(start.upperBound..<end.lowerBound, with: lines)
            try Data(updated.utf8).write(to: Fixtures.root.appendingPathComponent("README.md"))
            Issue.record("README.md's example output recorded again")
            return
        }
        #expect(String(readme[start.upperBound..<end.lowerBound]) == lines)
    }

    @Test("every example runs as written in a clean clone, tablefix installed with Tools/install")
    func examples() throws {
        let folder = try Shell.folder("readme")
        let clone = folder.appendingPathComponent("clone"), prefix = folder.appendingPathComponent("prefix")
        let cloned = try Self.shell("git clone -q \"\(Fixtures.root.path)\" \"\(clone.path)\"", in: folder)
        try #require(cloned.status == 0, "\(cloned.output)")
        let build = CLITests.binary.deletingLastPathComponent().path
        let install = try Self.shell("Tools/install --prefix \"\(prefix.path)\" --from \"\(build)\"", in: clone)
        try #require(install.status == 0, "\(install.output)")
        let examples = Self.blocks("sh", in: try Self.readme).dropFirst()
        #expect(examples.count >= 2)
        for example in examples {
            let script = "set -eo pipefail\nexport PATH=\"\(prefix.path)/bin:$PATH\"\n" + example
            let result = try Self.shell(script, in: clone)
            #expect(result.status == 0, "\(example)\n\(result.output)")
        }
    }

    @Test("the contract in docs/spec is the project's, word for word")
    func contract() throws {
        let shared = Fixtures.root.deletingLastPathComponent().appendingPathComponent("shared/spec")
        let own = Fixtures.root.appendingPathComponent("docs/spec")
        let files = try FileManager.default.contentsOfDirectory(atPath: own.path).sorted()
        #expect(files == ["canonical-tables.md", "output.md"])
        let readme = try Self.readme
        #expect(readme.contains("(docs/spec/output.md)"))
        #expect(!readme.contains("../shared/spec"))
        guard FileManager.default.fileExists(atPath: shared.path) else { return }
        for file in files {
            #expect(
                try Data(contentsOf: own.appendingPathComponent(file))
                    == Data(contentsOf: shared.appendingPathComponent(file)), "\(file)")
        }
    }

    /// Runs `script` with bash in `folder`: its status and its output and errors together.
    static func shell(_ script: String, in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = folder
        let log = folder.appendingPathComponent("shell-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self))
    }
}
