import Foundation
import Tablefix
import TablefixTestSupport
import TablefixStore
import TablefixReview
import TablefixOutput
import Testing

/// `tablefix review --apply`: corrections written into a batch database with provenance
/// `reviewed`, the machine's values kept, applying twice a no-op; and the report of a
/// database.
@Suite("review corrections")
struct ReviewApplyTests {
    static let samples = ["xigong-health-2022.txt", "jinxiang-health-2023.txt"]

    /// A batch database of two samples, copied into a folder of their own.
    static func database(_ name: String) async throws -> (folder: URL, database: String) {
        let folder = try BatchCorpus.temporaryFolder(name)
        for sample in samples {
            try FileManager.default.copyItem(
                at: Fixtures.sharedSamples.appendingPathComponent(sample), to: folder.appendingPathComponent(sample))
        }
        let database = folder.appendingPathComponent("out.db").path
        let runner = BatchRunner(repairer: try Repairer(), options: BatchOptions(jobs: 1))
        _ = try await runner.run(inputs: samples.map { folder.appendingPathComponent($0).path }, into: database)
        return (folder, database)
    }

    static func write(_ corrections: [Correction], in folder: URL, name: String = "corrections.json") throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(Correction.file(corrections).utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Two decisions on the least sure cells of the first sample: a confirmation and a correction.
    static func decisions(_ store: BatchStore) throws -> [Correction] {
        let cells = try store.cells().filter { $0.path.hasSuffix(samples[0]) }.sorted { $0.confidence < $1.confidence }
        let confirmed = try #require(cells.first), corrected = try #require(cells.dropFirst().first)
        return [
            Correction(
                source: confirmed.path, documentHash: confirmed.hash, table: confirmed.table, key: confirmed.key,
                action: .confirm, value: confirmed.value, original: confirmed.value),
            Correction(
                source: corrected.path, documentHash: corrected.hash, table: corrected.table, key: corrected.key,
                action: .correct, value: 7, original: corrected.value),
        ]
    }

    @Test("corrections are applied with provenance reviewed, the machine's values kept; a second apply changes nothing")
    func roundTrip() async throws {
        let (folder, database) = try await Self.database("review-apply")
        let store = try BatchStore(path: database, create: false)
        let machine = try store.cells()
        let corrections = try Self.decisions(store)
        let file = try Self.write(corrections, in: folder)
        let reviewer = Reviewer(repairer: try Repairer())

        let first = try reviewer.apply(correctionsAt: file, to: database)
        #expect(first.description == "2 applied, 0 unchanged, 0 unknown")
        #expect(try store.cells() == machine)
        let reviews = try store.reviews()
        #expect(reviews.count == 2)
        #expect(reviews.allSatisfy { $0.provenance == "reviewed" })
        let corrected = try #require(reviews.first { $0.review.action == .correct })
        #expect(corrected.review.value == 7)
        #expect(corrected.review.original == corrections[1].original)
        let confirmed = try #require(reviews.first { $0.review.action == .confirm })
        #expect(confirmed.review.value == corrections[0].value)
        let view = try store.reviewedCells()
        let row = try #require(view.first { $0.key == corrections[1].key && $0.table == corrections[1].table
            && $0.path == corrections[1].source })
        #expect(row.value == 7 && row.provenance == "reviewed" && row.machineValue == corrections[1].original)
        #expect(view.filter { $0.provenance == "reviewed" }.count == 2)

