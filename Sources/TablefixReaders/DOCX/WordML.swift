import TablefixModel
import TablefixXML

/// The names DOCX parts use, in both the transitional and the strict OOXML namespaces.
enum WordML {
    static let transitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// Whether `namespace` is WordprocessingML's, transitional or strict. Called for every
    /// element of a part: comparing two strings is cheaper than hashing one.
    static func isMain(_ namespace: String) -> Bool {
        namespace == transitional || namespace == strict
    }

    /// Whether `name` is the WordprocessingML element `local` (`w:p`, `w:tbl` …).
    static func isW(_ name: XMLName, _ local: String) -> Bool {
        name.local == local && isMain(name.namespace)
    }

    /// An on/off property (`<w:vanish/>`, `<w:isLgl w:val="true"/>`): on unless its value
    /// says off.
    static func isOn(_ attributes: [String: String]) -> Bool {
        guard let value = attributes["val"]?.lowercased() else { return true }
        return !["0", "false", "off", "none"].contains(value)
    }

    /// An integer attribute value (`w:val="3"`), or nil.
    static func integer(_ attributes: [String: String], _ key: String = "val") -> Int? {
        attributes[key].flatMap { Int($0.trimmingSpaces) }
    }
}

extension XMLStreamReader {
    /// Reads a whole part, calling `body` with each event and the names of the elements
    /// open around it (innermost last, the event's own start included).
    func forEach(_ body: (XMLEvent, [XMLName]) throws(MarkupError) -> Void) throws(MarkupError) {
        var open: [XMLName] = []
        while let event = try next() {
            switch event {
            case .start(let start):
                open.append(start.name)
                try body(event, open)
            case .end:
                try body(event, open)
                open.removeLast()
            case .text, .entity:
                try body(event, open)
            }
        }
    }
}
