import TablefixModel

/// Where each table of a template may be read in a document, as runs of the document's
/// rows, and what stands there when no reading succeeds.
///
/// A table starts at its section heading when its rows follow it, and at its own rows
/// (``ContentEvidence``) when it has no heading, a heading worded otherwise, or one that
/// stands elsewhere: headings are evidence, not gates. It ends where the next table
/// starts or its section ends, never before its own rows do; two tables in one grid part
/// at the row where the second one's rows begin.
struct TableLocation {
    let template: PreparedTemplate
    let blocks: [Block]
    /// The blocks as identification reads them.
    let texts: BlockTexts
    /// The document's rows, in order.
    let rows: [StreamRow]
    /// The row range of each table found by heading or by its rows.
    let regions: [String: Range<Int>]
    /// The block range under each table's section heading.
    let headingRegions: [String: Range<Int>]

    /// Where only the headings put the tables: enough to tell what stands under them.
    init(template: PreparedTemplate, blocks: [Block], texts: BlockTexts, headings: [String: Range<Int>]) {
        self.template = template
        self.blocks = blocks
        self.texts = texts
        rows = []
        regions = [:]
        headingRegions = headings
    }

    /// Where the headings (the block range under each table's section heading,
    /// ``SectionLocator/regions(in:)``) and the tables' own rows put the tables.
    init(template: PreparedTemplate, blocks: [Block], texts: BlockTexts, content: ContentEvidence,
         headings: [String: Range<Int>])
    {
        self.template = template
        self.blocks = blocks
        self.texts = texts
        rows = content.rows
        let locator = SectionLocator(template: template, texts: texts)
        headingRegions = headings
        let rows = content.rows
        /// The first row at or after block `block`.
        func firstRow(atBlock block: Int) -> Int { rows.firstIndex { $0.block >= block } ?? rows.count }
        var starts: [String: Int] = [:]
        for table in template.tables {
            let cluster = content.placing(table.id)?.rows
            switch (headings[table.id], cluster) {
            case (let heading?, let cluster?):
                // The rows decide, unless the heading has values of its own under it.
                let underHeading = firstRow(atBlock: heading.lowerBound)..<firstRow(atBlock: heading.upperBound)
                starts[table.id] = heading.contains(rows[cluster.lowerBound].block)
                    || underHeading.contains(where: { rows[$0].hasNumbers })
                    ? underHeading.lowerBound : cluster.lowerBound
            case (let heading?, nil): starts[table.id] = firstRow(atBlock: heading.lowerBound)
            case (nil, let cluster?): starts[table.id] = cluster.lowerBound
            case (nil, nil): continue
            }
        }
        var regions: [String: Range<Int>] = [:]
        for table in template.tables {
            guard let start = starts[table.id] else { continue }
            // A heading with no row after it (the document ends there) owns no row.
            let ownEnd = min((content.placing(table.id)?.lastOwnRow ?? start) + 1, rows.count)
            var end: Int
            if let heading = headings[table.id], firstRow(atBlock: heading.lowerBound) == start {
                end = firstRow(atBlock: heading.upperBound)
            } else {
                let lastBlock = ownEnd - 1 < rows.count ? rows[ownEnd - 1].block : blocks.count - 1
                end = firstRow(atBlock: locator.sectionEnd(after: lastBlock, in: blocks, of: table))
            }
            for (other, otherStart) in starts where other != table.id && otherStart > start && otherStart >= ownEnd {
                end = min(end, otherStart)
            }
            regions[table.id] = start..<max(end, ownEnd)
        }
        self.regions = regions
    }

    /// A run of rows to read a table from, and whether it was found neither by heading nor
    /// by its rows (reading it then asks for more evidence).
    struct Place {
        var rows: Range<Int>
        var strict: Bool
    }

    /// Where to read `table`, in order: where its heading or its rows put it; failing both,
    /// each run of rows that is no other table's, asking for more evidence. (Under a
    /// heading that has text but no table, the table is absent: a sentence stands for it.)
    func places(for table: TableTemplate) -> [Place] {
        if let region = regions[table.id] { return [Place(rows: region, strict: false)] }
        let elsewhere = rows.indices.filter { index in
            !regions.contains { $0.key != table.id && $0.value.contains(index) }
        }
        return Self.runs(of: elsewhere).map { Place(rows: $0, strict: true) }
    }

    /// The status of a table no reading found: `image` when an image placeholder stands
    /// under its heading, or nothing at all (an extractor dropped a picture without a
    /// trace), or a ruled grid on a page in which an OCR read no text at all, not even a
    /// label (a picture of the table, too blurred or too faint to read); `absent` otherwise.
    func unreadStatus(of table: PreparedTable) -> ExtractedTable.Status {
        guard let region = headingRegions[table.id] else { return .absent }
        return containsImage(region) || isEmpty(region, of: table) ? .image : .absent
    }

    /// Distinct labels of a table (row labels, column and group headings) that tell its own
    /// lines printed: as ``ContentEvidence/minimumHits`` tells a run of rows the table's.
    static let printedLabels = ContentEvidence.minimumHits

    /// Whether the table's own labels of four letters or more stand in its grids or short
    /// lines under its section heading, ``printedLabels`` of them at least (`结果维持`,
    /// `尚未审结`, `复议后起诉`): the table is printed there, though no row of values was
    /// read (a converter dropped a row whose every cell was blank, or the values were lost).
    /// Running text that names them (`未发生…行政复议、行政诉讼`) and the heading do not count.
    func printsOwnLabels(_ table: PreparedTable) -> Bool {
        guard let region = headingRegions[table.id] else { return false }
        let lines: [[UInt32]] = region.flatMap { index -> [[UInt32]] in
            guard let textLines = blocks[index].textLines else { return [texts.letters(at: index)] }
            return textLines.compactMap { line in
                let letters = LabelMatcher.letters(line.text)
                return LineRole.isProse(line.text) || SectionLocator.isHeading(letters: letters, of: table) ? nil : letters
            }
        }
        return table.longLabels.count { label in lines.contains { LabelMatcher.contains($0, label) } }
            >= Self.printedLabels
    }

    /// Whether a table's region holds nothing but its heading and captions: a picture's
    /// alt text as a text browser prints it (`表三`) counts as a caption.
    func isEmpty(_ range: Range<Int>, of table: PreparedTable) -> Bool {
        let locator = SectionLocator(template: template, texts: texts)
        return range.allSatisfy { index in
            switch blocks[index].content {
            case .removed: true
            case .heading, .paragraph:
                locator.isHeading(index, of: table) || LineRole.isPictureName(texts.texts[index])
            case .table(let grid): Self.isUnreadPicture(grid)
            default: false
            }
        }
    }

    /// Whether `grid` was read by OCR and holds cells but no text in any: no table prints
    /// neither labels nor headings, so what stands there is a picture of one.
    static func isUnreadPicture(_ grid: Grid) -> Bool {
        let cells = grid.rows.joined()
        return !cells.isEmpty && cells.allSatisfy { $0.ocrConfidence != nil && $0.text.trimmingSpaces.isEmpty }
    }

    func containsImage(_ range: Range<Int>) -> Bool {
        range.contains { if case .image = blocks[$0].content { true } else { false } }
    }

    /// Consecutive indices grouped into ranges.
    static func runs(of indices: [Int]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        for index in indices {
            if let last = runs.last, last.upperBound == index {
                runs[runs.count - 1] = last.lowerBound..<(index + 1)
            } else {
                runs.append(index..<(index + 1))
            }
        }
        return runs
    }
}
