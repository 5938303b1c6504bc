import TablefixModel
import TablefixXML

/// Reads the main document part of a DOCX package as a stream of XML events and turns it
/// into blocks: the working part of ``DOCXReader``.
///
/// Paragraphs (`w:p`) are numbered by their ordinal, which stands for the line. Runs give
/// their `w:t` text, `w:tab` a tab and `w:br`/`w:cr` a line break (a new block); list
/// numbers are rendered and put in front. Deleted and moved-away text (`w:del`,
/// `w:moveFrom`), tracked property changes, hidden runs (`w:vanish`) and the fallback
/// half of `mc:AlternateContent` are left out; text boxes (`w:txbxContent`) are read
/// where they stand. A picture (`w:drawing`, `w:pict`, an OLE `w:object` preview) is an
/// image block named from `wp:docPr` (`descr`, else `title`, else `name`) or the VML
/// `alt`/`o:title`.
struct DOCXBodyReader {
    /// Why the body cannot be read.
    enum Failure: Error {
        case markup(MarkupError)
        /// A table at this paragraph ordinal expands past the slot limit.
        case tooLarge(line: Int)
    }

    private struct Paragraph {
        var line: Int
        var style: String?
        var numberID: Int?
        var level: Int?
        var outlineLevel: Int?
        var text = ""
        var marker: String?
        var markerResolved = false
        var markerUsed = false
    }

    private struct OpenTable {
        var table: DOCXTable
        var row: DOCXTable.Row?
        var cell: DOCXTable.Cell?
    }

    private struct Drawing {
        var name: String?
        var fallbackName: String?
        var hasPicture = false
        var hasTextBox = false
        /// The relationship id of the picture's file in the package (`r:embed`, `r:id`).
        var relationship: String?
    }

    var styles: DOCXStyles
    var numbering: DOCXNumbering
    private(set) var blocks: [Block] = []
    /// The relationship id of each image block's picture file, in the order the image
    /// blocks were made (nil for a picture whose file is not in the package).
    private(set) var pictures: [String?] = []
    private var paragraphs: [Paragraph] = []
    private var tables: [OpenTable] = []
    private var drawings: [Drawing] = []
    /// Whether each paragraph style seen so far makes a heading, so that a style's chain
    /// is looked up once, not once per paragraph.
    private var headingStyles: [String: Bool] = [:]
    private var skipDepth = 0
    private var inText = false
    private var runHidden = false
    private var ordinal = 0

    /// The cells the document's tables may still expand to.
    let budget = CellBudget()
    /// Entity references left out of the text (`&org;`), each an edit.
    private(set) var edits: [Edit] = []
    /// The confidence of the text around an entity left out: a name or a word is missing.
    static let entityConfidence = ConfidencePolicy.standard.editReplacedBytes

    init(styles: DOCXStyles, numbering: DOCXNumbering) {
        self.styles = styles
        self.numbering = numbering
    }

    /// The elements left out with everything in them.
    static let skipped: Set<String> = [
        "del", "moveFrom", "pPrChange", "rPrChange", "tblPrChange", "trPrChange", "tcPrChange", "sectPrChange",
        "tblGridChange", "numberingChange", "delText", "delInstrText",
    ]

    /// The elements whose attributes the reader needs.
    static let attributed: Set<String> = [
        "pStyle", "numId", "ilvl", "outlineLvl", "vanish", "gridSpan", "vMerge", "gridBefore", "docPr", "imagedata",
        "shape", "blip",
    ]

    /// Reads the whole part.
    mutating func read(_ bytes: [UInt8], part: String) throws(Failure) {
        let reader: XMLStreamReader
        do {
            reader = try XMLStreamReader(bytes: bytes, part: part, keepingAttributesOf: Self.attributed)
        } catch {
            throw .markup(error)
        }
        var open: [XMLName] = []
        while true {
            let event: XMLEvent?
            do {
                event = try reader.next()
            } catch {
                throw .markup(error)
            }
            guard let event else { break }
            switch event {
            case .start(let start):
                open.append(start.name)
                let parent = open.count >= 2 ? open[open.count - 2].local : ""
                let grandparent = open.count >= 3 ? open[open.count - 3].local : ""
                self.start(start, parent: parent, grandparent: grandparent)
            case .end(let name):
                open.removeLast()
                try end(name)
            case .text(let text):
                if skipDepth == 0, inText, !runHidden, !paragraphs.isEmpty {
                    paragraphs[paragraphs.count - 1].text += text
                }
            case .entity(let name, _):
                // Its text is in the document's DTD, which is never read: say it is missing.
                if skipDepth == 0, inText, !runHidden, let paragraph = paragraphs.last {
                    edits.append(Edit(
                        kind: .decoding, before: "&\(name);", after: "", line: paragraph.line,
                        confidence: Self.entityConfidence))
                }
            }
        }
    }

