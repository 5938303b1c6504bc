import Foundation
import GRDB
import TablefixTestSupport
import Testing

/// Batches as a user runs them again and again, through the binary: bounded standard
/// input, one batch at a time, read-only databases, changed inputs, idempotent merges,
/// duplicates named.
@Suite("batch bookkeeping")
struct BatchBookkeepingTests {
    static let sample = "Samples/shared/xigong-health-2022.txt"
    static let other = "Samples/shared/jinxiang-health-2023.txt"

    @Test("batch --stdin skips a line too long to be a path, says so, and exits 2; the other paths are done")
    func longLine() throws {
        let input = Self.sample + "\n" + String(repeating: "x", count: 100_000) + "\n" + Self.other + "\n"
        let result = try Shell.run(["batch", "--stdin", "--jsonl", "-q"], stdin: Data(input.utf8))
        #expect(result.status == 2)
        #expect(result.stderr == "tablefix: error: standard input: line 2 is longer than 16384 bytes: not a path; skipped\n")
        #expect(result.stdout.split(separator: "\n").count == 2)
    }

    @Test("batch --stdin that cannot read its input is an error, not the end of the input")
    func unreadableInput() throws {
        let folder = try Shell.folder("stdin-folder")
        let result = try Shell.run(["batch", "--stdin", "--jsonl", "-q"], stdinPath: folder.path)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("tablefix: error: standard input: cannot be read (is a directory)"))
    }

    @Test("batch --jsonl names the file a copy duplicates")
    func linkedNamesItsFile() throws {
        let folder = try Shell.folder("jsonl-linked")
        let copy = folder.appendingPathComponent("copy.txt").path
        try FileManager.default.copyItem(atPath: Fixtures.root.appendingPathComponent(Self.sample).path, toPath: copy)
        let result = try Shell.run(["batch", Self.sample, copy, "--jsonl", "-q", "--jobs", "1"])
        let objects = try result.stdout.split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let linked = try #require(objects.first { $0["status"] as? String == "linked" })
        #expect(linked["source"] as? String == copy)
        #expect(linked["linked_to"] as? String == Self.sample)
    }

    @Test("a second batch on a database another batch is writing is refused, naming it")
    func lock() throws {
        let folder = try Shell.folder("lock")
        let database = folder.appendingPathComponent("b.db").path
        #expect(try Shell.run(["batch", Self.sample, "-o", database, "-q"]).status == 0)
        // This test process stands for a batch that runs.
        let pid = ProcessInfo.processInfo.processIdentifier
        let queue = try DatabaseQueue(path: database)
        try queue.write { db in
            try db.execute(
                sql: "INSERT INTO batch_lock (id, pid, host, started_at) VALUES (1, ?, ?, '2026-01-01T00:00:00Z')",
                arguments: [pid, ProcessInfo.processInfo.hostName])
        }
        let refused = try Shell.run(["batch", Self.other, "-o", database, "-q"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("another batch (process \(pid) on "))
        // A lock whose process is gone is taken over.
        try queue.write { db in try db.execute(sql: "UPDATE batch_lock SET pid = 999999999") }
        #expect(try Shell.run(["batch", Self.other, "-o", database, "-q"]).status == 0)
    }

    @Test("a file whose content changed replaces its old row")
    func changedInput() throws {
        let folder = try Shell.folder("changed")
        let file = folder.appendingPathComponent("report.txt")
        let database = folder.appendingPathComponent("b.db").path
        try Data(contentsOf: Fixtures.root.appendingPathComponent(Self.sample)).write(to: file)
        #expect(try Shell.run(["batch", file.path, "-o", database, "-q"]).status == 0)
        try Data(contentsOf: Fixtures.root.appendingPathComponent(Self.other)).write(to: file)
        #expect(try Shell.run(["batch", file.path, "-o", database, "-q"]).status == 0)
        let rows = CSVTable.records(from: try Shell.run(["export", database, "--format", "csv"]).stdout)
        #expect(rows.map { $0["path"] } == [file.path])
        #expect(rows.first?["body"] == "金乡县卫生健康局")
    }

    @Test("merging the same shards again adds nothing and says so")
    func idempotentMerge() throws {
        let folder = try Shell.folder("merge-again")
        var shards: [String] = []
        for part in 1...2 {
            let shard = folder.appendingPathComponent("s\(part).db").path
            #expect(try Shell.run(["batch", Self.sample, Self.other, "-o", shard, "--shard", "\(part)/2", "-q"]).status == 0)
            shards.append(shard)
        }
        let all = folder.appendingPathComponent("all.db").path
        let first = try Shell.run(["merge", "-o", all] + shards)
        #expect(first.stderr.hasSuffix(": 2 documents added\n"))
        let before = try Shell.run(["export", all, "--format", "csv-long"]).stdout
        let again = try Shell.run(["merge", "-o", all] + shards)
        #expect(again.stderr.hasSuffix(": 0 documents added\n"))
        #expect(try Shell.run(["export", all, "--format", "csv-long"]).stdout == before)
        let runs = try DatabaseQueue(path: all).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM runs") }
        #expect(runs == 2)
    }

    @Test("export and review read a database its user may not write", .enabled(if: getuid() == 0))
    func readOnly() throws {
        let folder = try Shell.folder("read-only")
        let database = folder.appendingPathComponent("b.db").path
        #expect(try Shell.run(["batch", Self.sample, "-o", database, "-q"]).status == 0)
        // Another user (nobody) may read the folder and the file, and write neither.
        let binary = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: binary, withIntermediateDirectories: true)
        let build = CLITests.binary.deletingLastPathComponent()
        try FileManager.default.copyItem(at: CLITests.binary, to: binary.appendingPathComponent("tablefix"))
        for bundle in try FileManager.default.contentsOfDirectory(atPath: build.path) where bundle.hasSuffix(".resources") {
            try FileManager.default.copyItem(at: build.appendingPathComponent(bundle), to: binary.appendingPathComponent(bundle))
        }
        for path in [folder.path, binary.path] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o755], ofItemAtPath: folder.deletingLastPathComponent().path)
        func asNobody(_ arguments: [String]) throws -> Shell.Run {
            try Shell.run(["-u", "nobody", "--", binary.appendingPathComponent("tablefix").path] + arguments,
                          executable: "/usr/sbin/runuser")
        }
        let export = try asNobody(["export", database, "--format", "csv"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(CSVTable.records(from: export.stdout).count == 1)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: out.path)
        let report = try asNobody(["review", database, "-o", out.appendingPathComponent("r.html").path, "-q"])
        #expect(report.status == 0, "\(report.stderr)")
    }
}
