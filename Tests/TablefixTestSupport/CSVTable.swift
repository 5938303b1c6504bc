/// Reads RFC 4180 CSV back into rows, to check what the exports write.
public enum CSVTable {
    /// The rows of `text`: fields split at commas, quoted fields unquoted, quotes undoubled,
    /// rows ended by CRLF or LF.
    public static func rows(from text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let scalar = characters.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\r": continue
            case "\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    /// The rows after the header, each as a dictionary from column name to field.
    public static func records(from text: String) -> [[String: String]] {
        let all = rows(from: text)
        guard let header = all.first else { return [] }
        return all.dropFirst().map { row in
            var record: [String: String] = [:]
            for (name, field) in zip(header, row) { record[name] = field }
            return record
        }
    }
}
