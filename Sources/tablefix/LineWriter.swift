import Foundation

/// Writes text to a file or standard output through a buffer, remembering the first
/// write error instead of trapping on it.
final class LineWriter {
    private let handle: FileHandle
    private let name: String
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16
    /// The first write error, as `NAME: cannot write (cause)`.
    private(set) var failure: String?

    init(handle: FileHandle, name: String) {
        self.handle = handle
        self.name = name
        buffer.reserveCapacity(capacity)
    }

    /// Standard output.
    static var standardOutput: LineWriter { LineWriter(handle: .standardOutput, name: "standard output") }

    /// A new (or truncated) file at `path`.
    ///
    /// - Throws: ``OutputError`` naming the file when it cannot be created.
    static func file(_ path: String) throws(OutputError) -> LineWriter {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path)
        else {
            throw OutputError(description: "\(path): cannot write (cannot create the file)")
        }
        return LineWriter(handle: handle, name: path)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { flush() }
    }

    /// Writes what the buffer holds.
    ///
    /// - Throws: ``OutputError`` when this or an earlier write failed.
    func close() throws(OutputError) {
        flush()
        if let failure { throw OutputError(description: failure) }
    }

    func flush() {
        guard failure == nil, !buffer.isEmpty else {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            failure = "\(name): cannot write (\(error.localizedDescription))"
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// An output that could not be written: one line, the file first.
struct OutputError: Error, CustomStringConvertible {
    var description: String
}
