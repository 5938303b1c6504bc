import TablefixModel

extension String {
    /// Whether the string holds nothing but white space.
    var isBlank: Bool { unicodeScalars.allSatisfy(\.isSpace) }
}
