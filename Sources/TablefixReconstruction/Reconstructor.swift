public import TablefixModel

/// Rebuilds the canonical tables of a template from a cleaned document, cell by cell,
/// with the evidence and confidence of each cell.
///
/// Steps: detect the edition; read the title for body and year; locate each table by its
/// section heading (falling back to the whole document); align the region's rows with the
/// template's rows by label; distribute each row's values over its columns; evaluate the
/// arithmetic. Tables that are not canonical come out as generic grids.
public struct Reconstructor: Sendable {
    public var library: TemplateLibrary

    public init(library: TemplateLibrary) {
        self.library = library
    }

    /// The extraction of `document`.
    ///
    /// - Complexity: linear in the document's size for a given template.
    public func extract(from document: Document) -> Extraction {
        let (body, year) = TitleReader().read(document)
        guard let (template, templateConfidence) = EditionDetector(templates: library.templates)
            .detect(in: document, year: year)
        else {
            let grids = genericTables(document, used: [])
            return Extraction(template: nil, templateConfidence: 0, body: body, year: year,
                              confidence: 0, tables: grids)
        }
        let regions = SectionLocator(template: template).regions(in: document.blocks)
        var used = Set<Int>()
        var tables: [ExtractedTable] = []
        for table in template.tables {
            let (extracted, blocks) = reconstruct(table, in: document, regions: regions)
            tables.append(extracted)
            used.formUnion(blocks)
        }
        if Self.isDamaged(document, tables) {
            tables = tables.map(Self.cappingUnverified)
        }
        let present = tables.filter { $0.status == .present }
        let confidence = present.isEmpty
            ? templateConfidence
            : min(templateConfidence, present.map(\.confidence).reduce(0, +) / Double(present.count))
        return Extraction(template: template.id, templateConfidence: templateConfidence, body: body, year: year,
                          confidence: confidence, tables: tables + genericTables(document, used: used))
    }

    /// One canonical table, and the blocks its values came from.
    func reconstruct(_ table: TableTemplate, in document: Document, regions: [String: Range<Int>])
        -> (ExtractedTable, Set<Int>)
    {
        let blocks = document.blocks
        let region = regions[table.id]
        if let region, let result = read(table, blocks: blocks, range: region) {
            return result
        }
        // No heading: look everywhere that is not another table's. (Under a heading
        // that has text but no table, the table is absent: a sentence stands for it.)
        let elsewhere = (0..<blocks.count).filter { index in
            !regions.contains { $0.key != table.id && $0.value.contains(index) }
        }
        if region == nil {
            for run in Self.runs(of: elsewhere) {
                if let result = read(table, blocks: blocks, range: run, strict: true) { return result }
            }
        }
        // An image placeholder under the heading, or nothing at all (an extractor dropped
        // a picture without a trace): the table was not text.
        if let region, containsImage(blocks, region) || isEmpty(region, of: table, in: blocks) {
            return (ExtractedTable(id: table.id, status: .image, confidence: 0), [])
        }
        return (ExtractedTable(id: table.id, status: .absent, confidence: 0), [])
    }

    /// Whether a table's region holds nothing but its heading and captions: a picture's
    /// alt text as a text browser prints it (`表三`) counts as a caption.
    func isEmpty(_ range: Range<Int>, of table: TableTemplate, in blocks: [Block]) -> Bool {
        range.allSatisfy { index in
            switch blocks[index].content {
            case .removed: true
            case .heading, .paragraph:
                SectionLocator.isHeading(blocks[index], of: table) || LineRole.isPictureName(blocks[index].text)
            default: false
            }
        }
    }

