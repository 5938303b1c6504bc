import Foundation
import TablefixTestSupport
import TablefixStore
import TablefixReview
import TablefixOutput
import Testing

/// `tablefix batch`, `export` and `merge` as a user runs them: the built binary, its
/// output, its exit status, and what it leaves in the database.
@Suite("tablefix batch, export and merge")
struct BatchCommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func start(_ arguments: [String], stdin: Pipe? = nil) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin { process.standardInput = stdin }
        try process.run()
        return (process, out, err)
    }

    func run(_ arguments: [String], input: String? = nil) throws -> Run {
        let stdin = input.map { _ in Pipe() }
        let (process, out, err) = try start(arguments, stdin: stdin)
        if let stdin, let input {
            try stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("a batch killed with SIGKILL midway and restarted holds every document once, none repaired twice")
    func killAndResume() throws {
        let folder = try BatchCorpus.temporaryFolder("cli-kill")
        let corpus = BatchCorpus.make(reports: 1000, duplicates: 20)
        let archive = folder.appendingPathComponent("crawl.zip")
        try corpus.writeZip(to: archive)
        let database = folder.appendingPathComponent("out.db").path
        let arguments = ["batch", archive.path, "--out", database, "--jobs", "2", "--quiet"]

        // Kill the first run once a tenth of the reports are in the database: early enough that
        // it is still running on a fast machine.
        let (first, _, firstErrors) = try start(arguments)
        var committed = 0
        var watcher: BatchStore?
        let deadline = Date().addingTimeInterval(300)
        while first.isRunning, committed < corpus.readable / 10, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
            if watcher == nil, FileManager.default.fileExists(atPath: database) {
                watcher = try? BatchStore(path: database)
            }
            committed = (try? watcher?.documentCount()) ?? 0
        }
        guard first.isRunning else {
            let errors = String(decoding: firstErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            Issue.record("the batch ended (status \(first.terminationStatus), \(committed) documents seen) before it could be killed: \(errors)")
            return
        }
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(first.terminationReason == .uncaughtSignal)

        let store = try BatchStore(path: database)
        let finishedFirst = Set(try store.attempts().filter { $0.run == 1 && $0.status != "started" }.compactMap(\.hash))
        #expect(finishedFirst.count >= corpus.readable / 10)
        #expect(finishedFirst.count < corpus.readable)

        let second = try run(arguments)
        #expect(second.status == 2)  // the corpus's broken files

        // Every file is in the database exactly once: a document of its own or a link.
        let paths = try store.pathCounts()
        #expect(Set(paths.keys) == Set(corpus.files.map { archive.path + "!/" + $0.name }))
        #expect(paths.values.allSatisfy { $0 == 1 })
        #expect(try store.documentCount() == corpus.readable + corpus.broken)
        // No content was repaired to the end twice, and the second run did not even start
        // one that the first had finished.
        let attempts = try store.attempts()
        let finished = attempts.filter { $0.status != "started" }
        #expect(Set(finished.compactMap(\.hash)).count == finished.count)
        let startedSecond = Set(attempts.filter { $0.run == 2 }.compactMap(\.hash))
        #expect(startedSecond.isDisjoint(with: finishedFirst))
        #expect(startedSecond.count == corpus.readable + corpus.broken - finishedFirst.count)
        let runs = try store.runCounts()
        #expect(runs.count == 2)
        #expect(runs.map(\.done).reduce(0, +) == corpus.readable)
    }

    @Test("a batch prints its summary and exits 2 when a file failed; --allow-failures exits 0")
    func exitStatus() throws {
        let folder = try BatchCorpus.temporaryFolder("cli-status")
        try BatchCorpus.make(reports: 2).write(to: folder.appendingPathComponent("in"))
        let input = folder.appendingPathComponent("in").path
        let database = folder.appendingPathComponent("out.db").path

        let failing = try run(["batch", input, "--out", database])
        #expect(failing.status == 2)
        #expect(failing.stdout.isEmpty)
        #expect(failing.stderr.contains("tablefix: 6 files in "))
        #expect(failing.stderr.contains(": 3 done, 0 skipped, 0 linked, 3 failed ("))
        #expect(failing.stderr.contains(
            "tablefix: 3 files failed; list them with: tablefix export \(database) --format failures\n"))

        let allowed = try run(["batch", input, "--out", database, "--allow-failures", "--quiet"])
        #expect(allowed.status == 0)
        #expect(allowed.stderr.isEmpty)
    }

    @Test("batch --stdin --jsonl reads paths from standard input and prints one JSON line per file")
    func streaming() throws {
        let folder = try BatchCorpus.temporaryFolder("cli-stream")
        let corpus = BatchCorpus.make(reports: 2, duplicates: 1, hostile: false)
        try corpus.write(to: folder)
        let paths = corpus.files.map { folder.path + "/" + $0.name }
        let result = try run(["batch", "--stdin", "--jsonl", "--quiet"], input: paths.joined(separator: "\n") + "\n")

        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == paths.count)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(Set(objects.compactMap { $0["source"] as? String }) == Set(paths))
        #expect(objects.filter { $0["status"] as? String == "done" }.count == corpus.readable)
        #expect(objects.filter { $0["status"] as? String == "linked" }.count == corpus.duplicates)
    }

    @Test("export -o writes the wide CSV: a header, then one row per document")
    func exportCSV() throws {
        let folder = try BatchCorpus.temporaryFolder("cli-export")
        try BatchCorpus.make(reports: 2, hostile: false).write(to: folder.appendingPathComponent("in"))
        let database = folder.appendingPathComponent("out.db").path
        #expect(try run(["batch", folder.appendingPathComponent("in").path, "--out", database, "-q"]).status == 0)
        let csv = folder.appendingPathComponent("out.csv").path
        let result = try run(["export", database, "--format", "csv", "-o", csv])

        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let rows = CSVTable.rows(from: try String(contentsOfFile: csv, encoding: .utf8))
        #expect(rows.count == 1 + 3)
        #expect(rows.first?.prefix(4) == ["path", "hash", "linked_to", "format"])
    }

    @Test("merge combines shard databases and reports what it added")
    func merge() throws {
        let folder = try BatchCorpus.temporaryFolder("cli-merge")
        try BatchCorpus.make(reports: 3, hostile: false).write(to: folder.appendingPathComponent("in"))
        let input = folder.appendingPathComponent("in").path
        var shards: [String] = []
        for index in 1...2 {
            let shard = folder.appendingPathComponent("shard-\(index).db").path
            #expect(try run(["batch", input, "--out", shard, "--shard", "\(index)/2", "-q"]).status == 0)
            shards.append(shard)
        }
        let merged = folder.appendingPathComponent("all.db").path
        let result = try run(["merge", merged] + shards)

        #expect(result.status == 0)
        #expect(result.stderr == "tablefix: merged 2 databases into \(merged): 4 documents added\n")
        #expect(try BatchStore(path: merged).documentCount() == 4)
    }

    @Test("bad flag combinations are refused with one line naming the problem", arguments: [
        (["batch", "in"], "Error: -o DB is required (or --jsonl to write lines to standard output)"),
        (["batch", "--out", "x.db"], "Error: no input: give files, folders or .zip archives, or --stdin"),
        (["batch", "in", "--stdin", "--jsonl"], "Error: give inputs as arguments or on standard input (--stdin), not both"),
        (["batch", "in", "--out", "x.db", "--jsonl"], "Error: -o and --jsonl exclude each other"),
        (["batch", "in", "--out", "x.db", "--jobs", "0"], "Error: --jobs must be at least 1"),
        (["batch", "in", "--out", "x.db", "--shard", "3/2"], "Error: The value '3/2' is invalid for '--shard <K/N>': give K/N with 1 ≤ K ≤ N, e.g. 2/4"),
        (["export", "x.db", "--format", "xml"],
         "Error: The value 'xml' is invalid for '--format <format>'. Please provide one of the following:\n  - jsonl\n  - csv\n  - csv-long\n  - tsv\n  - continuity\n  - failures"),
        (["export", "x.db", "--failures", "--status", "done"], "Error: --failures is --status failed"),
        (["merge", "x.db", "./x.db"], "Error: x.db: cannot merge a database into itself"),
    ])
    func badFlags(arguments: [String], message: String) throws {
        let result = try run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix(message + "\n"), "\(result.stderr)")
    }

    @Test("exporting a missing database is one line naming it")
    func missingDatabase() throws {
        let result = try run(["export", "no-such.db"])
        #expect(result.status == 1)
        #expect(result.stderr == "tablefix: error: no-such.db: no such file\n")
    }

    @Test("help names the batch options")
    func help() throws {
        let result = try run(["batch", "--help"])
        #expect(result.status == 0)
        for option in ["--out", "--jobs", "--shard", "--stdin", "--jsonl", "--force", "--retry-failed", "--quiet"] {
            #expect(result.stdout.contains(option), "\(option)")
        }
    }
}
