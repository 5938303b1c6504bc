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
        let extraction = Reconstructor(library: library).extract(from: cleaned)
        return Repair(document: cleaned, extraction: extraction)
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
