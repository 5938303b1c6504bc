import Foundation
import Tablefix
import TablefixModel
import TablefixTestSupport
import TablefixStore
import TablefixReview
import TablefixOutput
import Testing

/// Checks across documents: what a body's report carries out of one year, its next
/// report must carry in.
@Suite("batch continuity")
struct BatchContinuityTests {
    static let columns = ["natural", "commercial", "research", "social", "legal", "other", "total"]

    /// A done record of a report whose `requests` table holds only the carried rows.
    static func record(_ path: String, body: String, year: Int, carriedIn: [String: Double?] = [:],
                       carriedOut: [String: Double?] = [:]) -> DocumentRecord {
        var cells: [ExtractedCell] = []
        for (row, values) in [("carried_in", carriedIn), ("carried_out", carriedOut)] {
            for column in columns {
                let value = values[column] ?? 0
                cells.append(ExtractedCell(
                    key: "\(row).\(column)", value: value, raw: value.map { String(Int($0)) } ?? "", confidence: 0.99,
                    rule: .labelRow, line: 1))
            }
        }
        let extraction = Extraction(
            template: "gov-disclosure-2021", templateConfidence: 1, body: body, year: year, confidence: 0.99,
            tables: [ExtractedTable(id: "requests", status: .present, confidence: 0.99, cells: cells)])
        let document = Document(source: Source(path: path, format: .text, encoding: "utf-8"), blocks: [])
        let json = RepairJSON().object(for: document, extraction: extraction).rendered(pretty: false)
        return DocumentRecord(
            path: path, hash: SHA256.hex(of: path), bytes: 1, format: "text",
            outcome: .done(document, extraction, json: json))
    }

    /// The relation the built-in templates declare.
    static let relations = [
        BatchStore.ContinuityRelation(
            template: "gov-disclosure-2021", table: "requests", row: "carried_in", previousYearRow: "carried_out"),
    ]

    @Test("each column of consecutive years is paired; a pair holds when carried out equals carried in")
    func pairs() throws {
        let folder = try BatchCorpus.temporaryFolder("batch-continuity")
        let store = try BatchStore(path: folder.appendingPathComponent("out.db").path)
        let run = try store.beginRun(command: "test")
        try store.write(Self.record("a-2022.txt", body: "甲局", year: 2022, carriedOut: ["natural": 2, "total": 2]), run: run)
        try store.write(
            Self.record("a-2023.txt", body: "甲局", year: 2023, carriedIn: ["natural": 2, "total": 3, "social": Double?.none]),
            run: run)
        try store.write(Self.record("a-2025.txt", body: "甲局", year: 2025), run: run)
        try store.write(Self.record("b-2022.txt", body: "乙局", year: 2022), run: run)
        let counts = try store.updateContinuity(Self.relations)

        let pairs = try store.continuity()
        #expect(counts.pairs == 7)
        #expect(counts.broken == 1)
        #expect(Set(pairs.map(\.column)) == Set(Self.columns))
        #expect(pairs.allSatisfy { $0.earlier == "a-2022.txt" && $0.later == "a-2023.txt" && $0.year == 2023 })
        let byColumn = Dictionary(uniqueKeysWithValues: pairs.map { ($0.column, $0) })
        #expect(byColumn["natural"]?.ok == true)
        #expect(byColumn["total"]?.ok == false)
        #expect(byColumn["total"]?.carriedOut == 2)
        #expect(byColumn["total"]?.carriedIn == 3)
        #expect(byColumn["social"]?.ok == nil)
    }

    @Test("a batch pairs a body's reports for consecutive years read from text")
    func fromText() async throws {
        let folder = try BatchCorpus.temporaryFolder("batch-continuity-text")
        let original = try String(
            contentsOf: Fixtures.sharedSamples.appendingPathComponent("xigong-health-2022.txt"), encoding: .utf8)
        // The next year's report: carries in 3 requests from natural persons, where the
        // 2022 report carried out none.
        let next = original.replacingOccurrences(of: "2022", with: "2023").replacingOccurrences(
            of: "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0", with: "二、上年结转政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3")
        try Data(original.utf8).write(to: folder.appendingPathComponent("xigong-2022.txt"))
        try Data(next.utf8).write(to: folder.appendingPathComponent("xigong-2023.txt"))
        let database = folder.appendingPathComponent("out.db").path
        let summary = try await BatchRunner(repairer: Repairer(), options: BatchOptions(jobs: 2)).run(
            inputs: [folder.path], into: database)

        #expect(summary.continuityPairs == 7)
        #expect(summary.continuityBroken == 2)
        let broken = try BatchStore(path: database).continuity().filter { $0.ok == false }.map(\.column)
        #expect(Set(broken) == ["natural", "total"])
    }
}
