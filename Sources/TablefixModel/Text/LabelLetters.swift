/// The letters of a label: what label matching compares.
public enum LabelLetters {
    /// The letters of `text`: CJK characters (traditional ones in their simplified form)
    /// and Latin letters, without white space, punctuation, digits, or list numbers such
    /// as `（三）` and `三、`.
    ///
    /// - Complexity: O(n).
    public static func of(_ text: String) -> [UInt32] {
        let scalars = Array(text.unicodeScalars)
        var result: [UInt32] = []
        result.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            let value = scalars[index].value
            if value == 0xFF08 || value == 0x28, let close = listNumberEnd(scalars, from: index) {
                index = close + 1
                continue
            }
            // `三、` and its OCR forms: a section number, not part of the label.
            if isNumeral(value), index + 1 < scalars.count, isListSeparator(scalars[index + 1].value) {
                index += 2
                continue
            }
            if CJK.isIdeograph(value) {
                result.append(SimplifiedForms.of(value))
            } else if (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) {
                result.append(value)
            }
            index += 1
        }
        return result
    }

    /// The index of the `）` closing a parenthesised list number opened at `start`.
    static func listNumberEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        while index < scalars.count, index <= start + 5 {
            let value = scalars[index].value
            if value == 0xFF09 || value == 0x29 { return index > start + 1 ? index : nil }
            guard isNumeral(value) || (0x30...0x39).contains(value) || value == 0x20 else { return nil }
            index += 1
        }
        return nil
    }

    /// `、` `,` `，` `.` `．`: what follows a section number.
    static func isListSeparator(_ value: UInt32) -> Bool {
        switch value {
        case 0x3001, 0x2C, 0xFF0C, 0x2E, 0xFF0E: true
        default: false
        }
    }

    /// 一 … 十.
    static func isNumeral(_ value: UInt32) -> Bool {
        Unicode.Scalar(value).map(ChineseNumeral.isListNumeral) ?? false
    }
}
