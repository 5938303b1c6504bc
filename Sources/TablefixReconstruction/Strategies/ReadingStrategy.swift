import TablefixModel

/// A way of reading a table's region: it proposes candidate readings with their
/// evidence; the ``Arbiter`` weighs them. Adding a strategy is one file and one line in
/// ``ReadingStrategies``.
protocol ReadingStrategy: Sendable {
    /// The candidate readings of `table` in `region`, none when this way cannot read it.
    func candidates(for table: PreparedTable, in region: TableRegion, budget: SearchBudget) -> [ReadingCandidate]
}

/// The strategies reconstruction runs.
enum ReadingStrategies {
    /// The strategies whose reading is the primary one, in order.
    static let primary: [any ReadingStrategy] = [LabelledRows(), SingleRowUnderHeaders()]
    /// The reading by order: run only when the arbiter finds the primary reading doubtful
    /// (``Arbiter/decide(_:byOrder:)``), for it is weighed only then.
    static let byOrder: any ReadingStrategy = ReadingOrder()
}

/// The rows of a table's region, as the strategies read them.
struct TableRegion {
    /// The region's rows as the blocks give them.
    var rows: [StreamRow]
    /// The rows with labels printed one after another and their values after them all
    /// dealt back (``RowStream/unstacking(_:columns:)``), for tables whose rows are alike.
    var unstacked: [StreamRow]
    /// Whether the region was found without a heading: reading it asks for more evidence.
    var strict: Bool

    /// The values of each row that prints three values or more on one line.
    var valuesInLines: [[Token]] {
        rows.compactMap { row in
            let values = row.tail.filter(\.isValue)
            guard values.count >= 3, let line = values.first?.line, values.allSatisfy({ $0.line == line }) else { return nil }
            return values
        }
    }

    /// The spaces between neighbouring values of the rows that print three values or more
    /// on one line: what stands between neighbouring cells in this table's layout.
    var neighbourGaps: Set<Int> {
        var gaps = Set<Int>()
        for values in valuesInLines {
            for (before, after) in zip(values, values.dropFirst()) {
                if let gap = ShortRowChoices.gap(between: before, and: after) { gaps.insert(gap) }
            }
        }
        return gaps
    }

    /// Where the values of each row that prints three values or more on one line stand:
    /// their middles, in characters from the line's start (``ShortRowChoices/middles(of:)``).
    /// Those that print one value per column show how this table's layout spaces its
    /// columns, which the spaces in a short row's line are measured against.
    var valueMiddles: [[Double]] { valuesInLines.compactMap(ShortRowChoices.middles(of:)) }

    /// Whether the region's lines run their cells together: most lines that print a value
    /// print it right after their label, without a space (a crawler's text of a page,
    /// `一、本年新收政府信息公开申请数量152 11120`), two such lines at least. Then a space
    /// between a row's values may be an empty cell (``RowValues/blanksAsSpacesUnit(_:spaces:)``).
    var runsCellsTogether: Bool {
        var glued = 0, apart = 0
        for row in rows {
            guard let first = row.tailSpaces?.first else { continue }
            if first == 0 { glued += 1 } else { apart += 1 }
        }
        return glued >= 2 && glued > apart
    }

    /// Whether a lone lookalike of a digit (``NumberGlyphs/isLoneLookalike(_:)``: `工`, `。`,
    /// `lo`) stands beside a number in the region's rows: an OCR read the table, and its
    /// rows may be laid out as only an OCR lays them out.
    var showsOCRGlyphs: Bool {
        rows.contains { row in
            row.tokens.indices.contains { index in
                NumberGlyphs.isLoneLookalike(row.tokens[index].raw)
                    && [index - 1, index + 1].contains { row.tokens.indices.contains($0) && row.tokens[$0].kind == .number }
            }
        }
    }
}
