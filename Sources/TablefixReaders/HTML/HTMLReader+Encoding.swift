extension HTMLReader {
    /// The charset a page declares in its first 64 KiB: a `<meta charset>`, a `<meta
    /// http-equiv="Content-Type" content="…; charset=…">`, or an XML declaration's
    /// `encoding`; nil when it declares none.
    static func declaredCharset(in bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(65_536))
        guard let range = charsetLabels(in: head).first else { return nil }
        return String(decoding: head[range], as: UTF8.self).lowercased()
    }

    /// The page with every declared charset label replaced by `utf-8`, so that libxml2,
    /// given UTF-8, never switches to the encoding the page was served in.
    ///
    /// - Complexity: O(n) in the size of the page.
    static func declaringUTF8(_ utf8: [UInt8]) -> [UInt8] {
        let ranges = charsetLabels(in: utf8).filter { range in
            String(decoding: utf8[range], as: UTF8.self).lowercased() != "utf-8"
        }
        guard !ranges.isEmpty else { return utf8 }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count)
        var start = 0
        for range in ranges {
            result += utf8[start..<range.lowerBound]
            result += Array("utf-8".utf8)
            start = range.upperBound
        }
        result += utf8[start...]
        return result
    }

    /// The byte ranges of the charset labels in `<meta>` tags and in an XML declaration at
    /// the start, in order.
    static func charsetLabels(in bytes: [UInt8]) -> [Range<Int>] {
        var labels: [Range<Int>] = []
        var index = 0
        // An XML declaration: `<?xml version="1.0" encoding="gb2312"?>`, after a BOM or space.
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, isSpace(bytes[start]) { start += 1 }
        if matches(bytes, at: start, "<?xml"),
            let end = firstIndex(of: UInt8(ascii: ">"), in: bytes, from: start, within: 512),
            let label = label(after: "encoding", in: bytes, from: start, to: end)
        {
            labels.append(label)
            index = end
        }
        while let open = nextMeta(in: bytes, from: index) {
            guard let end = firstIndex(of: UInt8(ascii: ">"), in: bytes, from: open, within: 4096) else {
                index = open + 5
                continue
            }
            if let label = label(after: "charset", in: bytes, from: open, to: end) { labels.append(label) }
            index = end
        }
        return labels
    }

    /// The start of the next `<meta` tag at or after `index`.
    private static func nextMeta(in bytes: [UInt8], from index: Int) -> Int? {
        var position = index
        while position + 5 < bytes.count {
            if bytes[position] == UInt8(ascii: "<"), matches(bytes, at: position, "<meta"),
                isSpace(bytes[position + 5]) || bytes[position + 5] == UInt8(ascii: "/")
            {
                return position
            }
            position += 1
        }
        return nil
    }

    /// The value after `name` `=` (spaces and a quote allowed) between `from` and `to`.
    private static func label(after name: String, in bytes: [UInt8], from: Int, to: Int) -> Range<Int>? {
        var position = from
        while position < to {
            guard matches(bytes, at: position, name) else {
                position += 1
                continue
            }
            var cursor = position + name.utf8.count
            while cursor < to, isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < to, bytes[cursor] == UInt8(ascii: "=") else {
                position += 1
                continue
            }
            cursor += 1
            while cursor < to,
                isSpace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'")
            {
                cursor += 1
            }
            let labelStart = cursor
            while cursor < to, isLabelByte(bytes[cursor]) { cursor += 1 }
            return cursor > labelStart ? labelStart..<cursor : nil
        }
        return nil
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// Whether `bytes` holds `text` at `index`, ignoring ASCII case.
    private static func matches(_ bytes: [UInt8], at index: Int, _ text: String) -> Bool {
        var position = index
        for expected in text.utf8 {
            guard position < bytes.count else { return false }
            var byte = bytes[position]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
            guard byte == expected else { return false }
            position += 1
        }
        return true
    }

    private static func firstIndex(of target: UInt8, in bytes: [UInt8], from start: Int, within limit: Int) -> Int? {
        var position = start
        let end = min(bytes.count, start + limit)
        while position < end {
            if bytes[position] == target { return position }
            position += 1
        }
        return nil
    }
}
