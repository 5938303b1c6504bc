package import TablefixModel

/// Tells a document's format from its first bytes, never from its file name.
///
/// `%PDF-` in the first kilobyte is PDF (readers accept junk before it, so do we), a
/// picture's signature (PNG, JPEG, TIFF, GIF) an image, a zip
/// package is DOCX, bytes that open with markup are HTML, anything else is text; markdown that
/// keeps raw HTML blocks (pandoc's gfm: `<div>` around the page, a `<table>` it could not draw)
/// is text, told by its markdown lines.
package enum FormatSniffer {
    /// The format the bytes look like.
    ///
    /// - Complexity: O(1): at most the first 64 KiB are read.
    package static func format(of bytes: [UInt8]) -> InputFormat {
        if contains(Array(bytes.prefix(1024)), Array("%PDF-".utf8)) { return .pdf }
        if pictureType(of: bytes) != nil { return .image }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return .docx
        }
        let head = bytes.prefix(65_536)
        return looksLikeMarkup(head) && !holdsMarkdownLines(head) ? .html : .text
    }

    /// The MIME type of a picture told by its first bytes (PNG, JPEG, TIFF, GIF), or nil.
    package static func pictureType(of bytes: [UInt8]) -> String? {
        let signatures: [(bytes: [UInt8], type: String)] = [
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png"), ([0xFF, 0xD8, 0xFF], "image/jpeg"),
            ([0x49, 0x49, 0x2A, 0x00], "image/tiff"), ([0x4D, 0x4D, 0x00, 0x2A], "image/tiff"),
            (Array("GIF87a".utf8), "image/gif"), (Array("GIF89a".utf8), "image/gif"),
        ]
        return signatures.first { bytes.starts(with: $0.bytes) }?.type
    }

    private static let markupTags = [
        "<!doctype html", "<html", "<head", "<body", "<meta", "<table", "<p>", "<p ", "<br", "<?xml",
    ]

    /// True when the first non-space character is `<` and a known HTML tag appears early.
    private static func looksLikeMarkup(_ head: ArraySlice<UInt8>) -> Bool {
        // Skip a BOM and leading white space, in UTF-8 or UTF-16 (take every other byte).
        var ascii = [UInt8]()
        ascii.reserveCapacity(head.count)
        for byte in head where byte != 0 { ascii.append(byte) }
        var index = ascii.startIndex
        if ascii.starts(with: [0xEF, 0xBB, 0xBF]) { index += 3 }
        if ascii.starts(with: [0xFF, 0xFE]) || ascii.starts(with: [0xFE, 0xFF]) { index += 2 }
        while index < ascii.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(ascii[index]) { index += 1 }
        guard index < ascii.endIndex, ascii[index] == UInt8(ascii: "<") else { return false }
        // ASCII lower case, byte by byte: the tags are ASCII, the rest needs no decoding.
        let lowered = ascii[index...].prefix(8192).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return markupTags.contains { tag in contains(lowered, Array(tag.utf8)) }
    }

    /// Whether a line of the text is markdown no HTML page has: a pipe table's rule
    /// (`|---|:---:|`), an image or linked image opening a line (`![…`, `[![…`), a heading
    /// (`# …`).
    private static func holdsMarkdownLines(_ head: ArraySlice<UInt8>) -> Bool {
        for line in head.split(separator: 0x0A) {
            let text = line.drop { $0 == 0x20 || $0 == 0x09 }
            if text.starts(with: Array("![".utf8)) || text.starts(with: Array("[![".utf8)) || text.starts(with: Array("# ".utf8)) {
                return true
            }
            let isRule = text.first == UInt8(ascii: "|") && contains(Array(text), Array("---".utf8))
                && text.allSatisfy { [0x7C, 0x2D, 0x3A, 0x20, 0x0D].contains($0) }
            if isRule { return true }
        }
        return false
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= bytes.count else { return false }
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
