import Foundation
import Tablefix
import TablefixTestSupport
import Testing

/// `BatchRunner.stream`: one JSON line per file, no database.
@Suite("batch streaming")
struct BatchStreamTests {
    final class Lines: @unchecked Sendable {
        var lines: [String] = []
    }

    @Test("every file gives one JSON line: done with its object, failed with its error, linked with its hash")
    func lines() async throws {
        let folder = try BatchCorpus.temporaryFolder("batch-stream")
        let corpus = BatchCorpus.make(reports: 3, duplicates: 2)
        try corpus.write(to: folder)
        let output = Lines()
        let summary = await BatchRunner(repairer: try Repairer(), options: BatchOptions(jobs: 2))
            .stream(inputs: [folder.path]) { output.lines.append($0) }

        #expect(output.lines.count == corpus.files.count)
        #expect(output.lines.allSatisfy { $0.hasSuffix("\n") && $0.filter { $0 == "\n" }.count == 1 })
        let objects = try output.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let statuses = Dictionary(grouping: objects, by: { $0["status"] as? String ?? "" }).mapValues(\.count)
        #expect(statuses["done"] == corpus.readable)
        #expect(statuses["failed"] == corpus.broken + 1)
        #expect(statuses["linked"] == corpus.duplicates - 1)
        #expect(summary.done == corpus.readable)
        for object in objects where object["status"] as? String == "done" {
            #expect(object["tables"] is [Any])
            #expect((object["hash"] as? String)?.count == 64)
        }
        let empty = objects.first { ($0["source"] as? String)?.hasSuffix("broken/empty.txt") == true }
        #expect(empty?["error"] as? String == "\(folder.path)/broken/empty.txt: empty file")
    }
}