    func containsImage(_ blocks: [Block], _ range: Range<Int>) -> Bool {
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

    /// The table read from `blocks[range]`, or nil when the range holds none of it.
    /// `strict` asks for more evidence, for ranges found without a heading.
    func read(_ table: TableTemplate, blocks: [Block], range: Range<Int>, strict: Bool = false)
        -> (ExtractedTable, Set<Int>)?
    {
        let plainRows = RowStream.rows(of: blocks, in: range)
        var rows = plainRows
        if table.layout == .rows, let width = table.rows.first?.columns.count,
            table.rows.allSatisfy({ $0.columns.count == width })
        {
            rows = RowStream.unstacking(rows, columns: width)
        }
        let arithmetic = Arithmetic(table: table)
        var reading: TableReading?
        switch table.layout {
        case .rows: reading = TableReading.rows(table, rows: rows, strict: strict)
        case .singleRow: reading = TableReading.singleRow(table, rows: rows)
        }
        var cells = reading?.cells ?? []
        var checks = reading == nil ? [] : arithmetic.apply(to: &cells)
        var used = Set(reading.map { $0.rows.map { rows[$0].block } } ?? [])
        // Rows the labels could not place: try reading by order.
        if reading == nil || cells.contains(where: { $0.rule == "missing" || $0.confidence < 0.5 }),
            let ordered = OrderReading(table: table, arithmetic: arithmetic).read(plainRows),
            let chosen = Self.preferringOrder(ordered.cells, over: (reading?.cells ?? [], cells, checks), arithmetic)
        {
            (cells, checks) = chosen
            used.formUnion(ordered.rows.map { plainRows[$0].block })
        }
        guard !cells.isEmpty else { return nil }
        let confidence = cells.map(\.confidence).min() ?? 0
        return (ExtractedTable(id: table.id, status: .present, confidence: confidence, cells: cells, checks: checks),
                used)
    }

    /// The reading by order, when the evidence prefers it to the reading by labels
    /// (`labelled`: its cells before and after arithmetic, and its checks):
    /// - its arithmetic holds better (four relations in five at least, and more of them
    ///   than by label); cells two relations confirm are then trusted;
    /// - or it agrees with every cell the labels placed with some confidence (0.7) and
    ///   fills the rest, without failing more relations.
    static func preferringOrder(
        _ ordered: [ExtractedCell], over labelled: (cells: [ExtractedCell], checked: [ExtractedCell], checks: [Check]),
        _ arithmetic: Arithmetic
    ) -> ([ExtractedCell], [Check])? {
        var orderedCells = ordered
        let orderedChecks = arithmetic.apply(to: &orderedCells)
        let failing = orderedChecks.filter { $0.ok == false }.count
        let passing = orderedChecks.filter { $0.ok == true }.count
        let labelFailing = labelled.checks.filter { $0.ok == false }.count
        if passing > labelled.checks.filter({ $0.ok == true }).count, failing * 5 <= passing + failing {
            let (confirmations, failed) = Self.confirmations(orderedChecks)
            let trusted = orderedCells.map { cell in
                guard cell.confidence >= 0.8, confirmations[cell.key, default: 0] >= 2, !failed.contains(cell.key)
                else { return cell }
                var cell = cell
                cell.confidence = max(cell.confidence, 0.95)
                cell.why = "read by order; the row's and the column's arithmetic both hold"
                return cell
            }
            return (trusted, orderedChecks)
        }
        // Agreement: the cells the labels placed, checked, are those the order gives.
        let orderedByKey = Dictionary(ordered.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let placed = Set(labelled.checked.filter { $0.rule != "missing" && $0.confidence >= 0.7 }.map(\.key))
        guard placed.count * 2 >= labelled.checked.count, placed.count < labelled.checked.count,
            labelled.checked.allSatisfy({ !placed.contains($0.key) || orderedByKey[$0.key]?.value == $0.value })
        else { return nil }
        var merged = labelled.cells.map { cell in
            guard !placed.contains(cell.key), var filled = orderedByKey[cell.key] else { return cell }
            filled.confidence = min(filled.confidence, 0.7)
            filled.why = "read by order; the order agrees with every row the labels placed"
            return filled
        }
        let mergedChecks = arithmetic.apply(to: &merged)
        guard mergedChecks.filter({ $0.ok == false }).count <= labelFailing else { return nil }
        return (merged, mergedChecks)
    }

    /// Whether the document shows damage that may have reached its digits too: OCR glyph
    /// repairs in its text, or rows whose values did not fit their columns.
    static func isDamaged(_ document: Document, _ tables: [ExtractedTable]) -> Bool {
        if document.edits.contains(where: { $0.kind == .glyph }) { return true }
        let damagedRules: Set<String> = ["ocr-digits", "unreadable", "window", "split-digits", "missing", ValueAssigner.shortRow]
        return tables.contains { table in
            table.cells.contains { cell in
                damagedRules.contains(cell.rule) || cell.why?.hasPrefix("row has") == true
            }
        }
    }

    /// In a damaged document a number that the arithmetic does not confirm twice may be an
    /// OCR misreading (6008 read as 5008, `|0` read as 10 in a row whose total suffered the
    /// same): it is capped below the high-confidence mark. One relation can hold by
    /// coincidence; a row and a column relation both holding rarely do.
    static func cappingUnverified(_ table: ExtractedTable) -> ExtractedTable {
        var table = table
        let (passing, failed) = confirmations(table.checks)
        for index in table.cells.indices {
            let key = table.cells[index].key
            guard passing[key, default: 0] < 2 || failed.contains(key), table.cells[index].confidence > unverifiedCap
            else { continue }
            table.cells[index].confidence = unverifiedCap
            let note = "not confirmed by two relations, in a document with damaged rows or OCR glyphs"
            table.cells[index].why = table.cells[index].why.map { "\($0); \(note)" } ?? note
        }
        table.confidence = table.cells.map(\.confidence).min() ?? table.confidence
        return table
    }

    static let unverifiedCap = 0.8

    /// How many holding relations confirm each cell, and the cells of failing ones.
    static func confirmations(_ checks: [Check]) -> (passing: [String: Int], failed: Set<String>) {
        var passing: [String: Int] = [:]
        var failed = Set<String>()
        for check in checks {
            if check.ok == true { for key in check.cells { passing[key, default: 0] += 1 } }
            if check.ok == false { failed.formUnion(check.cells) }
        }
        return (passing, failed)
    }

    /// Table blocks not used by a canonical table, as generic grids `t1`, `t2` …
    func genericTables(_ document: Document, used: Set<Int>) -> [ExtractedTable] {
        var tables: [ExtractedTable] = []
        for (index, block) in document.blocks.enumerated() where !used.contains(index) {
            guard case .table(let grid) = block.content else { continue }
            tables.append(ExtractedTable(id: "t\(tables.count + 1)", status: .present, confidence: 0, grid: grid))
        }
        return tables
    }
}
