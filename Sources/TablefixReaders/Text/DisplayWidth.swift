/// How many character columns a terminal-style renderer (pandoc's plain tables, w3m,
/// lynx) gives text: two for an East Asian wide or full-width character, one for any
/// other. Such renderers line a table's columns up by these widths, so rows whose
/// Chinese labels differ in length put the same column at different scalar offsets.
enum DisplayWidth {
    /// The columns `scalars` take.
    static func of<S: Sequence>(_ scalars: S) -> Int where S.Element == Unicode.Scalar {
        scalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    /// Whether `scalar` takes two columns: the wide and full-width blocks of Unicode's
    /// East Asian Width property (Hangul, CJK radicals to Yi, compatibility forms,
    /// full-width forms and the supplementary ideographs).
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
