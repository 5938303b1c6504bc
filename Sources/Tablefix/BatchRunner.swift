public import TablefixStore
import TablefixOutput
import TablefixModel
import TablefixReaders

/// The front door for many documents: cleans every file of folders, `.zip` archives and
/// lists of paths into one batch database, in parallel, resumably.
///
/// ```swift
/// let runner = BatchRunner(repairer: try Repairer(), options: BatchOptions(jobs: 2))
/// let summary = try await runner.run(inputs: ["crawl/", "more.zip"], into: "out.db")
/// print(summary)  // 10000 files in 81.0 s: 9700 done, 0 skipped, 200 linked, 100 failed (…)
/// ```
///
/// Each file is read, hashed (SHA-256) and, unless the database already holds its
/// content, repaired by one of `jobs` concurrent tasks; a single writer stores each result
/// in one transaction. Files with the same bytes are repaired once and linked. A file that
/// cannot be read is recorded with its cause and the batch goes on. Killing the process at
/// any moment loses no finished document; running the same batch again skips what is done.
public struct BatchRunner: Sendable {
    /// What repairs each file.
    public var repairer: Repairer
    /// How many files at once, what to redo, which shard.
    public var options: BatchOptions

    public init(repairer: Repairer, options: BatchOptions = BatchOptions()) {
        self.repairer = repairer
        self.options = options
    }

    /// Cleans every file under `inputs` into the database at `database` (created if
    /// missing), then recomputes the continuity pairs across documents.
    ///
    /// - Parameters:
    ///   - inputs: Files, folders (walked recursively) and `.zip` archives.
    ///   - database: The SQLite file to write.
    ///   - command: The command line, recorded with the run.
    ///   - progress: Called after every file with the counts so far.
    /// - Returns: The counts of the run. Failed files are counted, not thrown.
    /// - Throws: ``StoreError`` when the database cannot be opened or written.
    /// - Complexity: O(files) time; memory holds `jobs` files at a time.
    public func run(inputs: [String], into database: String, command: String = "",
                    progress: (@Sendable (BatchSummary) -> Void)? = nil) async throws(StoreError) -> BatchSummary {
        let own = Self.databaseFiles(database)
        let total = BatchInputs.count(inputs, shard: options.shard, maxBytes: options.maxFileBytes, excluding: own)
        let walk = BatchInputs(inputs, shard: options.shard, maxBytes: options.maxFileBytes, excluding: own)
        return try await run(walking: walk, total: total, into: database, command: command, progress: progress)
    }

    /// The number of files `inputs` hold (in the shard), without reading them: what a
    /// progress bar counts up to.
    public func countFiles(in inputs: [String]) -> Int {
        BatchInputs.count(inputs, shard: options.shard, maxBytes: options.maxFileBytes)
    }

    /// Cleans the files named by `lines` (one path of a file, folder or archive per line,
    /// read as the batch goes, as from standard input) into the database at `database`.
    public func run(lines: some Sequence<String>, into database: String, command: String = "",
                    progress: (@Sendable (BatchSummary) -> Void)? = nil) async throws(StoreError) -> BatchSummary {
        let walk = BatchInputs(
            lines, shard: options.shard, maxBytes: options.maxFileBytes, excluding: Self.databaseFiles(database))
        return try await run(walking: walk, total: nil, into: database, command: command, progress: progress)
    }

    /// The database and SQLite's files beside it, which a walk over the folder that holds
    /// them must not take for inputs.
    static func databaseFiles(_ database: String) -> [String] {
        [database, database + "-wal", database + "-shm", database + "-journal"]
    }

    private func run(walking walk: BatchInputs, total: Int?, into database: String, command: String,
                     progress: (@Sendable (BatchSummary) -> Void)?) async throws(StoreError) -> BatchSummary {
        let store = try BatchStore(path: database)
        try store.lockForBatch()
        do {
            let run = try store.beginRun(command: command, shard: options.shard?.description)
            var sink = DatabaseSink(store: store, run: run, options: options)
            var summary = try await process(walk, total: total, sink: &sink, progress: progress)
            let continuity = try store.updateContinuity(repairer.library.continuityRelations)
            summary.continuityPairs = continuity.pairs
            summary.continuityBroken = continuity.broken
            try store.finishRun(run)
            try store.unlockForBatch()
            return summary
        } catch {
            try? store.unlockForBatch()
            throw BatchStore.storeError(error, file: database)
        }
    }

