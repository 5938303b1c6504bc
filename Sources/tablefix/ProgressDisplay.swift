import Foundation
import Tablefix

/// Shows a batch's progress on standard error: a redrawn bar on a terminal, a plain line
/// every few seconds otherwise (a log file, CI), nothing with `--quiet`; then the summary.
final class ProgressDisplay: @unchecked Sendable {
    private let quiet: Bool
    private let terminal: Bool
    private let interval: Duration
    private let lock = NSLock()
    private var lastDraw: ContinuousClock.Instant?
    private var drawn = false

    init(quiet: Bool, terminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.quiet = quiet
        self.terminal = terminal
        interval = terminal ? .milliseconds(100) : .seconds(5)
    }

    /// Draws the counts so far, unless the last drawing is too recent.
    func update(_ summary: BatchSummary) {
        guard !quiet else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        if let lastDraw, now - lastDraw < interval { return }
        lastDraw = now
        drawn = true
        if terminal {
            Terminal.raw("\r\u{1B}[2K" + Self.bar(summary))
        } else {
            Terminal.note(Self.line(summary))
        }
    }

    /// Clears the bar and prints the summary, and where the failures are listed.
    ///
    /// - Parameter database: The batch database, or nil for `--jsonl`.
    func finish(_ summary: BatchSummary, database: String?) {
        guard !quiet else { return }
        lock.lock()
        defer { lock.unlock() }
        if terminal, drawn { Terminal.raw("\r\u{1B}[2K") }
        Terminal.note(summary.description)
        guard summary.failed > 0 else { return }
        let files = summary.failed == 1 ? "1 file" : "\(summary.failed) files"
        if let database {
            Terminal.note("\(files) failed; list them with: tablefix export \(database) --format failures")
        } else {
            Terminal.note("\(files) failed: the lines with \"status\": \"failed\" say why")
        }
    }

    /// `[#########...........]  1234/10000  12%  85.3 files/s  ETA 1:42  5 errors`.
    static func bar(_ summary: BatchSummary) -> String {
        let width = 24
        var text = ""
        if let total = summary.total, total > 0 {
            let filled = min(width, summary.finished * width / total)
            text += "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
        }
        text += line(summary)
        if summary.failed > 0 {
            // The error count in red.
            text = text.replacingOccurrences(
                of: "\(summary.failed) failed", with: "\u{1B}[31m\(summary.failed) failed\u{1B}[0m")
        }
        return text
    }

    /// `1234/10000 files (12%), 85.3 files/s, 1.20 MB/s, ETA 1:42, 5 failed`.
    static func line(_ summary: BatchSummary) -> String {
        var parts: [String] = []
        if let total = summary.total, total > 0 {
            parts.append("\(summary.finished)/\(total) files (\(summary.finished * 100 / total)%)")
        } else {
            parts.append("\(summary.finished) files")
        }
        parts.append(String(format: "%.1f files/s", summary.rate))
        parts.append(String(format: "%.2f MB/s", summary.byteRate / 1_000_000))
        if let remaining = summary.remainingSeconds { parts.append("ETA " + clock(remaining)) }
        parts.append("\(summary.failed) failed")
        return parts.joined(separator: ", ")
    }

    /// `1:42`, or `2:03:09` past an hour.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let hours = total / 3600, minutes = total % 3600 / 60, rest = total % 60
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
    }
}
