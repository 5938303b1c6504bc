/// Why a batch database could not be opened, read or written: one line, the file first.
///
/// `description` reads `out.db: not a SQLite database (file is not a database)`, which is
/// what the command line prints.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The causes callers may match on.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        let rawValue: String
        public var description: String { rawValue }

        /// The database file does not exist (export and merge read existing databases).
        public static let missing = Code(rawValue: "missing")
        /// The file is not a SQLite database, or not one tablefix wrote.
        public static let notADatabase = Code(rawValue: "not-a-database")
        /// The database was written by a newer tablefix, whose schema this one does not know.
        public static let newerSchema = Code(rawValue: "newer-schema")
        /// SQLite refused a read or a write (disk full, locked, read-only …).
        public static let sqlite = Code(rawValue: "sqlite")
        /// The database can only be read (its file or folder is not writable).
        public static let readOnly = Code(rawValue: "read-only")
        /// Another batch is writing the database.
        public static let locked = Code(rawValue: "locked")
        /// An output file could not be written.
        public static let output = Code(rawValue: "output")
    }

    /// The cause, to match on.
    public var code: Code
    /// The database (or output file) as the user named it.
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
