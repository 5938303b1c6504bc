import Foundation

/// Writes text to a file or standard output through a buffer, remembering the first
/// write error (a full disk, a closed pipe) instead of trapping on it.
final class LineWriter {
    private let descriptor: Int32
    private let name: String
    private let owned: Bool
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16
    /// The first write error, as `NAME: cannot write (cause)`.
    private(set) var failure: String?

    private init(descriptor: Int32, name: String, owned: Bool) {
        self.descriptor = descriptor
        self.name = name
        self.owned = owned
        buffer.reserveCapacity(capacity)
    }

    /// Standard output.
    static var standardOutput: LineWriter { LineWriter(descriptor: STDOUT_FILENO, name: "standard output", owned: false) }

    /// A new (or truncated) file at `path`.
    ///
    /// - Throws: ``OutputError`` naming the file when it cannot be created.
    static func file(_ path: String) throws(OutputError) -> LineWriter {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(description: "\(path): cannot write (\(OutputError.cause(errno)))")
        }
        return LineWriter(descriptor: descriptor, name: path, owned: true)
    }

    /// `-o PATH`, or standard output without one.
    static func output(_ path: String?) throws(OutputError) -> LineWriter {
        try path.map(file) ?? standardOutput
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { flush() }
    }

    /// Writes what the buffer holds and closes a file.
    ///
    /// - Throws: ``OutputError`` when this or an earlier write failed.
    func close() throws(OutputError) {
        flush()
        if owned {
            if Glibc.close(descriptor) != 0, failure == nil {
                failure = "\(name): cannot write (\(OutputError.cause(errno)))"
            }
        }
        if let failure { throw OutputError(description: failure) }
    }

    func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil, !buffer.isEmpty else { return }
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { bytes in
                Glibc.write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                failure = "\(name): cannot write (\(OutputError.cause(written < 0 ? errno : ENOSPC)))"
                return
            }
            offset += written
        }
    }
}

/// An output that could not be written: one line, the file first.
struct OutputError: Error, CustomStringConvertible {
    var description: String

    /// The cause of a failed write in a few words: `no space left on the device`.
    static func cause(_ code: Int32) -> String {
        switch code {
        case ENOSPC: "no space left on the device"
        case ENOENT: "no such folder"
        case EACCES, EPERM: "permission denied"
        case EISDIR: "is a folder"
        case EPIPE: "the reader closed the pipe"
        case EROFS: "read-only file system"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}
