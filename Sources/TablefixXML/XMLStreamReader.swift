internal import CLibXML2

/// A qualified XML name: the namespace URI and the local name.
package struct XMLName: Hashable, Sendable, CustomStringConvertible {
    /// The namespace URI, empty for none.
    package var namespace: String
    /// The name without its prefix (`p` for `w:p`).
    package var local: String

    package init(_ namespace: String, _ local: String) {
        self.namespace = namespace
        self.local = local
    }

    package var description: String { namespace.isEmpty ? local : "{\(namespace)}\(local)" }
}

/// The start of an element: its name, attributes and source line.
package struct XMLStart: Sendable, Equatable {
    package var name: XMLName
    /// Attributes by local name (the prefix dropped, namespace declarations left out); empty
    /// unless the reader was asked to keep the attributes of this element.
    package var attributes: [String: String]
    /// The 1-based line of the start tag.
    package var line: Int
}

/// One step through an XML document.
package enum XMLEvent: Sendable, Equatable {
    /// An element starts (an empty element gives `.start` and then `.end`).
    case start(XMLStart)
    /// An element ends.
    case end(XMLName)
    /// Character data: text, CDATA, or white space that `xml:space="preserve"` keeps.
    case text(String)
    /// A reference to an entity the document's own DTD declares (`&org;`), on `line`: not
    /// expanded (no entity ever is), so the reader can say what text it lacks.
    case entity(String, line: Int)
}

/// Reads an XML document as a stream of events with libxml2's text reader, so that a large
/// document never needs its whole tree in memory.
///
/// The reader never touches the network, never loads a DTD and never expands entities;
/// libxml2's depth limit stays on (a document nested 256 deep is an error, not a crash).
///
/// ```swift
/// let reader = try XMLStreamReader(bytes: documentXML, part: "word/document.xml")
/// while let event = try reader.next() { … }
/// ```
package final class XMLStreamReader {
    private let buffer: UnsafeMutableBufferPointer<CChar>
    private let reader: xmlTextReaderPtr
    private let keptAttributes: Set<String>?
    private let sink: UnsafeMutablePointer<tablefix_xml_error>
    private var pendingEnd: XMLName?
    private var names: [UnsafeRawPointer: String] = [:]
    private var finished = false

    /// Prepares to read `bytes`; `part` names the document in errors.
    ///
    /// - Parameter keepingAttributesOf: The local names of the elements whose attributes
    ///   the caller needs; nil keeps every element's.
    /// - Throws: ``MarkupError`` when the bytes are empty or libxml2 cannot start.
    package init(bytes: [UInt8], part: String, keepingAttributesOf: Set<String>? = nil) throws(MarkupError) {
        LibXML.initialise()
        guard !bytes.isEmpty else { throw MarkupError(line: 0, message: "Document is empty") }
        guard bytes.count < Int(Int32.max) else { throw MarkupError(line: 0, message: "larger than 2 GiB") }
        // libxml2 reads the memory in place while the reader lives: keep a copy it can rely on.
        let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: bytes.count)
        bytes.withUnsafeBytes { raw in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw)
        }
        guard
            let reader = xmlReaderForMemory(
                buffer.baseAddress, Int32(buffer.count), part, nil, Int32(XML_PARSE_NONET.rawValue))
        else {
            buffer.deallocate()
            throw MarkupError(line: 0, message: "cannot start the XML reader")
        }
        // The error callback keeps this pointer, so it lives as long as the reader.
        let sink = UnsafeMutablePointer<tablefix_xml_error>.allocate(capacity: 1)
        sink.initialize(to: tablefix_xml_error())
        self.buffer = buffer
        self.reader = reader
        self.sink = sink
        self.keptAttributes = keepingAttributesOf
        tablefix_reader_capture_errors(reader, sink)
    }

    deinit {
        xmlFreeTextReader(reader)
        sink.deallocate()
        buffer.deallocate()
    }

    /// The next event, or nil at the end of the document.
    ///
    /// - Throws: ``MarkupError`` with the line of the first error when the XML is not
    ///   well-formed.
    package func next() throws(MarkupError) -> XMLEvent? {
        if let end = pendingEnd {
            pendingEnd = nil
            return .end(end)
        }
        while !finished {
            let status = xmlTextReaderRead(reader)
            if status == 0 {
                finished = true
                return nil
            }
            if status < 0 {
                finished = true
                throw LibXML.error(from: sink.pointee, fallback: "not well-formed XML")
            }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let name = currentName()
                let start = XMLStart(
                    name: name, attributes: keptAttributes.map { $0.contains(name.local) } ?? true ? attributes() : [:],
                    line: Int(xmlTextReaderGetParserLineNumber(reader)))
                if xmlTextReaderIsEmptyElement(reader) == 1 { pendingEnd = name }
                return .start(start)
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return .end(currentName())
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                return .text(LibXML.string(xmlTextReaderConstValue(reader)) ?? "")
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                return .entity(interned(xmlTextReaderConstLocalName(reader)), line: Int(xmlTextReaderGetParserLineNumber(reader)))
            default:
                continue
            }
        }
        return nil
    }

    private func currentName() -> XMLName {
        XMLName(interned(xmlTextReaderConstNamespaceUri(reader)), interned(xmlTextReaderConstLocalName(reader)))
    }

    /// Names live in the reader's dictionary for its whole life: convert each once.
    private func interned(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        let key = UnsafeRawPointer(pointer)
        if let name = names[key] { return name }
        let name = String(cString: pointer)
        names[key] = name
        return name
    }

    private static let xmlnsNamespace = "http://www.w3.org/2000/xmlns/"

    private func attributes() -> [String: String] {
        var attributes: [String: String] = [:]
        guard xmlTextReaderHasAttributes(reader) == 1 else { return attributes }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            let namespace = interned(xmlTextReaderConstNamespaceUri(reader))
            guard namespace != Self.xmlnsNamespace else { continue }
            let local = interned(xmlTextReaderConstLocalName(reader))
            if attributes[local] == nil {
                attributes[local] = LibXML.string(xmlTextReaderConstValue(reader)) ?? ""
            }
        }
        xmlTextReaderMoveToElement(reader)
        return attributes
    }
}
