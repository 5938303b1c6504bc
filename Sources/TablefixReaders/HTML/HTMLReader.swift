import Foundation
package import TablefixModel
import TablefixXML

/// Reads an HTML page into blocks, the way a browser would show it.
///
/// - The encoding comes from a byte-order mark, a `<meta charset>` (or `http-equiv`
///   content type, or an XML declaration), or sniffing; GB2312/GBK/GB18030 pages are
///   decoded here and handed to libxml2 as UTF-8.
/// - Paragraphs, list items and other blocks become paragraphs, `<br>` starts a new one,
///   `h1`…`h6` and short list-numbered lines (`一、总体情况`) become headings.
/// - Scripts, styles, navigation, page headers and footers, hidden elements and the head
///   are dropped.
/// - `<img>` becomes an image placeholder named by its `alt`, else its file name.
/// - Tables become grids with `rowspan`/`colspan` expanded by the HTML table model
///   (``HTMLTableLayout``); tables inside cells become blocks of their own after the
///   table; layout tables (a whole page in a cell) are read as running text.
package struct HTMLReader: Sendable {
    /// Reads the tables in pictures.
    var images = ImageTableReader()
    /// How deep the parsed tree may nest before its deeper nodes are flattened.
    var maximumDepth = 256

    package init() {}

    init(maximumDepth: Int) {
        self.maximumDepth = maximumDepth
    }

    /// The most elements a page may have. A page's tree takes a few hundred bytes per
    /// element, so this keeps a reader's memory to a few gigabytes; a report has a few
    /// thousand, and pages made large by embedded images have few.
    static let elementLimit = 2_000_000

    /// Reads a page from its bytes; `path` names it in errors and output.
    ///
    /// - Throws: ``ReadError`` when the bytes cannot be decoded, the page has more than
    ///   ``elementLimit`` elements, libxml2 finds no document or stops at one of its limits,
    ///   or a table expands past ``HTMLTableLayout/slotLimit`` cells.
    /// - Complexity: O(n) in the size of the page, plus the cells of its expanded tables.
    package func document(from bytes: [UInt8], path: String) throws(ReadError) -> Document {
        // Counted on the bytes as they are (`<` is one byte in UTF-8 and GB18030 alike), so
        // an oversized page is refused before it is decoded.
        let isUTF16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        guard isUTF16 || Self.startTagCount(bytes) <= Self.elementLimit else {
            throw ReadError(.tooLarge, file: path, reason: "more than \(Self.elementLimit) elements")
        }
        let declared = Self.declaredCharset(in: bytes)
        let decoded: TextDecoder.Decoded
        switch TextDecoder(declaredEncoding: declared).decode(bytes) {
        case .success(let result): decoded = result
        case .failure(let failure): throw ReadError(failure.code, file: path, reason: failure.reason)
        }
        let utf8 = Self.declaringUTF8(Array(decoded.text.utf8))
        guard !isUTF16 || Self.startTagCount(utf8) <= Self.elementLimit else {
            throw ReadError(.tooLarge, file: path, reason: "more than \(Self.elementLimit) elements")
        }
        var edits = decoded.replacements
        let root: MarkupElement
        do {
            root = try HTMLParser(maximumDepth: maximumDepth).document(fromUTF8: utf8, url: path)
        } catch {
            // Unclosed formatting tags (300 `<font>`, as old editors leave them) nest past
            // libxml2's limit, though a browser shows the page: read it without them.
            let (unformatted, removed) = Self.withoutFormattingTags(utf8)
            guard !removed.isEmpty,
                let again = try? HTMLParser(maximumDepth: maximumDepth).document(fromUTF8: unformatted, url: path)
            else {
                let position = error.line > 0 ? " at line \(error.line)" : ""
                throw ReadError(.corrupt, file: path, reason: "cannot read the HTML\(position): \(error.message)")
            }
            root = again
            edits += removed
        }
        var walker = HTMLWalker(path: path)
        try walker.walk(root)
        walker.flush()
        var blocks = walker.blocks
        readTables(inImages: walker.imageSources, of: &blocks, path: path)
        return Document(source: Source(path: path, format: .html, encoding: decoded.encoding), blocks: blocks, edits: edits,
                        declaredTitle: Self.declaredTitle(in: root))
    }

    /// The text of the page's `<title>`, white space collapsed; nil when it has none. Looked
    /// for in the page's head (`html` › `head` › `title`), where parsing puts it.
    static func declaredTitle(in root: MarkupElement) -> String? {
        var level = [root]
        for _ in 0..<3 {
            level = level.flatMap(\.elements).filter { ["html", "head", "title"].contains($0.name) }
            if let title = level.first(where: { $0.name == "title" }) {
                let text = title.children.compactMap { node -> String? in
                    if case .text(let text, _) = node { return text }
                    return nil
                }.joined()
                return Document.declaredTitle(text)
            }
        }
        return nil
    }

    /// Pictures larger than this are not read.
    static let pictureLimit = 20 << 20

    /// Replaces each image block whose picture is at hand (a file beside the page or in a
    /// folder under it, or a `data:` URI) and holds a ruled table with that table, read by
    /// OCR. Nothing is fetched from a network, and no path leaves the page's folder.
    private func readTables(inImages sources: [Int: String], of blocks: inout [Block], path: String) {
        for index in blocks.indices {
            guard case .image(let name) = blocks[index].content, let source = sources[blocks[index].lines.lowerBound],
                let bytes = Self.pictureBytes(source, page: path),
                let grid = images.grid(fromImage: bytes, name: name, line: blocks[index].lines.lowerBound, path: path)
            else { continue }
            blocks[index] = Block(.table(grid), lines: blocks[index].lines)
        }
    }

    /// The bytes of a picture: a base64 `data:` URI, or a relative path beside the page.
    static func pictureBytes(_ source: String, page: String) -> [UInt8]? {
        if source.lowercased().hasPrefix("data:") {
            guard let comma = source.firstIndex(of: ","), source[..<comma].lowercased().hasSuffix(";base64") else {
                return nil
            }
            return Data(base64Encoded: String(source[source.index(after: comma)...]), options: .ignoreUnknownCharacters)
                .map { [UInt8]($0) }
        }
        let file = String(source.prefix { $0 != "?" && $0 != "#" })
        let decoded = file.removingPercentEncoding ?? file
        let parts = decoded.split(separator: "/")
        guard !decoded.isEmpty, !decoded.hasPrefix("/"), !decoded.contains(":"), !parts.contains("..") else { return nil }
        let folder = URL(fileURLWithPath: page).deletingLastPathComponent()
        let url = parts.reduce(folder) { $0.appendingPathComponent(String($1)) }
        guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int,
            size <= pictureLimit
        else { return nil }
        return (try? Data(contentsOf: url)).map { [UInt8]($0) }
    }

    /// The number of start tags: `<` followed by a letter.
    ///
    /// - Complexity: O(n) in the size of the page.
    static func startTagCount(_ utf8: [UInt8]) -> Int {
        var count = 0
        var index = 0
        let end = utf8.count - 1
        while index < end {
            if utf8[index] == UInt8(ascii: "<") {
                let next = utf8[index + 1] | 0x20
                if next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z") { count += 1 }
            }
            index += 1
        }
        return count
    }

    /// Tags that only format text, and never open a structure of their own.
    static let formattingTags: Set<String> = ["font", "span", "b", "i", "u", "s", "strong", "em", "small", "big", "strike"]

    /// The page without its formatting tags (``formattingTags``, opening and closing), line
    /// breaks inside them kept, each removal an edit of kind `artifact`.
    ///
    /// - Complexity: O(n) in the size of the page.
    static func withoutFormattingTags(_ utf8: [UInt8]) -> ([UInt8], [Edit]) {
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count)
        var edits: [Edit] = []
        var index = 0, line = 1
        while index < utf8.count {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\n") { line += 1 }
            guard byte == UInt8(ascii: "<") else {
                output.append(byte)
                index += 1
                continue
            }
            var cursor = index + 1
            if cursor < utf8.count, utf8[cursor] == UInt8(ascii: "/") { cursor += 1 }
            let nameStart = cursor
            while cursor < utf8.count, (utf8[cursor] | 0x20) >= UInt8(ascii: "a"), (utf8[cursor] | 0x20) <= UInt8(ascii: "z") {
                cursor += 1
            }
            let name = String(decoding: utf8[nameStart..<cursor].map { $0 | 0x20 }, as: UTF8.self)
            let boundary = cursor < utf8.count ? utf8[cursor] : 0
            let ends = boundary == UInt8(ascii: ">") || boundary == UInt8(ascii: "/") || boundary == 0x20
                || boundary == 0x09 || boundary == 0x0A || boundary == 0x0D
            guard formattingTags.contains(name), ends, let close = utf8[cursor...].firstIndex(of: UInt8(ascii: ">"))
            else {
                output.append(byte)
                index += 1
                continue
            }
            let tag = utf8[index...close]
            edits.append(Edit(
                kind: .artifact, before: String(decoding: tag, as: UTF8.self), after: "", line: line, confidence: ConfidencePolicy.standard.editArtifact))
            // The tag's own line breaks stay, so that every later line keeps its number.
            let breaks = tag.filter { $0 == UInt8(ascii: "\n") }.count
            output += Array(repeating: UInt8(ascii: "\n"), count: breaks)
            line += breaks
            index = close + 1
        }
        return (output, edits)
    }
}
