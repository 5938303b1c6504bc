import Foundation
import TablefixTestSupport
import Testing

/// The loop the tool exists for, through the binary: batch, review, `review apply`, and
/// exports that carry what the reviewer decided.
@Suite("corrections reach the exports")
struct CorrectionLoopTests {
    static let sample = "Samples/shared/xigong-health-2022.txt"

    /// A database of the sample and a copy of it under another name, with `new.natural`
    /// corrected from 0 to 12.
    static func corrected(_ name: String) throws -> (folder: URL, database: String, corrections: String) {
        let folder = try Shell.folder(name)
        let copy = folder.appendingPathComponent("copy.txt").path
        try FileManager.default.copyItem(atPath: Fixtures.root.appendingPathComponent(sample).path, toPath: copy)
        let database = folder.appendingPathComponent("out.db").path
        let batch = try Shell.run(["batch", sample, copy, "-o", database, "-q", "--jobs", "1"])
        #expect(batch.status == 0, "\(batch.stderr)")
        let corrections = folder.appendingPathComponent("corrections.json").path
        try Data("""
            {"corrections": [{"source": "\(sample)", "table": "requests", "key": "new.natural",
              "action": "correct", "value": 12, "original": 0}]}
            """.utf8).write(to: URL(fileURLWithPath: corrections))
        let apply = try Shell.run(["review", "apply", corrections, "--db", database])
        #expect(apply.status == 0, "\(apply.stderr)")
        return (folder, database, corrections)
    }

    @Test("a correction applied with review apply is the value of export --format csv, with provenance reviewed")
    func wideCSV() throws {
        let (_, database, _) = try Self.corrected("loop-csv")
        let rows = CSVTable.records(from: try Shell.run(["export", database, "--format", "csv"]).stdout)
        let row = try #require(rows.first { $0["path"] == Self.sample })
        #expect(row["requests.new.natural"] == "12")
        #expect(row["provenance"] == "reviewed")
        #expect(row["machine_values"] == "requests.new.natural=0")
    }

    @Test("csv-long gives a reviewed cell its provenance and the machine's value beside it")
    func longCSV() throws {
        let (_, database, _) = try Self.corrected("loop-long")
        let rows = CSVTable.records(from: try Shell.run(["export", database, "--format", "csv-long"]).stdout)
        let cell = try #require(rows.first { $0["path"] == Self.sample && $0["key"] == "new.natural" })
        #expect(cell["value"] == "12")
        #expect(cell["provenance"] == "reviewed")
        #expect(cell["machine_value"] == "0")
        let other = try #require(rows.first { $0["path"] == Self.sample && $0["key"] == "new.commercial" })
        #expect(other["provenance"] == "machine")
    }

    @Test("jsonl gives a reviewed cell the reviewer's value, provenance reviewed and the machine's value")
    func jsonl() throws {
        let (_, database, _) = try Self.corrected("loop-jsonl")
        let lines = try Shell.run(["export", database, "--format", "jsonl"]).stdout.split(separator: "\n")
        let object = try #require(
            try lines.compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
                .first { $0["source"] as? String == Self.sample && $0["tables"] != nil })
        let requests = try #require((object["tables"] as? [[String: Any]])?.first { $0["id"] as? String == "requests" })
        let cell = try #require((requests["cells"] as? [[String: Any]])?.first { $0["key"] as? String == "new.natural" })
        #expect(cell["value"] as? Double == 12)
        #expect(cell["provenance"] as? String == "reviewed")
        #expect(cell["machine_value"] as? Double == 0)
    }

    @Test("--machine-values gives exactly what repair printed")
    func machineValues() throws {
        let (_, database, _) = try Self.corrected("loop-machine")
        let export = try Shell.run(["export", database, "--machine-values", "--status", "done"]).stdout
        let repaired = try Shell.run(["repair", Self.sample, Self.sample, "--format", "json"]).stdout
        let line = try #require(export.split(separator: "\n").first { $0.contains("\"source\": \"\(Self.sample)\"") })
        #expect(String(line) == repaired.split(separator: "\n").first.map(String.init))
    }

    @Test("a second apply changes nothing: same counts, same exports")
    func secondApply() throws {
        let (_, database, corrections) = try Self.corrected("loop-twice")
        let before = try Shell.run(["export", database, "--format", "csv-long"]).stdout
        let again = try Shell.run(["review", "apply", corrections, "--db", database])
        #expect(again.status == 0)
        #expect(again.stderr.contains(": 0 applied, 1 unchanged, 0 unknown"))
        #expect(try Shell.run(["export", database, "--format", "csv-long"]).stdout == before)
    }

    @Test("exports of linked duplicates name them: jsonl linked_to, a csv row with linked_to")
    func linkedDuplicates() throws {
        let (folder, database, _) = try Self.corrected("loop-linked")
        let copy = folder.appendingPathComponent("copy.txt").path
        let lines = try Shell.run(["export", database]).stdout.split(separator: "\n")
        let linked = try lines.compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["status"] as? String == "linked" }
        #expect(linked.map { $0["source"] as? String } == [copy])
        #expect(linked.first?["linked_to"] as? String == Self.sample)
        let rows = CSVTable.records(from: try Shell.run(["export", database, "--format", "csv"]).stdout)
        let row = try #require(rows.first { $0["path"] == copy })
        #expect(row["linked_to"] == Self.sample)
        #expect(row["requests.new.natural"] == "12")
    }

    @Test("a report made again after apply counts the reviewed cells and leaves them out of the queue")
    func regeneratedReport() throws {
        let (folder, database, _) = try Self.corrected("loop-report")
        let output = folder.appendingPathComponent("r.html").path
        let result = try Shell.run(["review", database, "-o", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("; 1 reviewed; "))
        let html = try String(contentsOfFile: output, encoding: .utf8)
        let index = try #require(
            try JSONSerialization.jsonObject(with: Data(try ReviewPage.text(html, id: "tf-index").utf8)) as? [String: Any])
        let strings = try #require(index["strings"] as? [String])
        let queue = try #require(index["queue"] as? [Any])
        let docs = try #require(index["docs"] as? [[String: Any]])
        let document = try #require(docs.firstIndex { $0["source"] as? String == Self.sample })
        let queued = stride(from: 0, to: queue.count, by: 5).filter { at in
            (queue[at] as? Int) == document && (queue[at + 2] as? Int).map { strings[$0] } == "new.natural"
        }
        #expect(queued.isEmpty)
        #expect(docs[document]["reviewed"] as? [String] == ["requests|new.natural"])
        #expect(docs[document]["duplicates"] as? [String] == [folder.appendingPathComponent("copy.txt").path])
    }
}
