package import TablefixModel

/// Finds the paragraphs, headings, image placeholders and tables in plain text, whatever
/// the extractor made of the tables:
///
/// - one row per line, cells separated by tabs, merged cells left blank (HTML → text);
/// - one cell per line behind a tab, blank lines between rows, cells wrapped onto lines
///   of their own (DOCX → text);
/// - one cell per line behind bars, ` | value`, a bare ` |` closing each row (markdownify);
/// - one cell per line, an empty or no-break-space line an empty cell (office text
///   export, BeautifulSoup's `get_text("\n")`);
/// - columns aligned with runs of spaces (`pdftotext -layout`);
/// - rows of a label followed by numbers separated by single spaces (OCR);
/// - tables drawn with a frame: box-drawing characters (`w3m -dump`), markdown pipes;
/// - a one-column grid table around an article (pandoc's writers on a layout table),
///   read as the text it frames;
/// - HTML tables left in markdown (pandoc's gfm), read by ``HTMLReader``;
/// - markdown tables run together on one line with the text around them (markitdown on a
///   layout table).
///
/// The grids it returns are faithful to the input: nothing is merged, guessed or dropped.
package struct TextReader: Sendable {
    package init() {}

    /// Reads decoded text into blocks.
    ///
    /// - Complexity: O(n) in the length of the text.
    package func blocks(from text: String) -> [Block] {
        let lines = Self.splitLines(text)
        var aligned = AlignedLines(lines)
        let cellLineTables = cellLineTables(lines, aligned: &aligned)
        var blocks: [Block] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.trimmingSpaces.isEmpty {
                index += 1
                continue
            }
            if let (tableBlocks, end) = htmlTable(lines, from: index) {
                blocks += tableBlocks
                index = end + 1
                continue
            }
            if let (framed, end) = layoutTable(lines, from: index) {
                blocks += framed
                index = end + 1
                continue
            }
            if let flattened = Self.flattenedTableBlocks(line, number: index + 1) {
                blocks += flattened
                index += 1
                continue
            }
            if let (grid, end) = barLineTable(lines, from: index) {
                blocks.append(Block(.table(grid), lines: (index + 1)...(end + 1)))
                index = end + 1
                continue
            }
            if let (grid, end) = boxTable(lines, from: index) {
                blocks.append(Block(.table(grid), lines: (index + 1)...(end + 1)))
                index = end + 1
                continue
            }
            if line.includes("\t"), let (grid, end) = tabTable(lines, from: index) {
                blocks.append(Block(.table(grid), lines: (index + 1)...(end + 1)))
                index = end + 1
                continue
            }
            if let (grid, end) = cellLineTables[index] {
                blocks.append(Block(.table(grid), lines: (index + 1)...(end + 1)))
                index = end + 1
                continue
            }
            if let (grid, end) = alignedTable(lines, from: index, aligned: &aligned) {
                blocks.append(Block(.table(grid), lines: (index + 1)...(end + 1)))
                index = end + 1
                continue
            }
            blocks.append(Self.textBlock(line, number: index + 1))
            index += 1
        }
        return blocks
    }

    /// Splits on `\n`, `\r\n` and `\r`, keeping empty lines so numbering matches the input.
    static func splitLines(_ text: String) -> [Substring] {
        // A line end (`\n`, `\r\n`, `\r`) is a character of its own wherever it stands: it is
        // found by its bytes, and the lines between are whole characters.
        var lines: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = start
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == 0x0A || byte == 0x0D else {
                bytes.formIndex(after: &index)
                continue
            }
            lines.append(text[start..<index])
            bytes.formIndex(after: &index)
            if byte == 0x0D, index < bytes.endIndex, bytes[index] == 0x0A { bytes.formIndex(after: &index) }
            start = index
        }
        lines.append(text[start...])
        return lines
    }

    /// A heading, paragraph or image placeholder made of one input line.
    static func textBlock(_ line: Substring, number: Int) -> Block {
        let trimmed = line.trimmingSpaces
        if let name = imageName(trimmed) { return Block(.image(name: name), lines: number...number) }
        let textLine = [TextLine(String(line), line: number)]
        return Block(LineRole.isHeading(trimmed) ? .heading(textLine) : .paragraph(textLine), lines: number...number)
    }

    /// The name of an image placeholder line: `[image: 表二]` (office text export), `[]` or
    /// `[表二]` (pandoc's plain text for a picture: a short bracketed name alone on its line,
    /// not a reference number such as `[1]`), `![表二](x.png)` (markdown, its target perhaps
    /// running over lines), `<img …` (an HTML picture left in markdown, named by its `alt`
    /// when the tag ends on its line), `.. image::` (reStructuredText).
    static func imageName(_ text: String) -> String? {
        // Each placeholder opens with one of these bytes: other lines are turned away by their first.
        guard let opening = text.utf8.first,
            opening == UInt8(ascii: "[") || opening == UInt8(ascii: "!") || opening == UInt8(ascii: ".")
                || opening == UInt8(ascii: "<")
        else { return nil }
        if text.hasPrefix("[image:"), text.hasSuffix("]") {
            return text.dropFirst("[image:".count).dropLast().trimmingSpaces
        }
        if text.hasPrefix("!["), let close = text.firstRange(of: "](") {
            return String(text[text.index(text.startIndex, offsetBy: 2)..<close.lowerBound])
        }
        for directive in [".. image::", ".. figure::"] where text.hasPrefix(directive) {
            return ""
        }
        if text.hasPrefix("["), text.hasSuffix("]") {
            let name = text.dropFirst().dropLast()
            let isReference = !name.isEmpty && name.allSatisfy(\.isNumber)
            guard name.count <= 30, !name.contains(where: { "[]".contains($0) }), !isReference else { return nil }
            return name.trimmingSpaces
        }
        if text.hasPrefix("<img"), !text.dropFirst().contains("<") {
            return attribute("alt", in: text) ?? ""
        }
        return nil
    }

    /// The value of `name="…"` in an HTML tag.
    static func attribute(_ name: String, in tag: String) -> String? {
        guard let start = tag.firstRange(of: " \(name)=\"") else { return nil }
        let rest = tag[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

}

extension Substring {
    var trimmingSpaces: String { String(self).trimmingSpaces }
}
