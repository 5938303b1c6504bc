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
    /// between them, 两 for two (`二十六`, `一百零五`, `两千三百`, `十五`, `三万`), or nil.
    ///
    /// - Complexity: O(n) in the numeral's length.
    public static func value(of text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 16 else { return nil }
        var total = 0, section = 0, pending: Int?
        var sawUnit = false
        for character in text {
            if let digit = digits[character] ?? (character == "两" ? 2 : nil) {
                guard pending == nil else { return nil }
                pending = digit
            } else if character == "零" || character == "〇" {
                guard pending == nil else { return nil }
            } else if let unit = units[character] {
                // 十 alone (十五) counts one ten.
                section += (pending ?? (unit == 10 ? 1 : 0)) * unit
                guard pending != nil || unit == 10 else { return nil }
                pending = nil
                sawUnit = true
            } else if character == "万" {
                guard section + (pending ?? 0) > 0 else { return nil }
                total += (section + (pending ?? 0)) * 10_000
                section = 0
                pending = nil
                sawUnit = true
            } else {
                return nil
            }
        }
        let value = total + section + (pending ?? 0)
        // A lone 零 is zero; a string of digits without units (二六) is not a numeral.
        if !sawUnit, text.count > 1 { return nil }
        return value
    }

    static let units: [Character: Int] = ["十": 10, "百": 100, "千": 1000]
}
