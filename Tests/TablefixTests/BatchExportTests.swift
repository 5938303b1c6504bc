import Foundation
import Tablefix
import TablefixTestSupport
import TablefixStore
import TablefixReview
import TablefixOutput
import Testing

/// `export`: JSON lines and CSV carry exactly the cells the database holds.
@Suite("batch exports")
struct BatchExportTests {
    /// A database of a small corpus, built once for the suite.
    actor Corpus {
        static let shared = Corpus()
        private var building: Task<String, any Error>?

        func database() async throws -> String {
            let task = building ?? Task { try await Self.build() }
            building = task
            return try await task.value
        }

        private static func build() async throws -> String {
            let folder = try BatchCorpus.temporaryFolder("batch-export")
            var corpus = BatchCorpus.make(reports: 3, duplicates: 1)
            // A report with present tables, under a name that CSV must quote.
            let xigong = try Data(contentsOf: Fixtures.sharedSamples.appendingPathComponent("xigong-health-2022.txt"))
            corpus.files.append(BatchCorpus.File(name: "reports/xigong, \"2022\".txt", bytes: [UInt8](xigong)))
            try corpus.write(to: folder)
            let database = folder.appendingPathComponent("out.db").path
            _ = try await BatchRunner(repairer: Repairer(), options: BatchOptions(jobs: 2)).run(
                inputs: [folder.path], into: database)
            return database
        }
    }

    func export(_ format: BatchDatabase.ExportFormat) async throws -> String {
        let database = try BatchDatabase(path: try await Corpus.shared.database())
        var text = ""
        try database.export(format) { text += $0 }
        return text
    }

    func storedCells() async throws -> [BatchStore.StoredCell] {
        try BatchStore(path: try await Corpus.shared.database()).cells()
    }

    @Test("JSONL holds one object per done document, and its cells are the database's; linked paths name their document")
    func jsonl() async throws {
        let all = try await export(.jsonl).split(separator: "\n")
        let linked = all.filter { $0.hasPrefix("{\"source\"") && $0.contains("\"status\": \"linked\"") }
        let lines = all.filter { !linked.contains($0) }
        let links = try BatchStore(path: try await Corpus.shared.database()).paths().count
            - (try BatchStore(path: try await Corpus.shared.database()).documents().count)
        #expect(linked.count <= links)
        for line in linked {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["linked_to"] is String)
        }
        let documents = try BatchStore(path: try await Corpus.shared.database()).documents().filter { $0.status == "done" }
        #expect(lines.count == documents.count)
        var cells: [BatchStore.StoredCell] = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let path = try #require(object["source"] as? String)
            let hash = documents.first { $0.path == path }?.hash
            for table in (object["tables"] as? [[String: Any]]) ?? [] {
                for cell in (table["cells"] as? [[String: Any]]) ?? [] {
                    cells.append(BatchStore.StoredCell(
                        path: path, hash: hash, table: table["id"] as? String ?? "", key: cell["key"] as? String ?? "",
                        value: (cell["value"] as? NSNumber)?.doubleValue, raw: cell["raw"] as? String ?? "",
                        confidence: (cell["confidence"] as? NSNumber)?.doubleValue ?? -1,
                        inferred: (cell["inferred"] as? NSNumber)?.doubleValue, why: cell["why"] as? String,
                        rule: cell["rule"] as? String ?? "", line: (cell["line"] as? NSNumber)?.intValue ?? -1))
                }
            }
        }
        let stored = try await storedCells()
        #expect(!stored.isEmpty)
        #expect(cells == stored)
    }

    static func storedCell(_ record: [String: String]) -> BatchStore.StoredCell {
        let value = record["value"].flatMap(Double.init)
        let confidence = record["confidence"].flatMap(Double.init) ?? -1
        let why = record["why"].flatMap { $0.isEmpty ? nil : $0 }
        return BatchStore.StoredCell(
            path: record["path"] ?? "", hash: record["hash"], table: record["table"] ?? "", key: record["key"] ?? "",
            value: value, raw: record["raw"] ?? "", confidence: confidence,
            inferred: record["inferred"].flatMap(Double.init), why: why, rule: record["rule"] ?? "",
            line: record["line"].flatMap { Int($0) } ?? -1)
    }

    @Test("the long CSV has one row per cell, and its fields are the database's")
    func longCSV() async throws {
        let records = CSVTable.records(from: try await export(.csvLong))
        let cells = records.map(Self.storedCell)
        #expect(cells == (try await storedCells()))
    }

    @Test("the wide CSV has one row per document and one column per cell key, holding the values")
    func wideCSV() async throws {
        let rows = CSVTable.rows(from: try await export(.csv))
        let header = try #require(rows.first)
        #expect(Array(header.prefix(BatchStore.wideColumns.count)) == BatchStore.wideColumns)
        var values: [String: [String: Double?]] = [:]
        for row in rows.dropFirst() {
            #expect(row.count == header.count)
            var cells: [String: Double?] = [:]
            for (name, field) in zip(header, row).dropFirst(BatchStore.wideColumns.count) {
                cells.updateValue(Double(field), forKey: name)
            }
            values[row[0]] = cells
        }
        let stored = try await storedCells()
        #expect(Set(stored.map(\.path)).isSubset(of: Set(values.keys)))
        for cell in stored {
            #expect(values[cell.path]?[cell.table + "." + cell.key] == .some(cell.value), "\(cell.path) \(cell.key)")
        }
    }

    @Test("the failures CSV lists each failed file, and each path with the same bytes, with its error")
    func failuresCSV() async throws {
        let records = CSVTable.records(from: try await export(.failures))
        let store = try BatchStore(path: try await Corpus.shared.database())
        let failed = Set(try store.documents().filter { $0.status == "failed" }.compactMap(\.hash))
        let failedPaths = try store.paths().filter { _, hash in hash.map(failed.contains) ?? true }
        #expect(records.count == failedPaths.count)
        #expect(records.allSatisfy { ($0["error"] ?? "").hasPrefix(($0["path"] ?? "?") + ": ") })
    }

    @Test("a CSV field with a comma, a quote or a line break is quoted, its quotes doubled")
    func escaping() {
        #expect(CSVRow(["a", "b,c", "say \"hi\"", "two\nlines", nil]).line == "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n")
        #expect(CSVTable.rows(from: CSVRow(["b,c", "say \"hi\""]).line) == [["b,c", "say \"hi\""]])
    }

    @Test("exporting a missing database names it")
    func missingDatabase() {
        #expect(throws: StoreError(.missing, file: "no-such.db", reason: "no such file")) {
            try BatchDatabase(path: "no-such.db")
        }
    }
}
