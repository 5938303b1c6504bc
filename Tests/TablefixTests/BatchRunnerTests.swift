import Foundation
import Tablefix
import TablefixTestSupport
import TablefixStore
import TablefixReview
import TablefixOutput
import Testing

/// `BatchRunner` into a database: what it writes, what it skips, what it records.
@Suite("batch runs")
struct BatchRunnerTests {
    static func runner(_ options: BatchOptions = BatchOptions(jobs: 2)) throws -> BatchRunner {
        BatchRunner(repairer: try Repairer(), options: options)
    }

    @Test("a folder is cleaned into the database: one document per distinct content, every path recorded")
    func folder() async throws {
        let folder = try BatchCorpus.temporaryFolder("batch-folder")
        let corpus = BatchCorpus.make(reports: 6, duplicates: 3)
        try corpus.write(to: folder)
        let database = folder.appendingPathComponent("out.db").path
        let summary = try await Self.runner().run(inputs: [folder.path], into: database)

        #expect(summary.total == corpus.files.count)
        #expect(summary.done == corpus.readable)
        #expect(summary.failed == corpus.broken + 1)  // the empty file's copy fails too
        #expect(summary.linked == corpus.duplicates - 1)
        let store = try BatchStore(path: database, create: false)
        #expect(try store.documentCount(status: "done") == corpus.readable)
        #expect(try store.documentCount(status: "failed") == corpus.broken)
        let paths = try store.pathCounts()
        #expect(paths.count == corpus.files.count)
        #expect(paths.values.allSatisfy { $0 == 1 })
        #expect(Set(paths.keys) == Set(corpus.files.map { folder.path + "/" + $0.name }))
    }

    @Test("a rerun repairs nothing: every file is skipped or, if it failed, counted failed again")
    func rerun() async throws {
        let folder = try BatchCorpus.temporaryFolder("batch-rerun")
        let corpus = BatchCorpus.make(reports: 4, duplicates: 2)
        try corpus.write(to: folder)
        let database = folder.appendingPathComponent("out.db").path
        let first = try await Self.runner().run(inputs: [folder.path], into: database)
        let attempts = try BatchStore(path: database).attempts().count
        let second = try await Self.runner().run(inputs: [folder.path], into: database)

        #expect(second.done == 0)
        #expect(second.skipped == first.done + first.linked)
        #expect(second.failed == first.failed)
        #expect(try BatchStore(path: database).attempts().count == attempts)
    }

    @Test("--force repairs every distinct content again, in place")
    func force() async throws {
        let folder = try BatchCorpus.temporaryFolder("batch-force")
        let corpus = BatchCorpus.make(reports: 3, duplicates: 1, hostile: false)
        try corpus.write(to: folder)
        let database = folder.appendingPathComponent("out.db").path
        _ = try await Self.runner().run(inputs: [folder.path], into: database)
        let forced = try await Self.runner(BatchOptions(jobs: 2, force: true)).run(inputs: [folder.path], into: database)

        #expect(forced.done == corpus.readable)
        #expect(forced.linked == corpus.duplicates)
        let store = try BatchStore(path: database)
        #expect(try store.documentCount() == corpus.readable)
        let perHash = Dictionary(grouping: try store.attempts(), by: \.hash).mapValues(\.count)
        #expect(perHash.values.allSatisfy { $0 == 2 })
    }

    @Test("the batch's own database, inside an input folder, is not taken for an input")
    func ownDatabase() async throws {
        let folder = try BatchCorpus.temporaryFolder("batch-own-database")
        try BatchCorpus.make(reports: 1, hostile: false).write(to: folder)
        let database = folder.appendingPathComponent("out.db").path
        _ = try await Self.runner().run(inputs: [folder.path], into: database)
        let again = try await Self.runner().run(inputs: [folder.path], into: database)

        #expect(again.total == 2)
        #expect(again.skipped == 2)
    }

