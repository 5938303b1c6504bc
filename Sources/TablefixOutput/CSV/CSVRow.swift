/// One line of RFC 4180 CSV: fields joined by commas, a field quoted when it holds a comma,
/// a quote or a line break, quotes doubled inside it.
///
/// ```swift
/// CSVRow(["path", "say \"hi\"", nil]).line  // "path,\"say \"\"hi\"\"\",\r\n"
/// ```
package struct CSVRow: Sendable, Equatable {
    /// The fields; nil is an empty field.
    package var fields: [String?]

    package init(_ fields: [String?]) {
        self.fields = fields
    }

    /// The row as text, ending in CRLF as RFC 4180 says.
    ///
    /// - Complexity: O(n) in the length of the fields.
    package var line: String {
        var output = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { output += "," }
            if let field { output += Self.escaped(field) }
        }
        return output + "\r\n"
    }

    /// A field as CSV text: as it is, or quoted with its quotes doubled.
    package static func escaped(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return field }
        var quoted = "\""
        for character in field {
            quoted.append(character)
            if character == "\"" { quoted.append("\"") }
        }
        return quoted + "\""
    }
}

extension CSVRow {
    /// The row as tab-separated values, ending in LF: a field's tabs, line breaks and
    /// backslashes written `\t`, `\n`, `\r`, `\\`, so that every row is one line.
    ///
    /// - Complexity: O(n) in the length of the fields.
    package var tabSeparatedLine: String {
        var output = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { output += "\t" }
            guard let field else { continue }
            for scalar in field.unicodeScalars {
                switch scalar {
                case "\t": output += "\\t"
                case "\n": output += "\\n"
                case "\r": output += "\\r"
                case "\\": output += "\\\\"
                default: output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\n"
    }
}
