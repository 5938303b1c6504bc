public import TablefixModel

/// A readable dump of a document's blocks with their line ranges, for pinning what a
/// reader produces.
///
/// ```
/// heading 3: 一、总体情况
/// paragraph 4: 正文
/// image 5: 表三
/// table 6-9: 2 spans [0,0 2x1]
///   信息内容 | 本年新制作数量
///   ^信息内容 | 3
/// ```
/// In tables, `^` marks a slot covered by a merged cell and `·` a filler slot.
public enum BlockDump {
    public static func dump(_ blocks: [Block]) -> String {
        blocks.map(dump).joined(separator: "\n")
    }

    public static func dump(_ block: Block) -> String {
        let lines =
            block.lines.lowerBound == block.lines.upperBound
            ? "\(block.lines.lowerBound)" : "\(block.lines.lowerBound)-\(block.lines.upperBound)"
        switch block.content {
        case .heading(let text): return "heading \(lines): " + text.map(\.text).joined()
        case .paragraph(let text): return "paragraph \(lines): " + text.map(\.text).joined()
        case .image(let name): return "image \(lines): \(name)"
        case .removed(let text, let reason): return "removed \(lines): \(text) (\(reason))"
        case .table(let grid):
            let spans = grid.spans.map { "\($0.row),\($0.column) \($0.rowSpan)x\($0.columnSpan)" }
            var text = "table \(lines): \(grid.spans.count) spans [\(spans.joined(separator: "; "))]"
            for row in grid.rows {
                let cells = row.map { cell in
                    cell.isFiller ? "·" : (cell.isSpanned ? "^" : "") + cell.text.replacingNewlines
                }
                text += "\n  " + cells.joined(separator: " | ")
            }
            return text
        }
    }
}

extension String {
    fileprivate var replacingNewlines: String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "⏎")
    }
}
