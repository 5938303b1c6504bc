import Foundation
import Testing
import Tablefix
import TablefixTestSupport

/// The shared samples, end to end: every cell, status and text fix of their gold files.
@Suite("Shared samples against gold")
struct SampleTests {
    let repairer: Repairer

    init() throws { repairer = try Repairer() }

    func output(for file: URL, path: String? = nil) throws -> [String: Any] {
        let bytes = [UInt8](try Data(contentsOf: file))
        let repair = try repairer.repair(bytes: bytes, path: path ?? "Samples/shared/\(file.lastPathComponent)")
        return try JSONSerialization.jsonObject(with: Data(repair.jsonText.utf8)) as? [String: Any] ?? [:]
    }

    @Test("every gold cell, status and text fix is right", arguments: Fixtures.sharedSampleFiles)
    func matchesGold(sample: URL) throws {
        let output = try output(for: sample)
        let gold = try Fixtures.gold(for: sample)
        let comparison = GoldComparison(output: output, gold: gold)
        #expect(comparison.errors.isEmpty, "\(sample.lastPathComponent): \(comparison.errors.prefix(5))")
        #expect(output["year"] as? Int == gold["year"] as? Int)
        #expect(output["template"] as? String == gold["template"] as? String)
    }

    @Test("every cell given 0.9 or more is right", arguments: Fixtures.sharedSampleFiles)
    func highConfidenceIsRight(sample: URL) throws {
        let comparison = GoldComparison(output: try output(for: sample), gold: try Fixtures.gold(for: sample))
        #expect(comparison.highConfidence == comparison.highConfidenceRight)
    }

    @Test("the GB18030 encoding of a sample gives the same JSON as its UTF-8 form", arguments: Fixtures.sharedSampleFiles)
    func gb18030Equivalence(sample: URL) throws {
        let utf8 = try output(for: sample, path: "sample.txt")
        let gbBytes = try #require(Fixtures.gb18030(of: sample))
        let gbFile = FileManager.default.temporaryDirectory.appendingPathComponent("gb-\(UUID()).txt")
        try Data(gbBytes).write(to: gbFile)
        defer { try? FileManager.default.removeItem(at: gbFile) }
        var gb = try output(for: gbFile, path: "sample.txt")
        #expect(gb["encoding"] as? String == "gb18030")
        gb["encoding"] = utf8["encoding"]
        #expect(NSDictionary(dictionary: gb).isEqual(to: utf8))
    }

    /// Their tables are images; their overviews state what 表三 printed.
    @Test(
        "a sample whose tables are images gets the figures its prose states as inferred, with the sentence",
        arguments: [
            ("yanzhou-health-2022.txt", ["new.total": 0.0]),
            ("wendeng-health-2023.txt", ["new.total": 3.0, "total.total": 3.0]),
        ])
    func imageTablesInferredFromProse(name: String, inferred: [String: Double]) throws {
        let output = try output(for: Fixtures.sharedSamples.appendingPathComponent(name))
        let tables = try #require(output["tables"] as? [[String: Any]])
        let requests = try #require(tables.first { $0["id"] as? String == "requests" })
        #expect(requests["status"] as? String == "image")
        #expect(requests["confidence"] as? Double == 0)
        let cells = try #require(requests["cells"] as? [[String: Any]])
        #expect(Dictionary(uniqueKeysWithValues: cells.map { ($0["key"] as? String ?? "", $0["inferred"] as? Double) })
            == inferred)
        for cell in cells {
            #expect(cell["value"] is NSNull)
            #expect(cell["rule"] as? String == "narrative")
        }
        let checks = try #require(requests["checks"] as? [[String: Any]])
        #expect(checks.allSatisfy { $0["kind"] as? String == "narrative" && $0["sentence"] is String })
        #expect(tables.allSatisfy { table in
            (table["cells"] as? [[String: Any]] ?? []).allSatisfy { $0["value"] is NSNull }
        })
    }
}
