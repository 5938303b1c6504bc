import Foundation
import TablefixModel
import TablefixXML

/// Walks a parsed page in document order and turns it into blocks: the working part of
/// ``HTMLReader``.
struct HTMLWalker {
    /// The page's path, for errors.
    let path: String
    /// The blocks found so far.
    var blocks: [Block] = []
    /// The `src` of each `<img>`, by the line of its image block (the first on a line).
    var imageSources: [Int: String] = [:]
    private var inline = InlineText()
    private var headingDepth = 0
    private var preformattedDepth = 0
    /// Inside `article`, `aside`, `main` or `section`, where `header` and `footer` are the
    /// section's own, not the page's.
    private var sectioningDepth = 0

    /// Whether the walker reads a table cell, whose lines are never headings.
    let isCell: Bool
    /// The cells the document's tables may still expand to, shared with nested walkers.
    let budget: CellBudget

    init(path: String, isCell: Bool = false, budget: CellBudget = CellBudget()) {
        self.path = path
        self.isCell = isCell
        self.budget = budget
    }

    /// Elements whose content never shows as text.
    static let dropped: Set<String> = [
        "head", "script", "style", "noscript", "iframe", "frame", "template", "nav", "select", "option",
        "optgroup", "datalist", "textarea", "svg", "canvas", "object", "embed", "audio", "video", "applet",
        "title", "meta", "link", "base",
    ]

    /// Elements that start and end a line of their own.
    static let blockElements: Set<String> = [
        "#document", "html", "body", "address", "article", "aside", "blockquote", "center", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header",
        "hgroup", "legend", "li", "main", "menu", "ol", "p", "section", "summary", "ul", "caption", "tr", "td",
        "th", "thead", "tbody", "tfoot", "search", "frameset", "noframes", "marquee",
    ]

    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    static let preformatted: Set<String> = ["pre", "listing", "xmp", "plaintext"]
    static let sectioning: Set<String> = ["article", "aside", "main", "section"]

    /// Walks an element and everything in it.
    mutating func walk(_ element: MarkupElement) throws(ReadError) {
        guard !isDropped(element) else { return }
        let name = element.name
        switch name {
        case "br":
            flush()
        case "hr":
            flush()
        case "img":
            flush()
            blocks.append(Block(.image(name: Self.imageName(element)), lines: element.line...element.line))
            if let source = element[attribute: "src"]?.trimmingSpaces, imageSources[element.line] == nil {
                imageSources[element.line] = source
            }
        case "table":
            try table(element)
        case _ where Self.headings.contains(name):
            flush()
            headingDepth += 1
            try walkChildren(element)
            flush()
            headingDepth -= 1
        case _ where Self.preformatted.contains(name):
            flush()
            preformattedDepth += 1
            try walkChildren(element)
            flush()
            preformattedDepth -= 1
        case _ where Self.blockElements.contains(name):
            let sectioning = Self.sectioning.contains(name)
            if sectioning { sectioningDepth += 1 }
            flush()
            try walkChildren(element)
            flush()
            if sectioning { sectioningDepth -= 1 }
        default:
            try walkChildren(element)
        }
    }

    /// Walks the children of an element, the element itself contributing nothing.
    mutating func walkChildren(_ element: MarkupElement) throws(ReadError) {
        for child in element.children {
            switch child {
            case .element(let element):
                try walk(element)
            case .text(let text, let line):
                appendText(text, line: line > 0 ? line : element.line)
            }
        }
    }

    private mutating func appendText(_ text: String, line: Int) {
        guard preformattedDepth > 0 else {
            inline.append(text, line: line)
            return
        }
        // Preformatted text keeps its line breaks: each line is a block.
        var first = true
        var number = line
        for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !first {
                flush()
                number += 1
            }
            first = false
            inline.append(String(piece.hasSuffix("\r") ? piece.dropLast() : piece), line: number, preformatted: true)
        }
    }

    /// Ends the current line: a heading or paragraph block when it holds text.
    mutating func flush() {
        guard let (text, line) = inline.take() else { return }
        let textLine = [TextLine(text, line: line)]
        let isHeading = !isCell && (headingDepth > 0 || LineRole.isHeading(text.trimmingSpaces))
        blocks.append(Block(isHeading ? .heading(textLine) : .paragraph(textLine), lines: line...line))
    }

    /// Whether an element and its content are left out: scripts, styles, navigation, the
    /// page's own header and footer, and anything hidden.
    private func isDropped(_ element: MarkupElement) -> Bool {
        let name = element.name
        if Self.dropped.contains(name) { return true }
        if (name == "header" || name == "footer"), sectioningDepth == 0 { return true }
        if element[attribute: "hidden"] != nil { return true }
        if let role = element[attribute: "role"]?.lowercased(), ["navigation", "banner", "contentinfo"].contains(role) {
            return true
        }
        if let style = element[attribute: "style"], Self.hides(style: style) { return true }
        if name == "input", element[attribute: "type"]?.lowercased() == "hidden" { return true }
        return false
    }

    /// Whether a `style` attribute hides its element: `display:none` or
    /// `visibility:hidden`, in any ASCII case and with any white space.
    ///
    /// - Complexity: O(n) in the attribute's length; Word-pasted pages put a style on
    ///   nearly every element.
    static func hides(style: String) -> Bool {
        var compact: [UInt8] = []
        compact.reserveCapacity(style.utf8.count)
        for scalar in style.unicodeScalars where !scalar.isSpace {
            // Anything not ASCII stands as a byte that matches no letter of the patterns.
            let byte = scalar.isASCII ? UInt8(scalar.value) : 0x80
            compact.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        return Self.find(Self.displayNone, in: compact) || Self.find(Self.visibilityHidden, in: compact)
    }

    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)

    /// Whether `pattern` occurs in `bytes`, by a plain scan: the patterns are short and a
    /// style holds few of their first letters.
    private static func find(_ pattern: [UInt8], in bytes: [UInt8]) -> Bool {
        guard let first = pattern.first, bytes.count >= pattern.count else { return false }
        var start = 0
        while start + pattern.count <= bytes.count {
            if bytes[start] == first {
                var offset = 1
                while offset < pattern.count, bytes[start + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return true }
            }
            start += 1
        }
        return false
    }

    /// An image's name: its `alt` text, else the file name of its `src` (nothing for a
    /// `data:` URI).
    static func imageName(_ element: MarkupElement) -> String {
        if let alt = element[attribute: "alt"]?.trimmingSpaces, !alt.isEmpty { return alt }
        guard let source = element[attribute: "src"]?.trimmingSpaces, !source.lowercased().hasPrefix("data:") else {
            return ""
        }
        let path = source.prefix { $0 != "?" && $0 != "#" }
        let name = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? ""
        return name.removingPercentEncoding ?? name
    }
}
