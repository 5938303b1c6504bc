/// Chinese numerals as reports print them: list numbers (`三、`, `（十二）`) and counts
/// (`二十六件`, `一百零五`, `两千三百`).
public enum ChineseNumeral {
    /// The digits 一 to 九.
    public static let digits: [Character: Int] = [
        "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// Whether `scalar` is one of the numerals list numbers are written with (一 … 九, 十).
    public static func isListNumeral(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十": true
        default: false
        }
    }

    /// The value of a list number from 一 to 九十九, or nil.
    public static func listValue(_ text: String) -> Int? {
        let chars = Array(text)
        switch chars.count {
        case 1:
            return chars[0] == "十" ? 10 : digits[chars[0]]
        case 2:
            if chars[0] == "十" { return digits[chars[1]].map { 10 + $0 } }
            if chars[1] == "十" { return digits[chars[0]].map { $0 * 10 } }
            return nil
        case 3:
            guard chars[1] == "十", let tens = digits[chars[0]], let ones = digits[chars[2]] else { return nil }
            return tens * 10 + ones
        default:
            return nil
        }
    }

    /// The list number for 1…99 (`十二`), or nil.
    public static func listText(for value: Int) -> String? {
        let names = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch value {
        case 1...9: return names[value]
        case 10: return "十"
        case 11...19: return "十" + names[value - 10]
        case 20...99: return names[value / 10] + "十" + names[value % 10]
        default: return nil
        }
    }

    /// The value of a counting numeral below 10^8: digits with 十, 百, 千 and 万, 零 or 〇
    /// between them, 两 for two (`二十六`, `一百零五`, `两千三百`, `十五`, `三万`), the spoken
    /// shortening (`一百一` is 110, `两千三` 2300), or nil.
    ///
    /// - Complexity: O(n) in the numeral's length.
    public static func value(of text: Substring) -> Int? {
        value(ofScalars: text.unicodeScalars.map(\.value)[...])
    }

    /// ``value(of:)`` over Unicode scalar values, for readers that scan scalars.
    public static func value(ofScalars scalars: ArraySlice<UInt32>) -> Int? {
        guard !scalars.isEmpty, scalars.count <= 16 else { return nil }
        var total = 0
        var section = 0
        var digit: Int?
        /// The magnitude of the last 十/百/千/万 read: the next must be smaller within a 万 group.
        var lastUnit = Int.max
        var zeroSinceUnit = false
        var previousWasDigit = false
        for value in scalars {
            if let next = scalarDigits[value] {
                // Digits in a row (二六, 二〇二二) are no counting numeral.
                if previousWasDigit, digit != 0 { return nil }
                if next == 0 { zeroSinceUnit = true }
                digit = next
                previousWasDigit = true
            } else if let unit = scalarUnits[value] {
                guard unit < lastUnit else { return nil }
                let count: Int
                if let digit {
                    guard digit != 0 else { return nil }
                    count = digit
                } else {
                    // 十 alone at the start of a group counts one ten (十五); 百 and 千 need a digit.
                    guard section == 0, unit == 10 else { return nil }
                    count = 1
                }
                section += count * unit
                (digit, lastUnit, zeroSinceUnit, previousWasDigit) = (nil, unit, false, false)
            } else if value == tenThousand {
                let group = section + (digit ?? 0)
                guard total == 0, group > 0 else { return nil }
                total = group * 10_000
                (section, digit, lastUnit, zeroSinceUnit, previousWasDigit) = (0, nil, 10_000, false, false)
            } else {
                return nil
            }
        }
        if let digit {
            // 一百一 is 110 and 两千三 2300; after 零 (一百零五) the digit is units.
            if lastUnit != Int.max, lastUnit >= 100, !zeroSinceUnit {
                section += digit * lastUnit / 10
            } else {
                section += digit
            }
        }
        return total + section
    }

    /// Whether `scalar` is one of 〇零一二两三四五六七八九十百千万, answered without a lookup.
    public static func isCountingScalar(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E24, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
            0x5341, 0x767E, 0x5343, 0x4E07:
            true
        default: false
        }
    }

    /// 万, which ends a group of four places.
    public static let tenThousand: UInt32 = 0x4E07

    /// 〇零一二两三四五六七八九 as scalar values.
    static let scalarDigits: [UInt32: Int] = [
        0x3007: 0, 0x96F6: 0, 0x4E00: 1, 0x4E8C: 2, 0x4E24: 2, 0x4E09: 3, 0x56DB: 4, 0x4E94: 5, 0x516D: 6,
        0x4E03: 7, 0x516B: 8, 0x4E5D: 9,
    ]
    /// 十, 百, 千 as scalar values.
    static let scalarUnits: [UInt32: Int] = [0x5341: 10, 0x767E: 100, 0x5343: 1000]
}
