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
        let root: MarkupElement
        do {
            root = try HTMLParser(maximumDepth: maximumDepth).document(fromUTF8: utf8, url: path)
        } catch {
            let position = error.line > 0 ? " at line \(error.line)" : ""
            throw ReadError(.corrupt, file: path, reason: "cannot read the HTML\(position): \(error.message)")
        }
        var walker = HTMLWalker(path: path)
        try walker.walk(root)
        walker.flush()
        return Document(
            source: Source(path: path, format: .html, encoding: decoded.encoding), blocks: walker.blocks,
            edits: decoded.replacements)
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
}
