import Foundation
import Tablefix
import TablefixModel
import TablefixTestSupport
import TablefixStore
import TablefixReview
import TablefixOutput
import Synchronization
import Testing

/// The batch database itself: what it refuses, and that a document is written whole.
@Suite("batch database")
struct BatchStoreTests {
    @Test("a file that is not a SQLite database is refused with its cause")
    func notADatabase() throws {
        let folder = try BatchCorpus.temporaryFolder("batch-store-junk")
        let junk = folder.appendingPathComponent("junk.db")
        try Data(repeating: 0x41, count: 4096).write(to: junk)
        #expect(throws: StoreError(.notADatabase, file: junk.path, reason: "not a SQLite database (file is not a database)")) {
            try BatchStore(path: junk.path)
        }
    }

    @Test("a SQLite database that tablefix did not write is refused")
    func foreignDatabase() throws {
        let folder = try BatchCorpus.temporaryFolder("batch-store-foreign")
        let path = folder.appendingPathComponent("other.db").path
        let store = try BatchStore(path: path)
        try store.dropMigrationsForTesting()
        #expect(throws: StoreError(.notADatabase, file: path, reason: "not a tablefix batch database")) {
            try BatchStore(path: path)
        }
    }

    @Test("a database written by a newer tablefix is refused, not damaged")
    func newerSchema() throws {
        let folder = try BatchCorpus.temporaryFolder("batch-store-newer")
        let path = folder.appendingPathComponent("newer.db").path
        try BatchStore(path: path).recordMigrationForTesting("v99")
        #expect(throws: StoreError(.newerSchema, file: path, reason: "written by a newer tablefix (unknown schema version)")) {
            try BatchStore(path: path)
        }
    }

    @Test("openers of a new database at the same moment all open it: none fails on its log switch or on a table another just made")
    func concurrentOpeners() throws {
        let folder = try BatchCorpus.temporaryFolder("batch-store-openers")
        for round in 0..<20 {
            let path = folder.appendingPathComponent("new-\(round).db").path
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do {
                    _ = try BatchStore(path: path)
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [])
        }
    }

    @Test("a document whose write fails leaves no trace: no document row, no cells, no attempt")
    func wholeOrNothing() throws {
        let folder = try BatchCorpus.temporaryFolder("batch-store-atomic")
        let store = try BatchStore(path: folder.appendingPathComponent("out.db").path)
        let run = try store.beginRun(command: "test")
        // Two cells with one key break the cells table's primary key halfway through.
        let cell = ExtractedCell(key: "new.natural", value: 1, raw: "1", confidence: 0.9, rule: .labelRow, line: 3)
        let extraction = Extraction(
            template: "gov-disclosure-2021", templateConfidence: 1, body: "甲局", year: 2023, confidence: 0.9,
            tables: [ExtractedTable(id: "requests", status: .present, confidence: 0.9, cells: [cell, cell])])
        let document = Document(source: Source(path: "a.txt", format: .text, encoding: "utf-8"), blocks: [])
        let record = DocumentRecord(
            path: "a.txt", hash: SHA256.hex(of: "a"), bytes: 1, format: "text", outcome: .done(document, extraction, json: "{}"))

        #expect(throws: StoreError.self) { try store.write(record, run: run) }
        #expect(try store.documentCount() == 0)
        #expect(try store.cells().isEmpty)
        #expect(try store.attempts().isEmpty)
        #expect(try store.runCounts() == [BatchStore.RunCounts()])
    }
}
