/// A node of a parsed HTML document, as plain Swift values that own their text.
package enum MarkupNode: Sendable, Equatable {
    /// An element and its children.
    case element(MarkupElement)
    /// Character data, entities already replaced (`&nbsp;` is U+00A0), and the 1-based
    /// line where libxml2 saw it.
    case text(String, line: Int)
}

/// An element of a parsed HTML document.
package struct MarkupElement: Sendable, Equatable {
    /// The tag name in lower case (`td`, `p`); `#document` for the root.
    package var name: String
    /// The attributes by lower-case name; values longer than ``MarkupElement/attributeLimit``
    /// bytes are cut (a `data:` URI can be megabytes and nothing needs more than its start).
    package var attributes: [String: String]
    /// The element's content in document order.
    package var children: [MarkupNode]
    /// The 1-based source line of the start tag (0 when unknown). libxml2 stops counting
    /// at 65535.
    package var line: Int

    /// The longest attribute value kept, in bytes.
    package static let attributeLimit = 4096

    package init(name: String, attributes: [String: String] = [:], children: [MarkupNode] = [], line: Int = 0) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    /// The value of an attribute, or nil.
    package subscript(attribute name: String) -> String? { attributes[name] }

    /// The child elements, in order.
    package var elements: [MarkupElement] {
        children.compactMap { node in
            if case .element(let element) = node { return element }
            return nil
        }
    }
}
