internal import CLibXML2

/// Parses HTML with libxml2's forgiving parser and hands back the tree as Swift values.
///
/// The parser recovers from any markup a browser would accept, never touches the network,
/// never loads a DTD and never expands external entities. Elements nested deeper than
/// ``maximumDepth`` are not nested further: their descendants follow them as siblings, in
/// document order, so deeply nested markup cannot exhaust the stack of whoever walks the
/// tree.
///
/// ```swift
/// let page = try HTMLParser().document(fromUTF8: Array("<p>正文</p>".utf8))
/// ```
package struct HTMLParser: Sendable {
    /// How deep the returned tree may nest.
    package var maximumDepth: Int

    package init(maximumDepth: Int = 256) {
        self.maximumDepth = max(2, maximumDepth)
    }

    /// Parses a page given as UTF-8 bytes (decode other encodings first: the parser is told
    /// the bytes are UTF-8, whatever a `<meta charset>` says).
    ///
    /// - Returns: The document node, named `#document`, whose children are the top-level
    ///   nodes (normally one `html` element).
    /// - Throws: ``MarkupError`` when libxml2 produces no document at all (empty input,
    ///   or more than 2 GiB), or stops early at one of its limits (elements nested deeper
    ///   than 256).
    /// - Complexity: O(n) in the size of the page.
    package func document(fromUTF8 bytes: [UInt8], url: String = "page.html") throws(MarkupError) -> MarkupElement {
        LibXML.initialise()
        guard !bytes.isEmpty else { throw MarkupError(line: 0, message: "Document is empty") }
        guard bytes.count < Int(Int32.max) else { throw MarkupError(line: 0, message: "larger than 2 GiB") }
        guard let context = htmlNewParserCtxt() else { throw MarkupError(line: 0, message: "out of memory") }
        defer { htmlFreeParserCtxt(context) }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue)
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { characters in
                    htmlCtxtReadMemory(context, characters, Int32(buffer.count), url, "UTF-8", options)
                }
            }
        }
        guard let document = parsed else {
            var sink = tablefix_xml_error()
            tablefix_context_error(context, &sink)
            throw LibXML.error(from: sink, fallback: "not an HTML document")
        }
        defer { xmlFreeDoc(document) }
        // In recover mode only a hard limit (such as nesting past 256 elements) stops the
        // parser; what it built so far is not the page, so that is an error.
        if context.pointee.disableSAX != 0 {
            var sink = tablefix_xml_error()
            tablefix_context_error(context, &sink)
            throw LibXML.error(from: sink, fallback: "the parser stopped early")
        }
        return tree(from: document)
    }

    /// One level of the tree being built: the element and the next C child to visit.
    private struct Frame {
        var element: MarkupElement
        var next: xmlNodePtr?
    }

    /// Copies the document into Swift values without recursion.
    private func tree(from document: htmlDocPtr) -> MarkupElement {
        var stack = [Frame(element: MarkupElement(name: "#document", line: 1), next: document.pointee.children)]
        while let top = stack.indices.last {
            guard let node = stack[top].next else {
                let finished = stack.removeLast()
                if let parent = stack.indices.last {
                    stack[parent].element.children.append(.element(finished.element))
                    continue
                }
                return finished.element
            }
            stack[top].next = node.pointee.next
            guard let copy = Self.copy(node) else { continue }
            guard case .element(let element) = copy, let firstChild = node.pointee.children else {
                stack[top].element.children.append(copy)
                continue
            }
            if stack.count < maximumDepth {
                stack.append(Frame(element: element, next: firstChild))
            } else {
                stack[top].element.children.append(copy)
                Self.flatten(from: firstChild, below: node, into: &stack[top].element.children)
            }
        }
        return MarkupElement(name: "#document")
    }

    /// Appends every node under `parent`, from `first` on, in document order and without
    /// their children: what lies beyond the depth limit.
    private static func flatten(from first: xmlNodePtr, below parent: xmlNodePtr, into nodes: inout [MarkupNode]) {
        var current: xmlNodePtr? = first
        while let node = current {
            if let copy = copy(node) { nodes.append(copy) }
            if let child = node.pointee.children, node.pointee.type == XML_ELEMENT_NODE {
                current = child
                continue
            }
            var climb: xmlNodePtr? = node
            current = nil
            while let up = climb, up != parent {
                if let sibling = up.pointee.next {
                    current = sibling
                    break
                }
                climb = up.pointee.parent
            }
        }
    }

    /// An element without its children, or a text node; nil for comments and the like.
    private static func copy(_ node: xmlNodePtr) -> MarkupNode? {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            let name = LibXML.string(node.pointee.name)?.lowercased() ?? ""
            return .element(MarkupElement(name: name, attributes: attributes(of: node), line: xmlGetLineNo(node)))
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            return LibXML.string(node.pointee.content).map { MarkupNode.text($0, line: xmlGetLineNo(node)) }
        default:
            return nil
        }
    }

    private static func attributes(of node: xmlNodePtr) -> [String: String] {
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            guard let name = LibXML.string(current.pointee.name)?.lowercased(), attributes[name] == nil else {
                continue
            }
            var value: [UInt8] = []
            var child = current.pointee.children
            while let text = child, value.count < MarkupElement.attributeLimit {
                if let content = text.pointee.content {
                    let length = min(
                        strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self)),
                        MarkupElement.attributeLimit - value.count)
                    value.append(contentsOf: UnsafeBufferPointer(start: content, count: length))
                }
                child = text.pointee.next
            }
            attributes[name] = String(decoding: value, as: UTF8.self)
        }
        return attributes
    }
}