    /// The batch loop: the walk feeds at most `jobs` concurrent repairs, and every result
    /// goes to `sink` from this one task, so that writes never interleave.
    func process<Sink: BatchSink>(_ walk: BatchInputs, total: Int?, sink: inout Sink,
                                  progress: (@Sendable (BatchSummary) -> Void)?) async throws(Sink.Failure)
        -> BatchSummary
    {
        let start = ContinuousClock.now
        var summary = BatchSummary(total: total)
        let repairer = self.repairer.limited(to: options.timeLimit)
        let jobs = options.jobs
        // The content hashes being repaired, with the attempt and the other paths found
        // to hold the same bytes meanwhile.
        var inFlight: [String: (attempt: Int64?, duplicates: [String])] = [:]
        var failure: Sink.Failure?

        func report() {
            summary.seconds = BatchInputs.seconds(since: start)
            progress?(summary)
        }

        /// Stores a repaired file's record and counts it.
        func finish(_ record: DocumentRecord) throws(Sink.Failure) {
            let waiting = record.hash.flatMap { inFlight.removeValue(forKey: $0) }
            let duplicates = waiting?.duplicates ?? []
            try sink.write(record, duplicates: duplicates, attempt: waiting?.attempt)
            if case .failed(let error, _) = record.outcome {
                summary.failed += 1 + duplicates.count
                summary.lastFailure = error
            } else {
                summary.done += 1
                summary.linked += duplicates.count
            }
            report()
        }

        await withTaskGroup(of: DocumentRecord.self) { group in
            var running = 0
            var exhausted = false
            do throws(Sink.Failure) {
                while true {
                    while running < jobs, !exhausted {
                        guard let item = walk.next() else {
                            exhausted = true
                            break
                        }
                        let bytes: [UInt8]
                        switch item.bytes {
                        case .failure(let error):
                            let record = DocumentRecord(
                                path: item.path, hash: nil, bytes: 0, format: nil,
                                outcome: .failed(error: error.description, code: error.code.description))
                            try sink.write(record, duplicates: [], attempt: nil)
                            summary.failed += 1
                            summary.lastFailure = error.description
                            report()
                            continue
                        case .success(let read): bytes = read
                        }
                        summary.bytes += bytes.count
                        let hash = SHA256.hex(of: bytes)
                        if inFlight[hash] != nil {
                            inFlight[hash]?.duplicates.append(item.path)
                            continue
                        }
                        switch try sink.decide(path: item.path, hash: hash) {
                        case .finished(let kind, let error):
                            try sink.link(path: item.path, hash: hash, as: kind)
                            switch kind {
                            case .skipped: summary.skipped += 1
                            case .linked: summary.linked += 1
                            case .failed:
                                summary.failed += 1
                                summary.lastFailure = error
                            }
                            report()
                        case .interrupted(let count):
                            let error = ReadError(
                                .unreadable, file: item.path,
                                reason: "interrupted \(count) times while being repaired; not tried again without --force")
                            let record = DocumentRecord(
                                path: item.path, hash: hash, bytes: bytes.count,
                                format: FormatSniffer.format(of: bytes).rawValue,
                                outcome: .failed(error: error.description, code: "interrupted"))
                            try sink.write(record, duplicates: [], attempt: nil)
                            summary.failed += 1
                            summary.lastFailure = error.description
                            report()
                        case .process(let attempt, let alone):
                            inFlight[hash] = (attempt, [])
                            let path = item.path, readSeconds = item.readSeconds
                            guard alone else {
                                running += 1
                                let needsJSON = Sink.needsJSON
                                group.addTask {
                                    Self.repair(
                                        bytes, path: path, hash: hash, readSeconds: readSeconds, with: repairer,
                                        json: needsJSON)
                                }
                                continue
                            }
                            // A file that was in flight when a run died is repaired with no
                            // other beside it: if it crashes tablefix again, it alone is
                            // blamed on the next run, not the files that shared its moment.
                            while running > 0, let record = await group.next() {
                                running -= 1
                                try finish(record)
                            }
                            try finish(Self.repair(
                                bytes, path: path, hash: hash, readSeconds: readSeconds, with: repairer,
                                json: Sink.needsJSON))
                        }
                    }
                    guard let record = await group.next() else { break }
                    running -= 1
                    try finish(record)
                }
            } catch {
                failure = error
                group.cancelAll()
            }
        }
        if let failure { throw failure }
        summary.seconds = BatchInputs.seconds(since: start)
        return summary
    }

    /// Repairs one file's bytes: the work each concurrent task does.
    /// - Parameter json: Render the JSON object's text (for a sink that writes it; a
    ///   database stores the rows and rebuilds the object).
    static func repair(_ bytes: [UInt8], path: String, hash: String, readSeconds: Double, with repairer: Repairer,
                       json: Bool)
        -> DocumentRecord
    {
        let start = ContinuousClock.now
        let format = FormatSniffer.format(of: bytes).rawValue
        let outcome: DocumentRecord.Outcome
        do {
            let repair = try repairer.repair(bytes: bytes, path: path)
            outcome = .done(repair.document, repair.extraction, json: json ? repair.json.rendered(pretty: false) : "")
        } catch {
            outcome = .failed(error: error.description, code: error.code.description)
        }
        return DocumentRecord(
            path: path, hash: hash, bytes: bytes.count, format: format, outcome: outcome, readSeconds: readSeconds,
            repairSeconds: BatchInputs.seconds(since: start))
    }
}
