import TablefixXML

/// The paragraph styles of a DOCX package (`word/styles.xml`): which are headings and
/// which carry list numbering.
struct DOCXStyles {
    struct Style {
        var name: String?
        var basedOn: String?
        var numberID: Int?
        var level: Int?
        var outlineLevel: Int?
    }

    private(set) var styles: [String: Style] = [:]
    /// The style of a paragraph that names none (`Normal`).
    private(set) var defaultParagraphStyle: String?

    init() {}

    /// Reads `styles.xml`.
    ///
    /// - Throws: ``MarkupError`` when the part is not well-formed XML.
    init(bytes: [UInt8], part: String) throws(MarkupError) {
        let reader = try XMLStreamReader(
            bytes: bytes, part: part,
            keepingAttributesOf: ["style", "name", "basedOn", "numId", "ilvl", "outlineLvl"])
        var current: (id: String, style: Style)?
        var styles: [String: Style] = [:]
        var defaultParagraphStyle: String?
        try reader.forEach { event, open in
            switch event {
            case .start(let start):
                let name = start.name
                guard WordML.isMain(name.namespace) else { return }
                if name.local == "style" {
                    guard start.attributes["type"] == "paragraph", let id = start.attributes["styleId"] else { return }
                    current = (id, Style())
                    if WordML.isOn(["val": start.attributes["default"] ?? "0"]) { defaultParagraphStyle = id }
                    return
                }
                guard current != nil else { return }
                let parent = open.count >= 2 ? open[open.count - 2].local : ""
                switch name.local {
                case "name" where parent == "style": current?.style.name = start.attributes["val"]
                case "basedOn" where parent == "style": current?.style.basedOn = start.attributes["val"]
                case "numId" where parent == "numPr": current?.style.numberID = WordML.integer(start.attributes)
                case "ilvl" where parent == "numPr": current?.style.level = WordML.integer(start.attributes)
                case "outlineLvl" where parent == "pPr": current?.style.outlineLevel = WordML.integer(start.attributes)
                default: break
                }
            case .end(let name):
                if WordML.isW(name, "style"), let finished = current {
                    styles[finished.id] = finished.style
                    current = nil
                }
            case .text, .entity:
                break
            }
        }
        self.styles = styles
        self.defaultParagraphStyle = defaultParagraphStyle
    }

    /// The style chain from `id` through its `basedOn` ancestors (at most 16, no cycles).
    private func chain(_ id: String?) -> [Style] {
        var result: [Style] = []
        var seen: Set<String> = []
        var next = id ?? defaultParagraphStyle
        while let current = next, !seen.contains(current), result.count < 16, let style = styles[current] {
            seen.insert(current)
            result.append(style)
            next = style.basedOn
        }
        return result
    }

    /// Whether a paragraph of this style is a heading: the style (or one it is based on)
    /// is named `heading N`, `标题 N` or `Title`, or has an outline level. Without
    /// styles.xml, the style id alone decides (`Heading1`, `Title`).
    func isHeading(_ id: String?) -> Bool {
        if let id, styles[id] == nil, Self.isHeadingName(id) { return true }
        for style in chain(id) {
            if let level = style.outlineLevel, (0...8).contains(level) { return true }
            if let name = style.name, Self.isHeadingName(name) { return true }
        }
        return false
    }

    /// `heading 1`, `Heading1`, `标题 2`, `标题3`, `Title`, `标题`.
    static func isHeadingName(_ name: String) -> Bool {
        let compact = name.lowercased().filter { !$0.isWhitespace }
        if compact == "title" || compact == "标题" { return true }
        for prefix in ["heading", "标题"] where compact.hasPrefix(prefix) {
            let rest = compact.dropFirst(prefix.count)
            if rest.count == 1, let digit = rest.first, ("1"..."9").contains(digit) { return true }
        }
        return false
    }

    /// The list numbering a style gives its paragraphs: its own or inherited `w:numPr`.
    func numbering(_ id: String?) -> (numberID: Int, level: Int?)? {
        for style in chain(id) {
            if let number = style.numberID { return (number, style.level) }
        }
        return nil
    }
}
