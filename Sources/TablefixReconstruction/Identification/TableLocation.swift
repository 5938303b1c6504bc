import TablefixModel

/// Where each table of a template may be read in a document, and what stands there when
/// no reading succeeds.
struct TableLocation {
    let template: Template
    let blocks: [Block]
    /// The block range under each table's section heading.
    let regions: [String: Range<Int>]

    init(template: Template, blocks: [Block]) {
        self.template = template
        self.blocks = blocks
        regions = SectionLocator(template: template).regions(in: blocks)
    }

    /// A block range to read a table from, and whether it was found without a heading.
    struct Place {
        var range: Range<Int>
        var strict: Bool
    }

    /// Where to read `table`, in order: under its heading; with no heading, each run of
    /// blocks that is no other table's, asking for more evidence. (Under a heading that
    /// has text but no table, the table is absent: a sentence stands for it.)
    func places(for table: TableTemplate) -> [Place] {
        if let region = regions[table.id] { return [Place(range: region, strict: false)] }
        let elsewhere = blocks.indices.filter { index in
            !regions.contains { $0.key != table.id && $0.value.contains(index) }
        }
        return Self.runs(of: elsewhere).map { Place(range: $0, strict: true) }
    }

    /// The status of a table no reading found: `image` when an image placeholder stands
    /// under its heading, or nothing at all (an extractor dropped a picture without a
    /// trace); `absent` otherwise.
    func unreadStatus(of table: TableTemplate) -> ExtractedTable.Status {
        guard let region = regions[table.id] else { return .absent }
        return containsImage(region) || isEmpty(region, of: table) ? .image : .absent
    }

    /// Whether a table's region holds nothing but its heading and captions: a picture's
    /// alt text as a text browser prints it (`表三`) counts as a caption.
    func isEmpty(_ range: Range<Int>, of table: TableTemplate) -> Bool {
        range.allSatisfy { index in
            switch blocks[index].content {
            case .removed: true
            case .heading, .paragraph:
                SectionLocator.isHeading(blocks[index], of: table) || LineRole.isPictureName(blocks[index].text)
            default: false
            }
        }
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
