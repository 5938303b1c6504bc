import TablefixModel

extension TextReader {
    /// The blocks of an HTML table left in markdown as raw HTML (pandoc's gfm writer keeps a
    /// table it cannot draw as a pipe table so), from `<table` at `start` to its matching
    /// `</table>`, read by the HTML reader as a browser shows it; nil for any other line,
    /// or when the fragment is not HTML the reader can read.
    func htmlTable(_ lines: [Substring], from start: Int) -> ([Block], end: Int)? {
        guard Self.opensHTMLTable(lines[start]) else { return nil }
        var depth = 0
        var end = start
        while end < lines.count {
            let line = lines[end].lowercased()
            depth += line.ranges(of: "<table").count - line.ranges(of: "</table").count
            if depth <= 0 { break }
            end += 1
        }
        guard end < lines.count else { return nil }
        let fragment = lines[start...end].joined(separator: "\n")
        guard let document = try? HTMLReader().document(from: Array(fragment.utf8), path: "") else { return nil }
        // The fragment's line numbers count from its first line; a table spans the fragment.
        let blocks = Self.offsetting(document.blocks, by: start).map { block in
            guard case .table = block.content else { return block }
            return Block(block.content, lines: (start + 1)...(end + 1))
        }
        return (blocks, end)
    }

    /// `<table …`: the first line of an HTML table left in text.
    static func opensHTMLTable(_ line: Substring) -> Bool {
        guard line.mayOpen(with: "<") else { return false }
        let text = line.trimmingSpaces.lowercased()
        return text.hasPrefix("<table") && (text.count == 6 || [" ", ">"].contains(text.dropFirst(6).first))
    }
}