    private mutating func start(_ start: XMLStart, parent: String, grandparent: String) {
        let name = start.name
        let attributes = start.attributes
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        guard WordML.isMain(name.namespace) else {
            if name.local == "Fallback", name.namespace == WordML.markupCompatibility {
                skipDepth = 1
                return
            }
            drawingPart(name.local, attributes)
            return
        }
        if Self.skipped.contains(name.local) {
            skipDepth = 1
            return
        }
        switch name.local {
        case "p":
            ordinal += 1
            splitOpenParagraph()
            paragraphs.append(Paragraph(line: ordinal))
        case "pStyle" where parent == "pPr":
            updateParagraph { $0.style = attributes["val"] }
        case "numId" where parent == "numPr" && grandparent == "pPr":
            updateParagraph { $0.numberID = WordML.integer(attributes) }
        case "ilvl" where parent == "numPr" && grandparent == "pPr":
            updateParagraph { $0.level = WordML.integer(attributes) }
        case "outlineLvl" where parent == "pPr":
            updateParagraph { $0.outlineLevel = WordML.integer(attributes) }
        case "r":
            runHidden = false
        case "vanish" where parent == "rPr" && grandparent == "r":
            runHidden = WordML.isOn(attributes)
        case "t" where parent == "r":
            inText = true
        case "tab" where parent == "r":
            appendText("\t")
        case "br" where parent == "r", "cr" where parent == "r":
            appendText("\n")
        case "noBreakHyphen" where parent == "r":
            appendText("-")
        case "tbl":
            splitOpenParagraph()
            tables.append(OpenTable(table: DOCXTable(line: ordinal + 1)))
        case "gridCol" where parent == "tblGrid":
            updateTable { $0.table.gridColumns += 1 }
        case "tr":
            let line = ordinal + 1
            updateTable { $0.row = DOCXTable.Row(line: line) }
        case "gridBefore" where parent == "trPr":
            updateTable { $0.row?.gridBefore = max(0, WordML.integer(attributes) ?? 0) }
        case "tc":
            let line = ordinal + 1
            updateTable { $0.cell = DOCXTable.Cell(line: line) }
        case "gridSpan" where parent == "tcPr":
            updateTable { $0.cell?.columnSpan = max(1, WordML.integer(attributes) ?? 1) }
        case "vMerge" where parent == "tcPr":
            let value = attributes["val"]?.lowercased()
            updateTable { $0.cell?.merge = value == "restart" ? .restart : .continue }
        case "drawing", "pict", "object":
            drawings.append(Drawing())
        case "txbxContent":
            if !drawings.isEmpty { drawings[drawings.count - 1].hasTextBox = true }
        default:
            break
        }
    }

    /// What a picture's non-WordprocessingML parts say: that it is a picture, and its name.
    private mutating func drawingPart(_ local: String, _ attributes: [String: String]) {
        guard !drawings.isEmpty else { return }
        let index = drawings.count - 1
        switch local {
        case "docPr":
            let named = [attributes["descr"], attributes["title"], attributes["name"]].compactMap { $0?.trimmingSpaces }
            if drawings[index].name == nil { drawings[index].name = named.first { !$0.isEmpty } }
        case "blip":
            drawings[index].hasPicture = true
            if drawings[index].relationship == nil { drawings[index].relationship = attributes["embed"] }
        case "pic", "chart", "relIds":
            drawings[index].hasPicture = true
        case "imagedata":
            drawings[index].hasPicture = true
            if drawings[index].relationship == nil { drawings[index].relationship = attributes["id"] }
            if let title = attributes["title"]?.trimmingSpaces, !title.isEmpty { drawings[index].fallbackName = title }
        case "shape":
            if let alt = attributes["alt"]?.trimmingSpaces, !alt.isEmpty { drawings[index].fallbackName = alt }
        default:
            break
        }
    }

