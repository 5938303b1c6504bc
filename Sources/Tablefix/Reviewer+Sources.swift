import Foundation
import TablefixModel
import TablefixReaders
import TablefixOutput
import TablefixStore
import TablefixReview
import ZIPFoundation

extension Reviewer {
    /// The input's lines as the reader saw them before cleanup, line `n` at `n - 1`.
    ///
    /// For text, the decoded text split at line breaks, exactly; for HTML and DOCX, whose
    /// lines are the markup's, the text the reader found on each line (several pieces on
    /// one line joined by a space, a table row's cells by tabs).
    ///
    /// - Complexity: O(n) in the size of the input.
    static func sourceLines(of bytes: [UInt8], read document: Document) -> [String] {
        if document.source.format == .text, case .success(let decoded) = TextDecoder().decode(bytes) {
            return decoded.text.split(
                omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            ).map(String.init)
        }
        var pieces: [Int: [String]] = [:]
        for block in document.blocks {
            switch block.content {
            case .heading(let lines), .paragraph(let lines):
                for line in lines { pieces[line.line, default: []].append(line.text) }
            case .table(let grid):
                for row in grid.rows {
                    var cells: [Int: [String]] = [:]
                    for cell in row where !cell.isSpanned && !cell.isFiller {
                        cells[cell.line, default: []].append(cell.text)
                    }
                    for (line, texts) in cells { pieces[line, default: []].append(texts.joined(separator: "\t")) }
                }
            case .image(let name):
                pieces[block.lines.lowerBound, default: []].append("[image: \(name)]")
            case .removed(let text, _):
                pieces[block.lines.lowerBound, default: []].append(text)
            }
        }
        let last = pieces.keys.filter { $0 > 0 }.max() ?? 0
        guard last > 0 else { return [] }
        return (1...last).map { pieces[$0]?.joined(separator: " ") ?? "" }
    }
}

/// Reads the inputs a batch database names, files or entries of `.zip` archives
/// (`archive.zip!/entry.txt`), keeping archives open between documents.
struct SourceFiles {
    private var archives: [String: Archive] = [:]
    private let maxBytes = BatchOptions().maxFileBytes

    /// The bytes of `path`, or why they cannot be had, in a few words.
    mutating func bytes(of path: String) -> Result<[UInt8], SourceUnavailable> {
        if let range = path.range(of: BatchInputs.archiveSeparator) {
            return entry(String(path[range.upperBound...]), of: String(path[..<range.lowerBound]))
        }
        guard FileManager.default.fileExists(atPath: path) else {
            return .failure(SourceUnavailable("the input is no longer at \(path)"))
        }
        guard let data = FileManager.default.contents(atPath: path), data.count <= maxBytes else {
            return .failure(SourceUnavailable("the input cannot be read again"))
        }
        return .success([UInt8](data))
    }

    private mutating func entry(_ name: String, of archivePath: String) -> Result<[UInt8], SourceUnavailable> {
        let archive: Archive
        if let open = archives[archivePath] {
            archive = open
        } else {
            guard FileManager.default.fileExists(atPath: archivePath) else {
                return .failure(SourceUnavailable("the archive is no longer at \(archivePath)"))
            }
            do {
                archive = try Archive(url: URL(fileURLWithPath: archivePath), accessMode: .read)
            } catch {
                return .failure(SourceUnavailable("the archive can no longer be read"))
            }
            archives[archivePath] = archive
        }
        guard let entry = archive[name], entry.type == .file, entry.uncompressedSize <= UInt64(maxBytes) else {
            return .failure(SourceUnavailable("the archive no longer holds \(name)"))
        }
        var bytes: [UInt8] = []
        let cap = maxBytes
        do {
            _ = try archive.extract(entry) { chunk in
                guard bytes.count + chunk.count <= cap else { throw SourceUnavailable("too large once decompressed") }
                bytes.append(contentsOf: chunk)
            }
        } catch {
            return .failure(SourceUnavailable("the archive's entry cannot be extracted"))
        }
        return .success(bytes)
    }
}

/// Why an input cannot be shown, in a few words.
struct SourceUnavailable: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// The report's file: written to a partial file beside it, which replaces the file only
/// once the report is whole.
final class ReportFile {
    let path: String
    /// The file written until the report is whole.
    let partial: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    /// - Throws: ``ReviewError`` with code `output` when the file cannot be created.
    init(path: String) throws(ReviewError) {
        self.path = path
        partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil),
            let handle = FileHandle(forWritingAtPath: partial)
        else {
            throw ReviewError(.output, file: path, reason: "cannot write (cannot create the file)")
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ text: String) throws(ReviewError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws(ReviewError) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw ReviewError(.output, file: path, reason: "cannot write (\(error.localizedDescription))")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and puts the file in place.
    func commit() throws(ReviewError) {
        try flush()
        do {
            try handle.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch {
            throw ReviewError(.output, file: path, reason: "cannot write (\(error.localizedDescription))")
        }
    }

    /// Removes the partial file after a failure.
    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: partial)
    }
}
