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
    /// The templates tables are rebuilt from.
    public let library: TemplateLibrary
    /// A document whose repair takes longer is given up (``ReadError/Code/tooSlow``);
    /// nil: no limit.
    public var timeLimit: Duration?
    let reader = DocumentReader()
    /// The cleanup passes, their vocabulary (the templates' labels) read once.
    let cleanup: CleanupPipeline
    /// The reconstruction, with what it derives from the templates prepared once.
    let reconstructor: Reconstructor

    /// A repairer with the built-in templates and, if given, those in `templatesFolder`.
    ///
    /// - Throws: ``TemplateError`` when a template file cannot be used.
    public init(templatesFolder: String? = nil) throws(TemplateError) {
        var library = try TemplateLibrary.builtIn()
        if let templatesFolder { try library.add(folder: templatesFolder) }
        self.library = library
        cleanup = CleanupPipeline.standard(vocabulary: library.templates.flatMap(\.vocabulary))
        reconstructor = Reconstructor(library: library)
    }

    /// Reads, cleans and reconstructs the file at `path`.
    ///
    /// - Throws: ``ReadError`` when the file cannot be read as a document, or its repair
    ///   takes longer than ``timeLimit``.
    public func repair(path: String) throws(ReadError) -> Repair {
        let start = ContinuousClock.now
        return try repair(try reader.document(atPath: path), startedAt: start)
    }

    /// Reads, cleans and reconstructs a document given as bytes; `path` names it.
    public func repair(bytes: [UInt8], path: String) throws(ReadError) -> Repair {
        let start = ContinuousClock.now
        return try repair(try reader.document(from: bytes, path: path), startedAt: start)
    }

    /// The repair of a document read from `start` on, within ``timeLimit``.
    func repair(_ document: Document, startedAt start: ContinuousClock.Instant) throws(ReadError) -> Repair {
        guard let timeLimit else { return repair(document) }
        let cleaned = clean(document)
        do {
            let extraction = try reconstructor.extract(from: cleaned, until: start + timeLimit)
            return Repair(document: cleaned, extraction: extraction)
        } catch {
            throw ReadError(.tooSlow, file: document.source.path,
                            reason: "its repair took longer than \(Self.seconds(timeLimit)), the time limit for one document")
        }
    }

    /// This repairer with ``timeLimit`` set.
    public func limited(to timeLimit: Duration?) -> Repairer {
        var repairer = self
        repairer.timeLimit = timeLimit
        return repairer
    }

    /// A duration as a user reads it: `60 s`, `0.5 s`.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) + Double(attoseconds) / 1e18
        return value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    /// Cleans and reconstructs a document already read.
    public func repair(_ document: Document) -> Repair {
        let cleaned = clean(document)
        let extraction = reconstructor.extract(from: cleaned)
        return Repair(document: cleaned, extraction: extraction)
    }

    /// Runs the cleanup passes alone: the cleaned document with its edits, no tables.
    func clean(_ document: Document) -> Document {
        cleanup.apply(to: document)
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
