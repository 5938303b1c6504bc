import Foundation
public import TablefixModel

/// Reads a file of any supported format into a ``Document``: sniffs the format from the
/// bytes, decodes the text, and hands it to the reader for that format.
public struct DocumentReader: Sendable {
    /// What one PDF may take: pages, pixels, time per page, memory.
    public var pdfLimits: PDFLimits

    public init(pdfLimits: PDFLimits = .standard) {
        self.pdfLimits = pdfLimits
    }

    /// Reads the file at `path`.
    ///
    /// - Throws: ``ReadError`` naming the file and the cause.
    public func document(atPath path: String) throws(ReadError) -> Document {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw ReadError(.unreadable, file: path, reason: "is a folder, not a document (`tablefix batch` reads folders)")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ReadError(.unreadable, file: path, reason: Self.describe(error))
        }
        return try document(from: [UInt8](data), path: path)
    }

    /// Reads a document from its bytes; `path` names it in errors and output.
    ///
    /// - Throws: ``ReadError`` naming the file and the cause.
    public func document(from bytes: [UInt8], path: String) throws(ReadError) -> Document {
        var document: Document
        switch FormatSniffer.format(of: bytes) {
        case .text:
            let decoded = try decode(bytes, path: path)
            let blocks = TextReader().blocks(from: decoded.text)
            document = Document(
                source: Source(path: path, format: .text, encoding: decoded.encoding), blocks: blocks,
                edits: decoded.replacements)
        case .html:
            document = try HTMLReader().document(from: bytes, path: path)
        case .docx:
            document = try DOCXReader().document(from: bytes, path: path)
        case .pdf:
            document = try PDFReader(limits: pdfLimits).document(from: bytes, path: path)
        case .image:
            document = try PDFReader(limits: pdfLimits).document(fromPicture: bytes, path: path)
        }
        // What reading had to replace (an invalid byte, a NUL, an entity left out), by line.
        document.signals.replacedLines = Set(document.edits.filter { $0.kind == .decoding }.map(\.line))
        return document
    }

    func decode(_ bytes: [UInt8], path: String, declared: String? = nil) throws(ReadError) -> TextDecoder.Decoded {
        switch TextDecoder(declaredEncoding: declared).decode(bytes) {
        case .success(let decoded): return decoded
        case .failure(let failure): throw ReadError(failure.code, file: path, reason: failure.reason)
        }
    }

    /// The cause of a file-system error in a few words: `no such file`, `permission
    /// denied`, `is a directory`.
    package static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileReadNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError: return "permission denied"
            default: break
            }
        }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            switch Int32(underlying.code) {
            case ENOENT: return "no such file"
            case EACCES: return "permission denied"
            case EISDIR: return "is a folder, not a document"
            default: break
            }
        }
        return "cannot be read (\(nsError.localizedDescription))"
    }
}