        let second = try reviewer.apply(correctionsAt: file, to: database)
        #expect(second.description == "0 applied, 2 unchanged, 0 unknown")
        #expect(try store.reviews() == reviews)
        #expect(try store.cells() == machine)
    }

    @Test("a changed decision replaces the earlier one; the original stays the machine's value")
    func changedDecision() async throws {
        let (folder, database) = try await Self.database("review-change")
        let store = try BatchStore(path: database, create: false)
        var corrections = try Self.decisions(store)
        let reviewer = Reviewer(repairer: try Repairer())
        _ = try reviewer.apply(correctionsAt: try Self.write(corrections, in: folder), to: database)
        corrections[1].value = 8
        let again = try Self.write(corrections, in: folder, name: "again.json")
        let counts = try reviewer.apply(correctionsAt: again, to: database)
        #expect(counts.description == "1 applied, 1 unchanged, 0 unknown")
        let review = try #require(try store.reviews().first { $0.review.key == corrections[1].key })
        #expect(review.review.value == 8)
        #expect(review.review.original == corrections[1].original)
    }

    @Test("decisions about a document or cell the database lacks are counted unknown; a stale confirmation is refused")
    func unknown() async throws {
        let (folder, database) = try await Self.database("review-unknown")
        let store = try BatchStore(path: database, create: false)
        let cell = try #require(try store.cells().first { $0.value != nil })
        let corrections = [
            Correction(
                source: "elsewhere.txt", table: "requests", key: "new.natural", action: .correct, value: 1, original: 0),
            Correction(source: cell.path, table: cell.table, key: "no.such", action: .correct, value: 1, original: 0),
            Correction(
                source: cell.path, table: cell.table, key: cell.key, action: .confirm, value: (cell.value ?? 0) + 1,
                original: (cell.value ?? 0) + 1),
        ]
        let counts = try Reviewer(repairer: try Repairer()).apply(
            correctionsAt: try Self.write(corrections, in: folder), to: database)
        #expect(counts.description == "0 applied, 0 unchanged, 2 unknown, 1 conflicting")
        #expect(
            counts.problems.first == "correction 1 (elsewhere.txt requests new.natural): no such document in the database")
        #expect(
            counts.problems.dropFirst().first
                == "correction 2 (\(cell.path) \(cell.table) no.such): no such cell in the database")
        #expect(try store.reviews().isEmpty)
    }

    @Test("a decision without a hash finds its document by path")
    func byPath() async throws {
        let (folder, database) = try await Self.database("review-path")
        let store = try BatchStore(path: database, create: false)
        var corrections = try Self.decisions(store)
        for index in corrections.indices { corrections[index].documentHash = nil }
        let counts = try Reviewer(repairer: try Repairer()).apply(
            correctionsAt: try Self.write(corrections, in: folder), to: database)
        #expect(counts.applied == 2)
    }

    @Test("the report of a database shows earlier reviews and the inputs beside the cleaned text")
    func databaseReport() async throws {
        let (folder, database) = try await Self.database("review-db-report")
        let store = try BatchStore(path: database, create: false)
        let reviewer = Reviewer(repairer: try Repairer())
        _ = try reviewer.apply(correctionsAt: try Self.write(try Self.decisions(store), in: folder), to: database)
        try FileManager.default.removeItem(at: folder.appendingPathComponent(Self.samples[1]))
        let output = folder.appendingPathComponent("report.html").path
        let summary = try reviewer.writeReport(of: [database], to: output)
        #expect(summary.documents == 2)
        let html = try String(contentsOfFile: output, encoding: .utf8)
        let index = try #require(try ReviewReportTests.blob(html, id: "tf-index") as? [String: Any])
        let docs = try #require(index["docs"] as? [[String: Any]])
        // Documents come ordered by path: jinxiang (moved away) before xigong (reviewed).
        #expect(docs.map { ($0["source"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } }
                    == ["jinxiang-health-2023.txt", "xigong-health-2022.txt"])
        #expect((docs[1]["reviewed"] as? [String])?.count == 2)
        let moved = try #require(try ReviewReportTests.blob(html, id: "tf-doc-0") as? [String: Any])
        #expect(moved["lines"] is NSNull)
        #expect((moved["note"] as? String)?.hasPrefix("the input is no longer at ") == true)
        #expect(moved["text"] as? String != nil)
        let reviewed = try #require(try ReviewReportTests.blob(html, id: "tf-doc-1") as? [String: Any])
        #expect((reviewed["lines"] as? [String])?.isEmpty == false)
        #expect((reviewed["blocks"] as? [Any])?.isEmpty == false)
        #expect((reviewed["reviews"] as? [[Any]])?.count == 2)
    }

    @Test("a corrections file that is not what the report exports is refused with its cause", arguments: [
        ("[1, 2", "c.json: not a JSON object"),
        ("{\"fixes\": []}", "c.json: no \"corrections\" array"),
        ("{\"corrections\": [3]}", "c.json: correction 1: not an object"),
        ("{\"corrections\": [{\"source\": \"a\", \"table\": \"t\", \"key\": \"k\", \"action\": \"delete\"}]}",
         "c.json: correction 1: \"action\" must be \"confirm\" or \"correct\""),
        ("{\"corrections\": [{\"source\": \"a\", \"table\": \"t\", \"action\": \"confirm\"}]}",
         "c.json: correction 1: \"key\" must be a non-empty string"),
        ("{\"corrections\": [{\"source\": \"a\", \"table\": \"t\", \"key\": \"k\", \"action\": \"correct\", "
            + "\"value\": \"7\"}]}",
         "c.json: correction 1: \"value\" must be a number or null"),
        ("{\"corrections\": [{\"source\": \"a\", \"table\": \"t\", \"key\": \"k\", \"action\": \"correct\", "
            + "\"value\": true}]}",
         "c.json: correction 1: \"value\" must be a number or null"),
    ])
    func badFile(text: String, message: String) {
        do {
            _ = try Correction.corrections(from: Array(text.utf8), file: "c.json")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.code == .corrections)
            #expect(error.description.hasPrefix(message), "\(error.description)")
        }
    }

    @Test("a corrections file reads back as it was written")
    func fileRoundTrip() throws {
        let corrections = [
            Correction(
                source: "a.txt", documentHash: "ab", table: "requests", key: "new.natural", action: .correct,
                value: 12, original: nil),
            Correction(
                source: "b.txt", table: "review", key: "reconsideration.total", action: .confirm, value: nil,
                original: nil),
        ]
        let file = Array(Correction.file(corrections).utf8)
        #expect(try Correction.corrections(from: file, file: "c.json") == corrections)
    }
}
