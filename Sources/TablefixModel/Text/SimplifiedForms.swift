/// The simplified form of traditional Chinese characters, so that a page served through a
/// traditional-character gate (規章, 規範性文件, 統計) matches the templates' labels. Used
/// for matching only: the text itself is never rewritten.
public enum SimplifiedForms {
    /// The simplified form of `scalar`, or `scalar` itself.
    public static func of(_ scalar: UInt32) -> UInt32 {
        guard scalar >= ideographs.lowerBound else { return scalar }
        if scalar <= ideographs.upperBound { return ideographTable[Int(scalar - ideographs.lowerBound)] }
        return table[scalar] ?? scalar
    }

    /// The range looked up in ``ideographTable``: CJK extension A and the unified block.
    static let ideographs: ClosedRange<UInt32> = 0x3400...0x9FFF

    /// The simplified form of every scalar of ``ideographs``, by its offset: what label
    /// matching asks for every character, answered without hashing.
    static let ideographTable: [UInt32] = {
        var forms = Array(ideographs)
        for (traditional, simplified) in table where ideographs.contains(traditional) {
            forms[Int(traditional - ideographs.lowerBound)] = simplified
        }
        return forms
    }()

    /// The simplified form of `text`, character by character.
    public static func of(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(Unicode.Scalar(of(scalar.value)) ?? scalar) }
        return String(result)
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
