/// The simplified form of traditional Chinese characters, so that a page served through a
/// traditional-character gate (規章, 規範性文件, 統計) matches the templates' labels. Used
/// for matching only: the text itself is never rewritten.
public enum SimplifiedForms {
    /// The simplified form of `scalar`, or `scalar` itself.
    public static func of(_ scalar: UInt32) -> UInt32 {
        guard scalar >= 0x3400 else { return scalar }
        return table[scalar] ?? scalar
    }

    /// The simplified form of `text`, character by character.
    public static func of(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { Unicode.Scalar(of($0.value)) ?? $0 }))
    }

    static let table: [UInt32: UInt32] = {
        let scalars = Array(pairs.unicodeScalars)
        var table: [UInt32: UInt32] = [:]
        table.reserveCapacity(scalars.count / 2)
        var index = 0
        while index + 1 < scalars.count {
            table[scalars[index].value] = scalars[index + 1].value
            index += 2
        }
        return table
    }()
}
