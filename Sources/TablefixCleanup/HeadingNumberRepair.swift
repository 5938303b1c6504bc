public import TablefixModel

/// Restores list numbers that extraction rendered in the wrong style, and drops a heading
/// repeated right after itself.
///
/// `4、` between `三、` and `五、` becomes `四、`; `（1）` before `（二）` becomes `（一）`. A number
/// is changed only when a neighbour of the same level, in the Chinese style, continues its
/// sequence; a run of `1、2、3、` items stays as it is. Table cells are never touched.
public struct HeadingNumberRepair: CleanupPass {
    public init() {}

    /// A block that opens with a list number.
    struct Item {
        var block: Int
        var marker: ListMarker
        var level: Int { marker.style == .chineseComma || marker.style == .arabicComma ? 1 : 2 }
        var isArabic: Bool { marker.style == .arabicComma || marker.style == .arabicParen }
    }

    public func apply(to document: inout Document) {
        dropRepeatedHeadings(in: &document)
        let items = document.blocks.indices.compactMap { index -> Item? in
            guard let first = document.blocks[index].textLines?.first,
                let marker = ListMarker(parsing: first.text[...]), marker.style != .arabicDot
            else { return nil }
            return Item(block: index, marker: marker)
        }
        for (position, item) in items.enumerated() where item.isArabic {
            guard let confidence = Self.support(for: item, at: position, in: items) else { continue }
            renumber(item, in: &document, confidence: confidence)
        }
    }

    /// How strongly the neighbours of `item` at its level say it belongs to their
    /// Chinese-numbered sequence; nil when they do not.
    static func support(for item: Item, at position: Int, in items: [Item]) -> Double? {
        let value = item.marker.value
        let previous = neighbour(of: position, in: items, step: -1)
        let next = neighbour(of: position, in: items, step: 1)
        // Arabic neighbours continuing the number make this a genuine Arabic list.
        if previous?.isArabic == true && previous?.marker.value == value - 1 { return nil }
        if next?.isArabic == true && next?.marker.value == value + 1 { return nil }
        let before = previous.map { !$0.isArabic && $0.marker.value == value - 1 } ?? false
        let after = next.map { !$0.isArabic && $0.marker.value == value + 1 } ?? false
        switch (before, after) {
        case (true, true): return ConfidencePolicy.standard.editNumberingBoth
        case (true, false), (false, true): return ConfidencePolicy.standard.editNumberingOne
        default: return nil
        }
    }

    /// The nearest item of the same level in direction `step`, not crossing a section
    /// (a level-1 item) when looking for level-2 siblings.
    static func neighbour(of position: Int, in items: [Item], step: Int) -> Item? {
        let level = items[position].level
        var index = position + step
        while index >= 0, index < items.count {
            let candidate = items[index]
            if candidate.level == level { return candidate }
            if candidate.level < level { return nil }
            index += step
        }
        return nil
    }

    func renumber(_ item: Item, in document: inout Document, confidence: Double) {
        guard var lines = document.blocks[item.block].textLines,
            let numeral = ChineseNumeral.listText(for: item.marker.value)
        else { return }
        let marker = item.marker
        let text = lines[0].text
        let before = String(text.prefix(marker.length + marker.trailingSpace))
        let after = marker.style == .arabicComma ? numeral + "、" : "（" + numeral + "）"
        lines[0].text = after + text.dropFirst(marker.length + marker.trailingSpace)
        document.blocks[item.block].content =
            document.blocks[item.block].isHeading ? .heading(lines) : .paragraph(lines)
        document.edits.append(Edit(kind: .numbering, before: before, after: after, line: lines[0].line,
                                   confidence: confidence))
    }

    func dropRepeatedHeadings(in document: inout Document) {
        var previous: Int?
        for index in document.blocks.indices {
            let block = document.blocks[index]
            if case .removed = block.content { continue }
            defer { previous = index }
            guard block.isHeading, let previous, document.blocks[previous].isHeading,
                document.blocks[previous].text.trimmingSpaces == block.text.trimmingSpaces
            else { continue }
            let text = block.text
            document.blocks[index].content = .removed(text: text, reason: "heading repeated right after itself")
            document.edits.append(Edit(kind: .duplicate, before: text, after: "", line: block.lines.lowerBound,
                                       confidence: ConfidencePolicy.standard.editDuplicate))
        }
    }
}
