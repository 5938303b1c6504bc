import Glibc
package import TablefixModel

/// Decodes the bytes of a text or markup document: UTF-8 with or without a BOM, UTF-16
/// with a BOM, and GB18030 (which covers GBK and GB2312), the legacy encoding many
/// government sites still serve. UTF-8 that a crawler read as Latin-1 and saved as UTF-8
/// again is undone (``undoingDoubleEncoding(_:)``).
///
/// Bytes that are none of these, or that hold binary data, are refused rather than turned
/// into mojibake.
package struct TextDecoder {
    /// Decoded text and the name of the encoding it came from.
    package struct Decoded: Sendable {
        package var text: String
        package var encoding: String
        /// What decoding had to replace: bytes that were not valid in the encoding (now
        /// U+FFFD) and NUL characters (dropped), each an edit of kind `decoding` on its line.
        package var replacements: [Edit] = []
    }

    /// The confidence of a replacement: the character is lost, the text around it is not.
    static let replacementConfidence = ConfidencePolicy.standard.editReplacedBytes

    /// An encoding declared by the document itself (an HTML `<meta charset>`), tried first.
    package var declaredEncoding: String?

    package init(declaredEncoding: String? = nil) {
        self.declaredEncoding = declaredEncoding
    }

    /// Decodes `bytes`, or explains in a few words why it cannot.
    ///
    /// - Complexity: O(n) in the number of bytes.
    package func decode(_ bytes: [UInt8]) -> Result<Decoded, DecodingFailure> {
        if bytes.isEmpty { return .failure(.empty) }
        if bytes == [0xEF, 0xBB, 0xBF] || bytes == [0xFF, 0xFE] || bytes == [0xFE, 0xFF] {
            // A byte-order mark and nothing after it is as empty as no byte at all.
            return .failure(.empty)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(bytes.dropFirst(3)).map { .success(Decoded(text: $0, encoding: "utf-8")) }
                ?? .failure(.undecodable("starts with a UTF-8 byte-order mark but is not UTF-8"))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            return utf16(bytes.dropFirst(2), littleEndian: littleEndian)
                .map { .success(Decoded(text: $0, encoding: littleEndian ? "utf-16le" : "utf-16be")) }
                ?? .failure(.undecodable("starts with a UTF-16 byte-order mark but is not UTF-16"))
        }
        if Self.looksBinary(bytes) { return .failure(.binary) }
        let declaredIsLegacy = declaredEncoding.map(Self.isLegacyChinese) ?? false
        if !declaredIsLegacy, let text = utf8(bytes[...]) {
            if let undone = Self.undoingDoubleEncoding(text) {
                return .success(Self.droppingNULs(Decoded(text: undone, encoding: Self.doubleEncodedUTF8)))
            }
            return .success(Self.droppingNULs(Decoded(text: text, encoding: "utf-8")))
        }
        if let text = Self.iconv(bytes, from: "GB18030"), Self.isPlausibleText(text) {
            return .success(Self.droppingNULs(Decoded(text: text, encoding: "gb18030")))
        }
        if declaredIsLegacy, let text = utf8(bytes[...]) {
            return .success(Self.droppingNULs(Decoded(text: text, encoding: "utf-8")))
        }
        // UTF-8 with a few damaged bytes (a stray 0xFF, a character cut at the end) is read as
        // a browser shows it; what was replaced is recorded.
        if let decoded = Self.damagedUTF8(bytes) { return .success(Self.droppingNULs(decoded)) }
        return .failure(.undecodable("not valid UTF-8, UTF-16 or GB18030 text"))
    }

    /// UTF-8 with its invalid bytes replaced by U+FFFD, each replacement an edit; nil when
    /// the bytes are not mostly UTF-8 (more than one invalid byte per ten multi-byte
    /// characters, or none of those).
    ///
    /// - Complexity: O(n) in the number of bytes.
    static func damagedUTF8(_ bytes: [UInt8]) -> Decoded? {
        var scalars = String.UnicodeScalarView()
        var replacements: [Edit] = []
        var multiByte = 0, line = 1, index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length == 0 {
                replacements.append(Edit(
                    kind: .decoding, before: "0x" + String(bytes[index], radix: 16, uppercase: true), after: "\u{FFFD}",
                    line: line, confidence: replacementConfidence))
                scalars.append("\u{FFFD}")
                index += 1
                continue
            }
            if length > 1 { multiByte += 1 }
            if bytes[index] == 0x0A { line += 1 }
            scalars.append(contentsOf: String(decoding: bytes[index..<(index + length)], as: UTF8.self).unicodeScalars)
            index += length
        }
        guard multiByte > 0, replacements.count * 10 <= multiByte else { return nil }
        return Decoded(text: String(scalars), encoding: "utf-8", replacements: replacements)
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0 when the byte there does not
    /// start one (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
    static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        if first < 0x80 { return 1 }
        let length: Int, lower: UInt8, upper: UInt8
        switch first {
        case 0xC2...0xDF: (length, lower, upper) = (2, 0x80, 0xBF)
        case 0xE0: (length, lower, upper) = (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, lower, upper) = (3, 0x80, 0xBF)
        case 0xED: (length, lower, upper) = (3, 0x80, 0x9F)
        case 0xF0: (length, lower, upper) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (length, lower, upper) = (4, 0x80, 0xBF)
        case 0xF4: (length, lower, upper) = (4, 0x80, 0x8F)
        default: return 0
        }
        guard index + length <= bytes.count, (lower...upper).contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }

    /// The decoded text without NUL characters, each dropped one an edit.
    static func droppingNULs(_ decoded: Decoded) -> Decoded {
        guard decoded.text.holdsByte(0) else { return decoded }
        var result = decoded
        var scalars = String.UnicodeScalarView()
        var line = 1
        for scalar in decoded.text.unicodeScalars {
            if scalar == "\n" { line += 1 }
            if scalar.value == 0 {
                result.replacements.append(Edit(
                    kind: .decoding, before: "\u{0}", after: "", line: line, confidence: replacementConfidence))
                continue
            }
            scalars.append(scalar)
        }
        result.text = String(scalars)
        result.replacements.sort { $0.line < $1.line }
        return result
    }

    /// Whether an encoding label names GB2312, GBK or GB18030.
    package static func isLegacyChinese(_ label: String) -> Bool {
        let name = label.lowercased().filter { $0.isLetter || $0.isNumber }
        return ["gb2312", "gbk", "gb18030", "cp936", "euccn", "xgbk", "hzgb2312"].contains(name)
    }

    private func utf8(_ bytes: ArraySlice<UInt8>) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    private func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        return String(validating: units, as: UTF16.self)
    }

    /// Many NUL bytes or control characters in the first 64 KiB mean binary data; a stray
    /// one in a text is dropped or kept as it is.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(65_536)
        var controls = 0, nuls = 0
        for byte in head {
            if byte == 0 { nuls += 1 }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B {
                controls += 1
            }
        }
        // A few NULs in a short file are damage; more than 1 % (or 8 in a row of the first
        // 64 bytes, as file headers have) are data.
        return nuls * 100 > head.count || head.prefix(64).filter { $0 == 0 }.count >= 8 || controls * 100 > head.count
    }

    /// Text decoded from a legacy encoding must be mostly letters, CJK, digits and
    /// punctuation; random bytes that happen to decode come out as rare symbols.
    static func isPlausibleText(_ text: String) -> Bool {
        var total = 0, odd = 0
        for scalar in text.unicodeScalars.prefix(200_000) {
            total += 1
            let value = scalar.value
            let common =
                value < 0x80 || (0x4E00...0x9FFF).contains(value) || (0x3000...0x303F).contains(value)
                || (0xFF00...0xFFEF).contains(value) || (0x2000...0x206F).contains(value)
                || (0x00A0...0x00FF).contains(value) || (0x2460...0x24FF).contains(value)
                || (0x2190...0x22FF).contains(value) || (0x2500...0x25FF).contains(value)
            if !common { odd += 1 }
        }
        return total > 0 && odd * 20 <= total
    }

    /// Converts with the C library's iconv; nil when the bytes are not valid in `encoding`.
    static func iconv(_ bytes: [UInt8], from encoding: String) -> String? {
        guard let converter = iconv_open("UTF-8", encoding), converter != iconv_t(bitPattern: -1) else {
            return nil
        }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var input = bytes
        let capacity = output.count
        let written: Int? = input.withUnsafeMutableBytes { inBuffer in
            output.withUnsafeMutableBytes { outBuffer in
                var inPointer = inBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                let result = Glibc.iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return result == -1 || inLeft != 0 ? nil : capacity - outLeft
            }
        }
        guard let written else { return nil }
        return String(validating: output[..<written], as: UTF8.self)
    }
}

/// Why bytes could not be decoded as text.
package enum DecodingFailure: Error, Sendable {
    case empty
    case binary
    case undecodable(String)

    package var reason: String {
        switch self {
        case .empty: "empty file"
        case .binary: "binary data, not a text, HTML, DOCX, PDF or picture document"
        case .undecodable(let why): why
        }
    }

    package var code: ReadError.Code {
        switch self {
        case .empty: .empty
        case .binary: .binary
        case .undecodable: .undecodable
        }
    }
}
