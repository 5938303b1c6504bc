import Foundation
import Tablefix
import TablefixTestSupport
import Testing

/// The batch database keeps the narrative checks (schema v4) and gives them back.
@Suite("narrative checks in the batch database")
struct BatchNarrativeTests {
    /// The narrative checks of an output object, table by table.
    static func narrativeChecks(_ object: [String: Any]) -> [NSDictionary] {
        ((object["tables"] as? [[String: Any]]) ?? []).flatMap { table in
            ((table["checks"] as? [[String: Any]]) ?? []).filter { $0["kind"] as? String == "narrative" }
                .map { NSDictionary(dictionary: $0) }
        }
    }

    @Test("a JSONL export gives back each narrative check with its kind, sentence and line as repair printed it")
    func exportKeepsNarrativeChecks() async throws {
        let folder = try BatchCorpus.temporaryFolder("batch-narrative")
        for name in ["shanting-health-2021.txt", "wendeng-health-2023.txt"] {
            try FileManager.default.copyItem(
                at: Fixtures.sharedSamples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let database = folder.appendingPathComponent("out.db").path
        _ = try await BatchRunner(repairer: Repairer(), options: BatchOptions(jobs: 1)).run(
            inputs: [folder.path], into: database)
        var text = ""
        try BatchDatabase(path: database).export(.jsonl) { text += $0 }
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        let repairer = try Repairer()
        for line in lines {
            let exported = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let source = try #require(exported["source"] as? String)
            let repaired = try #require(
                try JSONSerialization.jsonObject(with: Data(try repairer.repair(path: source).jsonText.utf8))
                    as? [String: Any])
            let checks = Self.narrativeChecks(exported)
            #expect(!checks.isEmpty)
            #expect(checks == Self.narrativeChecks(repaired))
        }
    }
}
