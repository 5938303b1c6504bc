extension TextDecoder {
    /// The encoding reported for text that was UTF-8 read as Latin-1 or Windows-1252 and
    /// saved as UTF-8 again, once undone.
    static let doubleEncodedUTF8 = "utf-8 (double-encoded, undone)"

    /// `text` undone, when it is UTF-8 that a program read as Latin-1 or Windows-1252 and
    /// wrote out as UTF-8 again (a crawler that decoded a page without its charset:
    /// `æ¿åºä¿¡æ¯` for 政府信息); nil for any other text.
    ///
    /// Such text holds only characters of those two encodings, each of which stands for one
    /// byte; taken back to bytes, they must be valid UTF-8, and a good part of them
    /// Chinese. Genuine Latin-1 text fails the first test that its accented letters, alone
    /// among ASCII, are no UTF-8; text with any Chinese in it fails the first.
    ///
    /// - Complexity: O(n) in the text's length.
    static func undoingDoubleEncoding(_ text: String) -> String? {
        // The byte each character stands for, nil for a character that stands for none.
        let byte = { (scalar: Unicode.Scalar) -> UInt8? in
            scalar.value < 0x100 ? UInt8(scalar.value) : windows1252Bytes[scalar.value]
        }
        var high = 0
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            guard byte(scalar) != nil else { return nil }
            high += 1
        }
        guard high >= minimumDoubleEncodedBytes else { return nil }
        let bytes = text.unicodeScalars.compactMap(byte)
        guard let decoded = String(validating: bytes, as: UTF8.self) else { return nil }
        let chinese = decoded.unicodeScalars.count { (0x4E00...0x9FFF).contains($0.value) }
        return chinese * 3 * 2 >= high ? decoded : nil
    }

    /// The fewest bytes above ASCII that text must hold to be taken for double-encoded
    /// UTF-8: a handful of accented letters is Latin text's.
    static let minimumDoubleEncodedBytes = 30

    /// The characters Windows-1252 gives the bytes 0x80–0x9F, each with its byte.
    static let windows1252Bytes: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}