    private mutating func end(_ name: XMLName) throws(Failure) {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        guard WordML.isMain(name.namespace) else { return }
        switch name.local {
        case "t":
            inText = false
        case "r":
            runHidden = false
        case "p":
            guard var paragraph = paragraphs.popLast() else { return }
            emitText(of: &paragraph, final: true)
        case "tc":
            updateTable { open in
                if let cell = open.cell { open.row?.cells.append(cell) }
                open.cell = nil
            }
        case "tr":
            updateTable { open in
                if let row = open.row { open.table.rows.append(row) }
                open.row = nil
            }
        case "tbl":
            guard let open = tables.popLast() else { return }
            let grid: Grid
            do {
                grid = try open.table.grid()
            } catch {
                throw .tooLarge(line: open.table.line)
            }
            guard budget.take(grid.width * grid.rows.count) else { throw .tooLarge(line: open.table.line) }
            if grid.width > 0, !grid.rows.isEmpty {
                emit(Block(.table(grid), lines: open.table.line...max(open.table.line, ordinal)))
            }
            for block in open.table.nested { emit(block) }
        case "drawing", "pict", "object":
            guard let drawing = drawings.popLast(), drawing.hasPicture, !drawing.hasTextBox else { return }
            splitOpenParagraph()
            let line = paragraphs.last?.line ?? max(ordinal, 1)
            emit(Block(.image(name: drawing.name ?? drawing.fallbackName ?? ""), lines: line...line))
            pictures.append(drawing.relationship)
        default:
            break
        }
    }

    private mutating func updateParagraph(_ change: (inout Paragraph) -> Void) {
        guard !paragraphs.isEmpty else { return }
        change(&paragraphs[paragraphs.count - 1])
    }

    private mutating func updateTable(_ change: (inout OpenTable) -> Void) {
        guard !tables.isEmpty else { return }
        change(&tables[tables.count - 1])
    }

    private mutating func appendText(_ text: String) {
        guard skipDepth == 0, !runHidden else { return }
        updateParagraph { $0.text += text }
    }

    /// Ends the text of the open paragraph so far, because a table, text box or picture
    /// starts inside it.
    private mutating func splitOpenParagraph() {
        guard var paragraph = paragraphs.popLast() else { return }
        emitText(of: &paragraph, final: false)
        paragraphs.append(paragraph)
    }

    /// Emits a paragraph's pending text, its list number in front of the first part.
    private mutating func emitText(of paragraph: inout Paragraph, final: Bool) {
        if !paragraph.markerResolved {
            paragraph.markerResolved = true
            paragraph.marker = marker(for: paragraph)
        }
        var text = paragraph.text
        paragraph.text = ""
        if !paragraph.markerUsed, let marker = paragraph.marker, final || !text.isBlank {
            text = marker + text
            paragraph.markerUsed = true
        }
        let styleHeading =
            isHeadingStyle(paragraph.style) || (paragraph.outlineLevel.map { (0...8).contains($0) } ?? false)
        for piece in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = String(piece)
            guard !line.isBlank else { continue }
            let textLine = [TextLine(line, line: paragraph.line)]
            let inCell = tables.contains { $0.cell != nil }
            let heading = !inCell && (styleHeading || LineRole.isHeading(line.trimmingSpaces))
            emit(Block(heading ? .heading(textLine) : .paragraph(textLine), lines: paragraph.line...paragraph.line))
        }
    }

    /// ``DOCXStyles/isHeading(_:)``, remembered per style.
    private mutating func isHeadingStyle(_ id: String?) -> Bool {
        guard let id else { return styles.isHeading(nil) }
        if let known = headingStyles[id] { return known }
        let heading = styles.isHeading(id)
        headingStyles[id] = heading
        return heading
    }

    /// The rendered list number of a paragraph: its own `w:numPr`, else its style's.
    private mutating func marker(for paragraph: Paragraph) -> String? {
        let fromStyle = styles.numbering(paragraph.style)
        guard let numberID = paragraph.numberID ?? fromStyle?.numberID else { return nil }
        let level = paragraph.level ?? fromStyle?.level ?? 0
        return numbering.marker(numberID: numberID, level: level, styles: styles)
    }

    /// Sends a block where it belongs: text into the innermost open table cell, anything
    /// else after that cell's table; outside tables, into the document.
    private mutating func emit(_ block: Block) {
        guard let index = tables.lastIndex(where: { $0.cell != nil }) else {
            blocks.append(block)
            return
        }
        if let lines = block.textLines {
            tables[index].cell?.lines += lines.map(\.text)
        } else {
            tables[index].table.nested.append(block)
        }
    }
}
