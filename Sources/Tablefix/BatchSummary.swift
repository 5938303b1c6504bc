/// What a batch did, so far (in progress reports) or in all (when it ends).
///
/// Every file the inputs hold is counted once: `done` (read and repaired), `skipped`
/// (its content was already in the database), `linked` (its content is the same as
/// another file's in this run) or `failed` (recorded with its cause).
public struct BatchSummary: Sendable, Equatable, CustomStringConvertible {
    /// The number of files the inputs hold, when known in advance (not for `--stdin`).
    public var total: Int?
    /// Files read and repaired in this run.
    public var done = 0
    /// Files whose content an earlier run finished.
    public var skipped = 0
    /// Files with the same bytes as another file of this run, linked to its document.
    public var linked = 0
    /// Files that could not be read, or whose content failed before.
    public var failed = 0
    /// The bytes read, of every file.
    public var bytes = 0
    /// Seconds since the batch started.
    public var seconds = 0.0
    /// The last failure, as recorded (`FILE: cause`).
    public var lastFailure: String?
    /// The carried-over pairs between consecutive reports of one body, and how many of
    /// them do not hold (database runs, at the end).
    public var continuityPairs = 0
    public var continuityBroken = 0

    public init(total: Int? = nil) {
        self.total = total
    }

    /// The files counted so far.
    public var finished: Int { done + skipped + linked + failed }

    /// Files per second.
    public var rate: Double { seconds > 0 ? Double(finished) / seconds : 0 }

    /// Bytes per second.
    public var byteRate: Double { seconds > 0 ? Double(bytes) / seconds : 0 }

    /// Seconds left at the current rate, when the total is known.
    public var remainingSeconds: Double? {
        guard let total, rate > 0 else { return nil }
        return Double(max(0, total - finished)) / rate
    }

    /// One line: `120 files in 3.2 s: 100 done, 10 skipped, 5 linked, 5 failed (37.5 files/s, 1.2 MB/s)`.
    public var description: String {
        var line = "\(finished) files in \(Self.format(seconds, digits: 1)) s: \(done) done, \(skipped) skipped, "
            + "\(linked) linked, \(failed) failed (\(Self.format(rate, digits: 1)) files/s, "
            + "\(Self.format(byteRate / 1_000_000, digits: 2)) MB/s)"
        if continuityPairs > 0 {
            line += "; continuity: \(continuityPairs) pairs, \(continuityBroken) broken"
        }
        return line
    }

    /// A number with a fixed count of decimals, without Foundation's locale.
    static func format(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale), fraction = abs(scaled % Int(scale))
        guard digits > 0 else { return String(whole) }
        let digitsText = String(fraction)
        return "\(whole).\(String(repeating: "0", count: digits - digitsText.count))\(digitsText)"
    }
}
