/// Why a review report could not be made, or corrections could not be applied: one line,
/// the file first.
///
/// `description` reads `corrections.json: correction 3: "key" must be a non-empty string`,
/// which is what the command line prints.
public struct ReviewError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The causes callers may match on.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        let rawValue: String
        public var description: String { rawValue }

        /// A corrections file that is not what the report exports.
        public static let corrections = Code(rawValue: "corrections")
        /// The inputs hold no document to review.
        public static let noDocuments = Code(rawValue: "no-documents")
        /// The report could not be written.
        public static let output = Code(rawValue: "output")
    }

    public var code: Code
    /// The file concerned, as the user named it.
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
