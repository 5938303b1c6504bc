import Foundation

/// Messages for the person at the terminal, on standard error: one line each, prefixed
/// `tablefix: `, control characters of file names escaped so that a hostile name cannot
/// drive the terminal. Writing them never traps, even when standard error is closed or
/// full.
enum Terminal {
    /// The exit status of a command that could not do its work.
    static let failure: Int32 = 1
    /// The exit status of a command that did its work, but some inputs failed.
    static let partialFailure: Int32 = 2

    /// `tablefix: MESSAGE`.
    static func note(_ message: String) {
        raw(message.split(separator: "\n", omittingEmptySubsequences: false).map { "tablefix: " + escaped(String($0)) }
            .joined(separator: "\n") + "\n")
    }

    /// `  MESSAGE`: a line that details the note before it.
    static func detail(_ message: String) {
        raw("  " + escaped(message) + "\n")
    }

    /// `tablefix: error: MESSAGE`.
    static func error(_ message: String) {
        raw("tablefix: error: " + escaped(message) + "\n")
    }

    /// Text written as it is (a progress bar's own escape sequences).
    static func raw(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// `text` with control characters (C0 but tab, DEL, C1) and bidirectional overrides
    /// written as `\u{1B}`, so that a file name shows what it is.
    static func escaped(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let control = (value < 0x20 && value != 0x09) || (0x7F...0x9F).contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            if control {
                output += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