    @Test("a file that cannot be read is recorded with its cause, and the batch goes on")
    func failures() async throws {
        let folder = try BatchCorpus.temporaryFolder("batch-failures")
        let corpus = BatchCorpus.make(reports: 2)
        try corpus.write(to: folder)
        let database = folder.appendingPathComponent("out.db").path
        let missing = folder.appendingPathComponent("missing.txt").path
        let summary = try await Self.runner().run(inputs: [folder.path, missing], into: database)

        #expect(summary.done == corpus.readable)
        #expect(summary.failed == corpus.broken + 1)
        let errors = Dictionary(
            uniqueKeysWithValues: try BatchStore(path: database).documents().filter { $0.status == "failed" }
                .map { ($0.path, $0.error ?? "") })
        #expect(errors[missing] == "\(missing): no such file")
        #expect(errors[folder.path + "/broken/empty.txt"] == "\(folder.path)/broken/empty.txt: empty file")
        #expect(errors[folder.path + "/broken/junk.bin"]
            == "\(folder.path)/broken/junk.bin: binary data, not a text, HTML, DOCX, PDF or picture document")
        #expect(errors[folder.path + "/broken/bad-utf8.txt"]
            == "\(folder.path)/broken/bad-utf8.txt: not valid UTF-8, UTF-16 or GB18030 text")
    }

    @Test("a file whose repair passes the time limit is recorded as failed with the cause, and the batch goes on")
    func timeLimit() async throws {
        let folder = try BatchCorpus.temporaryFolder("batch-time-limit")
        let corpus = BatchCorpus.make(reports: 2, hostile: false)
        try corpus.write(to: folder)
        let database = folder.appendingPathComponent("out.db").path
        let summary = try await Self.runner(BatchOptions(jobs: 2, timeLimit: .zero)).run(inputs: [folder.path], into: database)

        #expect(summary.failed == corpus.files.count)
        let errors = try BatchStore(path: database).documents().map { $0.error ?? "" }
        #expect(errors.count == corpus.files.count)
        #expect(errors.allSatisfy { $0.hasSuffix(": its repair took longer than 0 s, the time limit for one document") })
    }

    @Test("identical files under different paths are repaired once and linked to one document")
    func duplicates() async throws {
        let folder = try BatchCorpus.temporaryFolder("batch-duplicates")
        let corpus = BatchCorpus.make(reports: 3, duplicates: 4, hostile: false)
        try corpus.write(to: folder)
        let database = folder.appendingPathComponent("out.db").path
        _ = try await Self.runner().run(inputs: [folder.path], into: database)

        let store = try BatchStore(path: database)
        let attempts = try store.attempts()
        #expect(Set(attempts.map(\.hash)).count == attempts.count)
        let paths = try store.paths()
        let copy = folder.path + "/copies/c001.txt", original = folder.path + "/reports/r0001.txt"
        #expect(paths[copy] != nil)
        #expect(paths[copy] == paths[original])
        // The path met first (in byte order) names the document; the other links to it.
        let documents = try store.documents().map(\.path)
        #expect(documents.contains(copy))
        #expect(!documents.contains(original))
    }

    @Test("a zip archive is read entry by entry; entries are named ARCHIVE!/ENTRY")
    func zipArchive() async throws {
        let folder = try BatchCorpus.temporaryFolder("batch-zip")
        let corpus = BatchCorpus.make(reports: 4, duplicates: 2)
        let archive = folder.appendingPathComponent("crawl.zip")
        try corpus.writeZip(to: archive)
        let database = folder.appendingPathComponent("out.db").path
        let summary = try await Self.runner().run(inputs: [archive.path], into: database)

        #expect(summary.total == corpus.files.count)
        #expect(summary.done == corpus.readable)
        let paths = try BatchStore(path: database).paths()
        #expect(Set(paths.keys) == Set(corpus.files.map { archive.path + "!/" + $0.name }))
    }

    @Test("a corrupt zip archive is recorded as a failure naming it")
    func corruptZip() async throws {
        let folder = try BatchCorpus.temporaryFolder("batch-corrupt-zip")
        let archive = folder.appendingPathComponent("truncated.zip")
        try Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]).write(to: archive)
        let database = folder.appendingPathComponent("out.db").path
        let summary = try await Self.runner().run(inputs: [archive.path], into: database)

        #expect(summary.failed == 1)
        let error = try #require(try BatchStore(path: database).documents().first?.error)
        #expect(error.hasPrefix("\(archive.path): not a readable zip archive"))
    }

    @Test("--retry-failed repairs the failures of earlier runs and skips the rest")
    func retryFailed() async throws {
        let folder = try BatchCorpus.temporaryFolder("batch-retry")
        let corpus = BatchCorpus.make(reports: 2)
        try corpus.write(to: folder)
        let database = folder.appendingPathComponent("out.db").path
        _ = try await Self.runner().run(inputs: [folder.path], into: database)
        let retried = try await Self.runner(BatchOptions(jobs: 2, retryFailed: true)).run(inputs: [folder.path], into: database)

        #expect(retried.skipped == corpus.readable)
        #expect(retried.failed == corpus.broken)
        let retries = try BatchStore(path: database).attempts().filter { $0.run == 2 }
        #expect(retries.count == corpus.broken)
        #expect(retries.allSatisfy { $0.status == "failed" })
    }

    @Test("a file whose repair was interrupted in three runs is recorded as failed, not tried again")
    func interrupted() async throws {
        let folder = try BatchCorpus.temporaryFolder("batch-interrupted")
        let corpus = BatchCorpus.make(reports: 1, hostile: false)
        try corpus.write(to: folder)
        let database = folder.appendingPathComponent("out.db").path
        let store = try BatchStore(path: database)
        let path = folder.path + "/" + corpus.files[0].name
        for _ in 0..<3 {
            let run = try store.beginRun(command: "killed")
            _ = try store.startAttempt(path: path, hash: SHA256.hex(of: corpus.files[0].bytes), run: run)
        }
        let summary = try await Self.runner().run(inputs: [path], into: database)

        #expect(summary.failed == 1)
        #expect(summary.lastFailure == "\(path): interrupted 3 times while being repaired; not tried again without --force")
    }
}
