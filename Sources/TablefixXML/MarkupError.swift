/// Why libxml2 could not read a document: its message and the 1-based line it stopped at.
package struct MarkupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line where the parser stopped (0 when it did not say).
    package var line: Int
    /// libxml2's message, trimmed, without a trailing newline.
    package var message: String

    package init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `12: Opening and ending tag mismatch: p and r`, or the message alone without a line.
    package var description: String { line > 0 ? "\(line): \(message)" : message }
}
