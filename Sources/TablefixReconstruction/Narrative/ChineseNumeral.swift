/// Reads counts written in Chinese numerals: `十`, `十五`, `二十六`, `一百零五`, `两千三百`,
/// `〇`/`零`, `两`, and the spoken shortening `一百一` (110) and `两千三` (2300).
enum ChineseNumeral {
    static let digits: [UInt32: Int] = [
        0x3007: 0, 0x96F6: 0, 0x4E00: 1, 0x4E8C: 2, 0x4E24: 2, 0x4E09: 3, 0x56DB: 4, 0x4E94: 5, 0x516D: 6, 0x4E03: 7,
        0x516B: 8, 0x4E5D: 9,
    ]
    /// 十, 百, 千.
    static let units: [UInt32: Int] = [0x5341: 10, 0x767E: 100, 0x5343: 1000]
    /// 万.
    static let tenThousand: UInt32 = 0x4E07

    /// 〇零一二两三四五六七八九十百千万, answered without a lookup.
    static func isNumeral(_ value: UInt32) -> Bool {
        switch value {
        case 0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E24, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341,
            0x767E,
            0x5343, 0x4E07:
            true
        default: false
        }
    }

    /// The value of `scalars` read as one Chinese numeral, or nil when they are not one
    /// (`一二`, `十十`, `二〇二二`, a lone `万`).
    static func value(of scalars: ArraySlice<UInt32>) -> Int? {
        guard !scalars.isEmpty else { return nil }
        var total = 0
        var section = 0
        var digit: Int?
        /// The magnitude of the last 十/百/千/万 read: the next must be smaller within a 万 group.
        var lastUnit = Int.max
        var zeroSinceUnit = false
        var previousWasDigit = false
        for value in scalars {
            if let next = digits[value] {
                if previousWasDigit, digit != 0 { return nil }
                if next == 0 { zeroSinceUnit = true }
                digit = next
                previousWasDigit = true
            } else if let unit = units[value] {
                guard unit < lastUnit else { return nil }
                let count: Int
                if let digit {
                    guard digit != 0 else { return nil }
                    count = digit
                } else {
                    // 十 / 百 alone at the start of a group stands for one of it: 十五, 百余.
                    guard section == 0 else { return nil }
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
}
