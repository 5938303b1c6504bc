public import TablefixModel
public import TablefixReaders
public import TablefixReconstruction
public import TablefixOutput
import TablefixStore
import TablefixCleanup

/// The front door for one document: read it, clean its text, rebuild its tables.
///
/// ```swift
/// let repairer = try Repairer()
/// let repair = try repairer.repair(path: "report.txt")
/// print(repair.json.rendered())
/// ```
public struct Repairer: Sendable {
    public var library: TemplateLibrary
    let reader = DocumentReader()

    /// A repairer with the built-in templates and, if given, those in `templatesFolder`.
    ///
    /// - Throws: ``TemplateError`` when a template file cannot be used.
    public init(templatesFolder: String? = nil) throws(TemplateError) {
        var library = try TemplateLibrary.builtIn()
        if let templatesFolder { try library.add(folder: templatesFolder) }
        self.library = library
    }

    /// Reads, cleans and reconstructs the file at `path`.
    ///
    /// - Throws: ``ReadError`` when the file cannot be read as a document.
    public func repair(path: String) throws(ReadError) -> Repair {
        repair(try reader.document(atPath: path))
    }

    /// Reads, cleans and reconstructs a document given as bytes; `path` names it.
    public func repair(bytes: [UInt8], path: String) throws(ReadError) -> Repair {
        repair(try reader.document(from: bytes, path: path))
    }

    /// Cleans and reconstructs a document already read.
    public func repair(_ document: Document) -> Repair {
        let cleaned = clean(document)
        var extraction = Reconstructor(library: library).extract(from: cleaned)
        Self.doubt(&extraction, onLinesDamagedIn: cleaned)
        return Repair(document: cleaned, extraction: extraction)
    }

    /// A cell read from a line whose bytes had to be replaced (a stray invalid byte, a NUL,
    /// an entity left out) is no surer than that replacement: its confidence is lowered to
    /// the edit's.
    static func doubt(_ extraction: inout Extraction, onLinesDamagedIn document: Document) {
        var damage: [Int: Double] = [:]
        for edit in document.edits where edit.kind == .decoding {
            damage[edit.line] = min(damage[edit.line] ?? 1, edit.confidence)
        }
        guard !damage.isEmpty else { return }
        for table in extraction.tables.indices {
            for cell in extraction.tables[table].cells.indices {
                guard let cap = damage[extraction.tables[table].cells[cell].line] else { continue }
                extraction.tables[table].cells[cell].confidence = min(extraction.tables[table].cells[cell].confidence, cap)
            }
        }
    }

    /// Runs the cleanup passes alone: the cleaned document with its edits, no tables.
    func clean(_ document: Document) -> Document {
        let vocabulary = library.templates.flatMap(\.vocabulary)
        return CleanupPipeline.standard(vocabulary: vocabulary).apply(to: document)
    }
}

/// The result of repairing one document: its cleaned text and edits, and its tables.
public struct Repair: Sendable {
    public var document: Document
    public var extraction: Extraction

    /// The object `tablefix repair --format json` prints (spec/output.md).
    public var json: JSONValue { RepairJSON().object(for: document, extraction: extraction) }

    /// The JSON object as text, pretty-printed.
    public var jsonText: String { json.rendered() }

    /// The cleaned document as text, tables as tab-separated rows.
    public var text: String { document.text }
}
