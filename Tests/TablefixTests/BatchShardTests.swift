import Foundation
import Tablefix
import TablefixTestSupport
import TablefixStore
import TablefixReview
import TablefixOutput
import Testing

/// `--shard K/N` and `merge`: a batch split over machines and put back together.
@Suite("batch shards")
struct BatchShardTests {
    @Test("a shard is read from K/N, and anything else is refused", arguments: [
        ("1/1", "1/1"), ("2/4", "2/4"), ("0/2", nil), ("3/2", nil), ("2", nil), ("a/b", nil), ("1/0", nil),
    ] as [(String, String?)])
    func parsing(text: String, parsed: String?) {
        #expect(BatchShard(text)?.description == parsed)
    }

    @Test("the shards of N partition the paths: each path is in exactly one")
    func partition() throws {
        let paths = (0..<500).map { "crawl/site-\($0 % 7)/report-\($0).txt" }
        let shards = (1...3).compactMap { BatchShard(index: $0, count: 3) }
        for path in paths {
            #expect(shards.filter { $0.contains(path: path) }.count == 1, "\(path)")
        }
        // Stable: the rule is the path's SHA-256, so every machine agrees.
        #expect(BatchShard("1/3")?.contains(path: "a.txt") == BatchShard("1/3")?.contains(path: "a.txt"))
        let sizes = shards.map { shard in paths.filter { shard.contains(path: $0) }.count }
        #expect(sizes.allSatisfy { $0 > 100 }, "\(sizes)")
    }

    @Test("sharded runs merged equal a single run: documents, cells, links, continuity")
    func mergedEqualsSingle() async throws {
        let folder = try BatchCorpus.temporaryFolder("batch-shards")
        let corpus = BatchCorpus.make(reports: 8, duplicates: 5)
        try corpus.write(to: folder.appendingPathComponent("in"))
        let input = folder.appendingPathComponent("in").path
        let repairer = try Repairer()

        let single = folder.appendingPathComponent("single.db").path
        _ = try await BatchRunner(repairer: repairer, options: BatchOptions(jobs: 2)).run(inputs: [input], into: single)
        var shards: [String] = []
        for index in 1...3 {
            let shard = folder.appendingPathComponent("shard-\(index).db").path
            let options = BatchOptions(jobs: 2, shard: BatchShard(index: index, count: 3))
            _ = try await BatchRunner(repairer: repairer, options: options).run(inputs: [input], into: shard)
            shards.append(shard)
        }
        let merged = folder.appendingPathComponent("merged.db").path
        let added = try BatchDatabase(path: merged, create: true).merge(shards)

        let one = try BatchStore(path: single), all = try BatchStore(path: merged)
        #expect(added.reduce(0, +) >= corpus.readable + corpus.broken)
        #expect(try all.documents() == one.documents())
        #expect(try all.cells() == one.cells())
        #expect(try all.paths() == one.paths())
        #expect(try all.continuity() == one.continuity())
    }

    @Test("merging the same shard twice changes nothing")
    func mergeIsIdempotent() async throws {
        let folder = try BatchCorpus.temporaryFolder("batch-merge-twice")
        let corpus = BatchCorpus.make(reports: 3, duplicates: 2)
        try corpus.write(to: folder.appendingPathComponent("in"))
        let shard = folder.appendingPathComponent("shard.db").path
        _ = try await BatchRunner(repairer: try Repairer(), options: BatchOptions(jobs: 2))
            .run(inputs: [folder.appendingPathComponent("in").path], into: shard)
        let merged = folder.appendingPathComponent("merged.db").path
        let database = try BatchDatabase(path: merged, create: true)
        try database.merge([shard])
        let once = try BatchStore(path: merged)
        let documents = try once.documents(), paths = try once.paths()
        try database.merge([shard])

        #expect(try once.documents() == documents)
        #expect(try once.paths() == paths)
    }

    @Test("merging a file that is not a batch database names it")
    func mergeRefusesJunk() throws {
        let folder = try BatchCorpus.temporaryFolder("batch-merge-junk")
        let junk = folder.appendingPathComponent("junk.db")
        try Data(repeating: 0x41, count: 4096).write(to: junk)
        let database = try BatchDatabase(path: folder.appendingPathComponent("out.db").path, create: true)
        #expect(throws: StoreError.self) { try database.merge([junk.path]) }
        do {
            try database.merge([junk.path])
        } catch {
            #expect(error.description.hasPrefix("\(junk.path): not a SQLite database"))
        }
    }
}
