public import TablefixModel

/// One repair of a document's text. A pass changes the blocks and appends one ``Edit``
/// for every change it makes, so that the cleaned text can be traced to the input.
///
/// No pass adds, drops or changes a digit outside the edits it records.
public protocol CleanupPass: Sendable {
    /// Repairs `document` in place and appends the edits it made to `document.edits`.
    func apply(to document: inout Document)
}

/// The passes behind `tablefix repair`, in the order they run.
public struct CleanupPipeline: Sendable {
    public var passes: [any CleanupPass]

    public init(passes: [any CleanupPass]) {
        self.passes = passes
    }

    /// The standard passes. `vocabulary` is the text the documents are expected to
    /// contain (the templates' labels): glyph repair trusts a correction it supports.
    public static func standard(vocabulary: [String] = []) -> CleanupPipeline {
        CleanupPipeline(passes: [
            // Pinyin first: a crawler's run-on line is cut at list numbers (`（二）`), which
            // a page in pinyin mode prints annotated (`（二(èr)）`).
            PinyinRemoval(),
            RunOnLineSplit(vocabulary: vocabulary),
            ArtifactRemoval(),
            WhitespaceHygiene(),
            CompatibilityIdeographs(),
            GlyphRepair(vocabulary: vocabulary),
            HeadingNumberRepair(),
            LineWrapRepair(),
        ])
    }

    /// Runs every pass over `document`.
    public func apply(to document: Document) -> Document {
        var result = document
        for pass in passes { pass.apply(to: &result) }
        return result
    }
}

extension Document {
    /// Calls `body` on the text of every heading and paragraph line and, if asked, every
    /// table cell, letting it rewrite the text; the line number goes along for edits.
    mutating func rewriteText(includingCells: Bool, _ body: (inout String, Int) -> Void) {
        for index in blocks.indices {
            switch blocks[index].content {
            case .heading(var lines):
                // The block lets go of its lines while they are rewritten, so that they are
                // changed in place rather than copied.
                blocks[index].content = .heading([])
                for line in lines.indices { body(&lines[line].text, lines[line].line) }
                blocks[index].content = .heading(lines)
            case .paragraph(var lines):
                blocks[index].content = .paragraph([])
                for line in lines.indices { body(&lines[line].text, lines[line].line) }
                blocks[index].content = .paragraph(lines)
            case .table(var grid) where includingCells:
                blocks[index].content = .table(Grid(rows: []))
                for row in grid.rows.indices {
                    for column in grid.rows[row].indices where !grid.rows[row][column].isSpanned {
                        body(&grid.rows[row][column].text, grid.rows[row][column].line)
                    }
                }
                blocks[index].content = .table(grid)
            default:
                break
            }
        }
    }

    /// Calls `body` on the text of every heading and paragraph line and, if asked, every
    /// table cell, in the order ``rewriteText(includingCells:_:)`` visits them.
    func forEachText(includingCells: Bool, _ body: (String, Int) -> Void) {
        for block in blocks {
            switch block.content {
            case .heading(let lines), .paragraph(let lines):
                for line in lines { body(line.text, line.line) }
            case .table(let grid) where includingCells:
                for row in grid.rows {
                    for cell in row where !cell.isSpanned { body(cell.text, cell.line) }
                }
            default:
                break
            }
        }
    }
}

/// The part of `before` and `after` that differs, with `context` characters around it,
/// so that an edit shows the change and not the whole line.
func changedSpan(_ before: String, _ after: String, context: Int = 1) -> (String, String) {
    let a = Array(before), b = Array(after)
    var prefix = 0
    while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
        suffix += 1
    }
    let start = max(0, prefix - context)
    let endA = min(a.count, a.count - suffix + context)
    let endB = min(b.count, b.count - suffix + context)
    return (String(a[start..<endA]), String(b[start..<endB]))
}
