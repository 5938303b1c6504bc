import TablefixOutput
import TablefixStore
import TablefixReview

/// What the batch loop does with a file whose bytes it has hashed.
enum BatchDecision: Equatable {
    /// Repair it; the attempt recorded for it, if the sink records attempts. `alone`: with
    /// no other file in flight (it was in flight when an earlier run died).
    case process(attempt: Int64?, alone: Bool = false)
    /// Its content is finished already: link the path to it. `failure` is the error of a
    /// failed document (the path then counts as failed).
    case finished(BatchStore.LinkKind, failure: String?)
    /// Runs were killed this many times while repairing it: record it as failed.
    case interrupted(Int)
}

/// Where the batch loop sends its results: a database, or lines of JSON.
///
/// The loop calls a sink from one task only, so a sink needs no locking.
protocol BatchSink {
    /// What storing a result can throw (`Never` for a sink that cannot fail).
    associatedtype Failure: Error
    /// Whether a repaired file's record must carry the JSON object's text.
    static var needsJSON: Bool { get }
    /// Whether the file at `path`, with content `hash`, must be repaired.
    mutating func decide(path: String, hash: String) throws(Failure) -> BatchDecision
    /// Stores one file's outcome, with the other paths found to hold the same bytes.
    mutating func write(_ record: DocumentRecord, duplicates: [String], attempt: Int64?) throws(Failure)
    /// Stores that `path` holds content already finished.
    mutating func link(path: String, hash: String, as kind: BatchStore.LinkKind) throws(Failure)
}

/// The default sink: a batch database, resumable.
struct DatabaseSink: BatchSink {
    typealias Failure = StoreError
    static let needsJSON = false
    let store: BatchStore
    let run: Int64
    let options: BatchOptions

    func decide(path: String, hash: String) throws(StoreError) -> BatchDecision {
        let claim = try store.claim(path: path, hash: hash, run: run) { history in
            let decision = decision(for: history, path: path)
            if case .process = decision { return (decision, true) }
            return (decision, false)
        }
        guard case .process(_, let alone) = claim.verdict, let attempt = claim.attempt else { return claim.verdict }
        return .process(attempt: attempt, alone: alone)
    }

    /// What to do with a file whose content has this history; `.process` without its
    /// attempt, which the store records in the same transaction.
    private func decision(for history: BatchStore.History, path: String) -> BatchDecision {
        if let known = history.known {
            if known.status == "failed" {
                let retry = known.run != run && (options.force || options.retryFailed)
                if !retry { return .finished(.failed, failure: known.error ?? "\(path): failed") }
            } else {
                if known.run == run { return .finished(.linked, failure: nil) }
                if !options.force { return .finished(.skipped, failure: nil) }
            }
        }
        var interruptions = 0
        if !options.force {
            interruptions = history.interruptions
            if interruptions >= options.maxInterruptions { return .interrupted(interruptions) }
        }
        return .process(attempt: nil, alone: interruptions > 0)
    }

    func write(_ record: DocumentRecord, duplicates: [String], attempt: Int64?) throws(StoreError) {
        try store.write(record, duplicates: duplicates, run: run, attempt: attempt)
    }

    func link(path: String, hash: String, as kind: BatchStore.LinkKind) throws(StoreError) {
        try store.link(path: path, to: hash, as: kind, run: run)
    }
}

/// The streaming sink: one JSON object per file and line, no database.
///
/// A repaired file's line is the spec/output.md object with `status` and `hash` added; a
/// failed file's is `{"source", "status": "failed", "hash", "format", "error"}`; a file
/// with the same bytes as one before it is `{"source", "status": "linked", "hash",
/// "linked_to"}` naming that one (or `"failed"` with its `"error"` too).
struct LineSink: BatchSink {
    typealias Failure = Never
    static let needsJSON = true
    /// Receives each line, with its newline.
    let emit: (String) -> Void
    /// Each content hash seen: the first path that held it, and the error of a failed one.
    private var seen: [String: (path: String, error: String?)] = [:]

    init(emit: @escaping (String) -> Void) {
        self.emit = emit
    }

    mutating func decide(path: String, hash: String) -> BatchDecision {
        guard let first = seen[hash] else {
            seen[hash] = (path, nil)
            return .process(attempt: nil)
        }
        return first.error == nil ? .finished(.linked, failure: nil) : .finished(.failed, failure: first.error)
    }

    mutating func write(_ record: DocumentRecord, duplicates: [String], attempt: Int64?) {
        emit(Self.line(for: record))
        if let hash = record.hash {
            seen[hash] = (record.path, record.error)
            for path in duplicates { link(path: path, hash: hash, as: record.error == nil ? .linked : .failed) }
        }
    }

    func link(path: String, hash: String, as kind: BatchStore.LinkKind) {
        var members: [(String, JSONValue)] = [
            ("source", .string(path)), ("status", .string(kind == .failed ? "failed" : "linked")),
            ("hash", .string(hash)),
        ]
        if let first = seen[hash] {
            members.append(("linked_to", .string(first.path)))
            // A copy of a failed file carries the error of the file it copies.
            if kind == .failed, let error = first.error { members.append(("error", .string(error))) }
        }
        emit(JSONValue.object(members).rendered(pretty: false) + "\n")
    }

    static func line(for record: DocumentRecord) -> String {
        switch record.outcome {
        case .done(_, _, let json):
            // The object as stored, with two members added at its end.
            let extra = JSONValue.object([("status", .string("done")), ("hash", .string(record.hash))])
                .rendered(pretty: false)
            // The closing brace off the stored object and the opening one off `extra`, each
            // in O(1): a String's count is found by walking all of it.
            var line = json
            line.removeLast()
            return line + "," + extra.dropFirst() + "\n"
        case .failed(let error, _):
            let object = JSONValue.object([
                ("source", .string(record.path)), ("status", .string("failed")), ("hash", .string(record.hash)),
                ("format", .string(record.format)), ("error", .string(error)),
            ])
            return object.rendered(pretty: false) + "\n"
        }
    }
}
