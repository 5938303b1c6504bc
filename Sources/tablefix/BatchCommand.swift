import ArgumentParser
import Foundation
import Tablefix

/// `tablefix batch INPUT... -o DB` and `tablefix batch --stdin --jsonl`.
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Clean many documents into one SQLite database, in parallel and resumably.",
        discussion: """
            Inputs are files, folders (walked recursively) and .zip archives (read entry by \
            entry); each file's format and encoding are detected from its bytes. Files whose \
            content the database already holds are skipped, so a batch killed at any moment \
            resumes where it stopped; files with the same bytes are repaired once and linked. \
            A file that cannot be read is recorded with its cause and the batch goes on.

            With --jsonl no database is written: each file's result is one line of JSON on \
            standard output (the object of `repair --format json`, plus "status" and \
            "hash"), as the map step of Spark RDD.pipe, Hadoop Streaming or GNU parallel.

            One batch at a time writes a database: a second one on the same database is \
            refused while the first runs.

            Exit status: 0 when every file was cleaned or skipped, 2 when some failed \
            (0 with --allow-failures), 1 when the database cannot be written or standard \
            input cannot be read.
            """)

    @Argument(help: "Files, folders and .zip archives to clean.")
    var inputs: [String] = []

    @Option(
        name: [.customShort("o"), .customLong("output"), .customLong("out")],
        help: "The SQLite database to write (created if missing).")
    var database: String?

    @Flag(help: "Read the paths of inputs from standard input, one per line.")
    var stdin = false

    @Flag(help: "Write one JSON line per file to standard output instead of a database.")
    var jsonl = false

    @Option(help: "How many files to repair at once (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Redo files whose content the database already holds.")
    var force = false

    @Flag(help: "Redo files that failed in an earlier run.")
    var retryFailed = false

    @Option(
        help: ArgumentHelp("Clean only part K of N of the files (a stable partition by path), e.g. 2/4.",
                           valueName: "K/N"),
        transform: BatchShard.argument)
    var shard: BatchShard?

    @Flag(help: "Exit 0 even when some files failed (they are recorded either way).")
    var allowFailures = false

    @Flag(name: .shortAndLong, help: "Print neither progress nor the summary.")
    var quiet = false

    @Option(help: "A folder of extra template files (*.json).")
    var templates: String?

    @Option(help: ArgumentHelp("A file whose repair takes longer is recorded as failed, and the batch goes on.",
                               valueName: "seconds"))
    var timeLimit: Double = 60

    func validate() throws {
        if stdin, !inputs.isEmpty {
            throw ValidationError("give inputs as arguments or on standard input (--stdin), not both")
        }
        if !stdin, inputs.isEmpty {
            throw ValidationError("no input: give files, folders or .zip archives, or --stdin")
        }
        if database == nil, !jsonl {
            throw ValidationError("-o DB is required (or --jsonl to write lines to standard output)")
        }
        if database != nil, jsonl {
            throw ValidationError("-o and --jsonl exclude each other")
        }
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs must be at least 1")
        }
        if !(timeLimit >= 0 && timeLimit <= 86_400) {
            throw ValidationError("--time-limit must be between 0 and 86400 seconds")
        }
    }

    func run() async throws {
        let options = BatchOptions(jobs: jobs, force: force, retryFailed: retryFailed, shard: shard,
                                   timeLimit: .milliseconds(Int64(timeLimit * 1000)))
        let runner = BatchRunner(repairer: try Repairer(templatesFolder: templates), options: options)
        let display = ProgressDisplay(quiet: quiet)
        let progress: @Sendable (BatchSummary) -> Void = { display.update($0) }
        let lines = StandardInputLines()
        let summary: BatchSummary
        if let database {
            let command = (["tablefix"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
            if stdin {
                summary = try await runner.run(lines: lines, into: database, command: command, progress: progress)
            } else {
                summary = try await runner.run(inputs: inputs, into: database, command: command, progress: progress)
            }
        } else {
            let output = LineWriter.standardOutput
            let total = stdin ? nil : runner.countFiles(in: inputs)
            summary = await runner.stream(
                inputs: stdin ? AnySequence(lines) : AnySequence(inputs), total: total,
                to: { output.write($0) }, progress: progress)
            try output.close()
        }
        display.finish(summary, database: database)
        for problem in lines.problems { Terminal.error(problem) }
        if let failure = lines.failure {
            Terminal.error(failure)
            throw ExitCode(Terminal.failure)
        }
        if summary.failed > 0 || !lines.problems.isEmpty, !allowFailures {
            throw ExitCode(Terminal.partialFailure)
        }
    }
}

extension BatchShard {
    /// Reads `--shard K/N`.
    static func argument(_ text: String) throws -> BatchShard {
        guard let shard = BatchShard(text) else {
            throw ValidationError("give K/N with 1 ≤ K ≤ N, e.g. 2/4")
        }
        return shard
    }
}

/// Standard input, one line at a time, as the batch asks for the next path.
///
/// A line is a path: one longer than ``maximumLength`` bytes is skipped and reported (a
/// stray binary stream must not fill the memory), and a read that fails ends the input
/// with ``failure`` set, so that the paths not read are not taken for the end.
final class StandardInputLines: Sequence, IteratorProtocol {
    /// The longest line taken for a path, in bytes (Linux's PATH_MAX, with room for an
    /// archive entry after `!/`).
    static let maximumLength = 16_384

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var ended = false
    private var lineNumber = 0
    /// Lines skipped, one message each.
    private(set) var problems: [String] = []
    /// Why reading stopped before the end, if it did.
    private(set) var failure: String?

    init(descriptor: Int32 = STDIN_FILENO) {
        self.descriptor = descriptor
    }

    func next() -> String? {
        var skipping = false
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[start..<newline]
                start = newline + 1
                lineNumber += 1
                if skipping || line.count > Self.maximumLength {
                    problems.append(
                        "standard input: line \(lineNumber) is longer than \(Self.maximumLength) bytes: not a path; skipped")
                    skipping = false
                    continue
                }
                return String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
            }
            if buffer.count - start > Self.maximumLength {
                // Drop what is held of an over-long line; skip the rest of it.
                skipping = true
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            if ended {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                lineNumber += 1
                if skipping {
                    problems.append(
                        "standard input: line \(lineNumber) is longer than \(Self.maximumLength) bytes: not a path; skipped")
                    return nil
                }
                return String(decoding: line, as: UTF8.self)
            }
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                failure = "standard input: cannot be read (\(String(cString: strerror(errno)).lowercased())); "
                    + "the paths after line \(lineNumber) were not processed"
                ended = true
                return nil
            }
            if count == 0 {
                ended = true
                continue
            }
            buffer.append(contentsOf: chunk[..<count])
        }
    }
}
