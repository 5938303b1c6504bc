import TablefixModel

/// Finds where each table of a template sits in a document: the blocks from the table's
/// section heading (even a damaged one) to the next section.
struct SectionLocator {
    var template: PreparedTemplate
    /// The document's blocks, as identification reads them.
    var texts: BlockTexts

    /// A short block whose letters contain one of the table's headings.
    func isHeading(_ block: Int, of table: PreparedTable) -> Bool {
        guard texts.isShort[block], let letters = texts.letters[block] else { return false }
        return Self.isHeading(letters: letters, of: table)
    }

    /// Whether a short line's letters contain one of the table's headings.
    static func isHeading(letters: [UInt32], of table: PreparedTable) -> Bool {
        guard !letters.isEmpty, letters.count <= 40 else { return false }
        return table.headings.contains { target in
            LabelMatcher.contains(letters, target) || resembles(letters, target)
        }
    }

    /// Letters that are `target` but for an OCR'd glyph or two, with a few more around it:
    /// 85 % of it in order, and at most eight letters beyond its length.
    static func resembles(_ letters: [UInt32], _ target: [UInt32]) -> Bool {
        letters.count <= target.count + 8
            && Double(LabelMatcher.commonSubsequenceLength(letters, target)) >= Double(target.count) * 0.85
    }

    /// A top-level section heading (`五、…`), which ends the section before it
    /// (``BlockTexts/opensSection(_:letters:)``).
    func isSectionHeading(_ block: Int) -> Bool { texts.opensSection[block] }

    /// A line that is one of the table's own labels (`一、本年新收政府信息公开申请数量`, a cell
    /// that an extractor wrote on a line of its own) or the first line of one a layout
    /// wrapped (`1、申请人无正当理由逾期不补`), not a new section; an OCR'd glyph or two
    /// (`示年新收…`, `…理由追期不补`) does not make it one.
    func isLabel(_ block: Int, of table: PreparedTable) -> Bool {
        let letters = texts.letters(at: block)
        guard letters.count >= 4 else { return false }
        return table.longLabels.contains { target in
            if LabelMatcher.contains(target, letters) || LabelMatcher.contains(letters, target) { return true }
            return target.count >= 8 && (Self.resembles(letters, target) || Self.resemblesPiece(letters, of: target))
        }
    }

    /// Letters that are a piece of `target` but for an OCR'd glyph or two
    /// (``LabelMatcher/containsDamaged(_:_:slack:)``), at least ``shortestDamagedPiece`` of them.
    static func resemblesPiece(_ letters: [UInt32], of target: [UInt32]) -> Bool {
        letters.count >= shortestDamagedPiece && letters.count < target.count
            && LabelMatcher.containsDamaged(target, letters, slack: 2)
    }

    /// The fewest letters a damaged piece of a label needs (``resemblesPiece(_:of:)``): fewer
    /// leave too little to tell a glyph from another word.
    static let shortestDamagedPiece = 8

    /// The first section heading after block `index` that is not one of `table`'s own
    /// labels, or the document's end.
    func sectionEnd(after index: Int, in blocks: [Block], of table: PreparedTable) -> Int {
        var end = index + 1
        while end < blocks.count {
            if isSectionHeading(end), !isHeading(end, of: table), !isLabel(end, of: table) { break }
            end += 1
        }
        return end
    }

    /// The block range of each table that has a heading in the document.
    func regions(in blocks: [Block]) -> [String: Range<Int>] {
        var starts: [(table: String, block: Int)] = []
        for index in blocks.indices {
            if case .removed = blocks[index].content { continue }
            guard texts.isShort[index], let letters = texts.letters[index] else { continue }
            // The first table it heads (asked of each table in place, none copied).
            if let table = template.tables.first(where: { Self.isHeading(letters: letters, of: $0) }),
                !starts.contains(where: { $0.table == table.id })
            {
                starts.append((table.id, index))
            }
        }
        var regions: [String: Range<Int>] = [:]
        for start in starts {
            guard let table = template.table(start.table) else { continue }
            var end = start.block + 1
            while end < blocks.count {
                let otherTable = template.tables.contains { $0.id != table.id && isHeading(end, of: $0) }
                if otherTable || (isSectionHeading(end) && !isHeading(end, of: table) && !isLabel(end, of: table)) { break }
                end += 1
            }
            regions[table.id] = start.block..<end
        }
        // A table's last cells printed after the next table's heading belong to the table.
        let ordered = starts.sorted { $0.block < $1.block }
        for (previous, next) in zip(ordered, ordered.dropFirst()) {
            guard let range = regions[previous.table], range.upperBound == next.block, let following = regions[next.table],
                let table = template.table(previous.table), let nextTable = template.table(next.table)
            else { continue }
            let end = spill(after: next.block, in: blocks[..<following.upperBound], of: table, before: nextTable)
            guard end > next.block + 1 else { continue }
            regions[previous.table] = range.lowerBound..<end
            regions[next.table] = end..<following.upperBound
        }
        return regions
    }

    /// Where the cells of `table` that an extractor printed after the heading at `heading`
    /// (of `next`) end: its labels or column headers that are not `next`'s, and lines of
    /// numbers among them. `heading + 1` when there are none.
    func spill(after heading: Int, in blocks: ArraySlice<Block>, of table: PreparedTable, before next: PreparedTable)
        -> Int
    {
        var end = heading + 1
        var index = heading + 1
        while index < blocks.endIndex {
            let block = blocks[index]
            if case .removed = block.content {
                index += 1
                continue
            }
            guard let letters = texts.letters[index] else { break }
            if isLabel(index, of: table), !isLabel(index, of: next) {
                end = index + 1
            } else if !(letters.isEmpty && texts.texts[index].contains(where: \.isNumber) && end > heading + 1) {
                break
            } else {
                end = index + 1
            }
            index += 1
        }
        return end
    }
}
