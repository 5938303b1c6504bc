/// Why an input could not be read: one line, the file first.
///
/// `description` reads `report.docx: not a DOCX package (no word/document.xml)`, which is
/// what the command line prints and what batch mode records.
public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The causes callers may match on.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        let rawValue: String
        public var description: String { rawValue }

        public static let empty = Code(rawValue: "empty")
        public static let binary = Code(rawValue: "binary")
        public static let undecodable = Code(rawValue: "undecodable")
        public static let unreadable = Code(rawValue: "unreadable")
        public static let corrupt = Code(rawValue: "corrupt")
        public static let tooLarge = Code(rawValue: "too-large")
        public static let unsupported = Code(rawValue: "unsupported")
        /// Repairing it took longer than the per-document time limit.
        public static let tooSlow = Code(rawValue: "too-slow")
    }

    public var code: Code
    /// The input's path as the user gave it.
    public var file: String
    /// The cause in a few words, without the file name.
    public var reason: String

    public init(_ code: Code, file: String, reason: String) {
        self.code = code
        self.file = file
        self.reason = reason
    }

    public var description: String { "\(file): \(reason)" }
}
