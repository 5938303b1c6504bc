import TablefixModel

extension String {
    /// Whether the string holds nothing but white space.
    var isBlank: Bool { unicodeScalars.allSatisfy(\.isSpace) }
}

extension Unicode.Scalar {
    /// Unicode White_Space, without a property lookup.
    var isSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
