import TablefixModel

/// Finds where each table of a template sits in a document: the blocks from the table's
/// section heading (even a damaged one) to the next section.
struct SectionLocator {
    var template: Template

    /// A short block whose letters contain one of the table's headings.
    static func isHeading(_ block: Block, of table: TableTemplate) -> Bool {
        guard block.textLines != nil else { return false }
        let text = block.text
        guard text.utf8.count <= 240, !text.containsText("。") else { return false }
        return isHeading(letters: LabelMatcher.letters(text), of: table)
    }

    /// Whether a short line's letters contain one of the table's headings.
    static func isHeading(letters: [UInt32], of table: TableTemplate) -> Bool {
        guard !letters.isEmpty, letters.count <= 40 else { return false }
        return table.headings.contains { heading in
            let target = LabelMatcher.letters(heading)
            return LabelMatcher.contains(letters, target) || resembles(letters, target)
        }
    }

    /// Letters that are `target` but for an OCR'd glyph or two, with a few more around it:
    /// 85 % of it in order, and at most eight letters beyond its length.
    static func resembles(_ letters: [UInt32], _ target: [UInt32]) -> Bool {
        letters.count <= target.count + 8
            && Double(LabelMatcher.commonSubsequenceLength(letters, target)) >= Double(target.count) * 0.85
    }

    /// A top-level section heading (`五、…`), which ends the section before it: judged by
    /// its text, since a heading a converter wrapped in markup (`**五、…**`) reads as a
    /// paragraph until cleanup strips it.
    static func isSectionHeading(_ block: Block) -> Bool {
        // A fragment such as `三、本年` (a merged label cut by a page's reading order) is not one.
        guard let first = block.textLines?.first, LineRole.isHeading(first.text.trimmingSpaces),
            LineRole.isSectionNumbered(first.text), LabelMatcher.letters(block.text).count >= 4
        else { return false }
        return true
    }

    /// A line that is one of the table's own labels (`一、本年新收政府信息公开申请数量`, a cell
    /// that an extractor wrote on a line of its own), not a new section; an OCR'd glyph or
    /// two (`示年新收…`) does not make it one.
    static func isLabel(_ block: Block, of table: TableTemplate) -> Bool {
        let letters = LabelMatcher.letters(block.text)
        guard letters.count >= 4 else { return false }
        let labels = table.rows.flatMap { $0.labels + [$0.group].compactMap { $0 } } + table.columns.flatMap(\.labels)
        return labels.contains { label in
            let target = LabelMatcher.letters(label)
            guard target.count >= 4 else { return false }
            if LabelMatcher.contains(target, letters) || LabelMatcher.contains(letters, target) { return true }
            return target.count >= 8 && resembles(letters, target)
        }
    }

    /// The block range of each table that has a heading in the document.
    func regions(in blocks: [Block]) -> [String: Range<Int>] {
        var starts: [(table: String, block: Int)] = []
        for (index, block) in blocks.enumerated() {
            if case .removed = block.content { continue }
            guard block.textLines != nil else { continue }
            let text = block.text
            guard text.utf8.count <= 240, !text.containsText("。") else { continue }
            let letters = LabelMatcher.letters(text)
            for table in template.tables where Self.isHeading(letters: letters, of: table) {
                if !starts.contains(where: { $0.table == table.id }) { starts.append((table.id, index)) }
                break
            }
        }
        var regions: [String: Range<Int>] = [:]
        for start in starts {
            guard let table = template.tables.first(where: { $0.id == start.table }) else { continue }
            var end = start.block + 1
            while end < blocks.count {
                let block = blocks[end]
                let otherTable = template.tables.contains { $0.id != table.id && Self.isHeading(block, of: $0) }
                if otherTable
                    || (Self.isSectionHeading(block) && !Self.isHeading(block, of: table) && !Self.isLabel(block, of: table))
                { break }
                end += 1
            }
            regions[table.id] = start.block..<end
        }
        // A table's last cells printed after the next table's heading belong to the table.
        let ordered = starts.sorted { $0.block < $1.block }
        for (previous, next) in zip(ordered, ordered.dropFirst()) {
            guard let range = regions[previous.table], range.upperBound == next.block, let following = regions[next.table],
                let table = template.tables.first(where: { $0.id == previous.table }),
                let nextTable = template.tables.first(where: { $0.id == next.table })
            else { continue }
            let end = Self.spill(after: next.block, in: blocks[..<following.upperBound], of: table, before: nextTable)
            guard end > next.block + 1 else { continue }
            regions[previous.table] = range.lowerBound..<end
            regions[next.table] = end..<following.upperBound
        }
        return regions
    }

    /// Where the cells of `table` that an extractor printed after the heading at `heading`
    /// (of `next`) end: its labels or column headers that are not `next`'s, and lines of
    /// numbers among them. `heading + 1` when there are none.
    static func spill(after heading: Int, in blocks: ArraySlice<Block>, of table: TableTemplate, before next: TableTemplate)
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
            guard block.textLines != nil else { break }
            let letters = LabelMatcher.letters(block.text)
            if isLabel(block, of: table), !isLabel(block, of: next) {
                end = index + 1
            } else if !(letters.isEmpty && block.text.contains(where: \.isNumber) && end > heading + 1) {
                break
            } else {
                end = index + 1
            }
            index += 1
        }
        return end
    }
}
