package import TablefixModel

/// What a batch learned about one file: the repaired document or why it failed, with the
/// facts the `documents` table keeps (content hash, size, timings).
package struct DocumentRecord: Sendable {
    /// How processing the file ended.
    package enum Outcome: Sendable {
        /// Read and repaired; `json` is the compact text of the spec/output.md object, when
        /// the batch writes lines of it (empty for a database, which keeps the rows).
        case done(Document, Extraction, json: String)
        /// Not a document tablefix can read: `error` is the one-line description
        /// (`FILE: cause`), `code` the error code to match on.
        case failed(error: String, code: String)
    }

    /// The path the file was found under (`archive.zip!/entry.txt` inside an archive).
    package var path: String
    /// The SHA-256 of the bytes, lowercase hex; nil when the bytes could not be read at all.
    package var hash: String?
    /// The number of bytes read.
    package var bytes: Int
    /// The format sniffed from the bytes (`text`, `html`, `docx`), when there were bytes.
    package var format: String?
    package var outcome: Outcome
    /// Seconds spent reading the bytes and repairing them.
    package var readSeconds: Double
    package var repairSeconds: Double

    package init(path: String, hash: String?, bytes: Int, format: String?, outcome: Outcome, readSeconds: Double = 0,
                repairSeconds: Double = 0) {
        self.path = path
        self.hash = hash
        self.bytes = bytes
        self.format = format
        self.outcome = outcome
        self.readSeconds = readSeconds
        self.repairSeconds = repairSeconds
    }

    /// `done` or `failed`, as the `documents.status` column holds it.
    package var status: String {
        if case .done = outcome { return "done" }
        return "failed"
    }

    /// The error description of a failed file.
    package var error: String? {
        if case .failed(let error, _) = outcome { return error }
        return nil
    }
}
