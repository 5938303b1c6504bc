import TablefixModel
import TablefixXML

/// The parts a DOCX package names in its relationship parts: the main document, and the
/// numbering and styles that document uses.
struct DOCXRelationships {
    /// The main document part: from `_rels/.rels`, else `word/document.xml`.
    var document = "word/document.xml"
    /// The numbering part, from the document's relationships, else `word/numbering.xml`.
    var numbering = "word/numbering.xml"
    /// The styles part, from the document's relationships, else `word/styles.xml`.
    var styles = "word/styles.xml"
    /// The core properties part (title, author), from `_rels/.rels`, else `docProps/core.xml`.
    var coreProperties = "docProps/core.xml"

    /// The title a core properties part declares (`dc:title`), white space collapsed; nil
    /// when it declares none.
    static func declaredTitle(in bytes: [UInt8], part: String) throws(MarkupError) -> String? {
        var title = ""
        let reader = try XMLStreamReader(bytes: bytes, part: part, keepingAttributesOf: [])
        try reader.forEach { event, open in
            guard case .text(let text) = event, open.last?.local == "title", title.count < Document.declaredTitleLength
            else { return }
            title += text
        }
        return Document.declaredTitle(title)
    }

    /// The targets of a relationship part by the last word of their type
    /// (`officeDocument`, `numbering`, `styles`), resolved against `folder`.
    static func targets(in bytes: [UInt8], part: String, folder: String) throws(MarkupError) -> [String: String] {
        var targets: [String: String] = [:]
        let reader = try XMLStreamReader(bytes: bytes, part: part, keepingAttributesOf: ["Relationship"])
        try reader.forEach { event, _ in
            guard case .start(let start) = event, start.name.local == "Relationship",
                start.attributes["TargetMode"]?.lowercased() != "external",
                let type = start.attributes["Type"], let target = start.attributes["Target"]
            else { return }
            let kind = String(type.split(separator: "/").last ?? "")
            if targets[kind] == nil { targets[kind] = resolve(target, in: folder) }
        }
        return targets
    }

    /// The targets of a relationship part by their ids (`rId7`), resolved against `folder`.
    static func targetsByID(in bytes: [UInt8], part: String, folder: String) throws(MarkupError) -> [String: String] {
        var targets: [String: String] = [:]
        let reader = try XMLStreamReader(bytes: bytes, part: part, keepingAttributesOf: ["Relationship"])
        try reader.forEach { event, _ in
            guard case .start(let start) = event, start.name.local == "Relationship",
                start.attributes["TargetMode"]?.lowercased() != "external",
                let id = start.attributes["Id"], let target = start.attributes["Target"]
            else { return }
            targets[id] = resolve(target, in: folder)
        }
        return targets
    }

    /// A relationship target as a package path: absolute (`/word/x.xml`) or relative to
    /// `folder`, with `..` resolved.
    static func resolve(_ target: String, in folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(piece)
            }
        }
        return parts.joined(separator: "/")
    }
}
