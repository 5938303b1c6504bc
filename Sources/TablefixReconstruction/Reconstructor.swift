public import TablefixModel

/// Rebuilds the canonical tables of a template from a cleaned document, cell by cell,
/// with the evidence and confidence of each cell.
///
/// identify → strategies → arbiter → prose: the title gives body and year; identification
/// tells which template the document follows and where each of its tables may be read;
/// the reading strategies propose their readings of each table's region (the reading by
/// order only when the primary one is doubtful); the arbiter weighs them under the
/// table's arithmetic and turns the outcome into cells; the figures the
/// prose states are checked against them (``NarrativeLinker``). Tables that are not
/// canonical come out as generic grids.
public struct Reconstructor: Sendable {
    public let library: TemplateLibrary
    /// The numbers every confidence comes from.
    public var policy: ConfidencePolicy
    /// The strategies whose reading is the primary one, in order.
    let strategies: [any ReadingStrategy]
    /// The reading by order, asked for when the primary reading is doubtful.
    let byOrder: any ReadingStrategy
    let budget: SearchBudget
    /// The library's templates, with what identification reads them by.
    let templates: [PreparedTemplate]
    /// The letters of every template's labels.
    let alphabet: LabelAlphabet

    public init(library: TemplateLibrary, policy: ConfidencePolicy = .standard) {
        self.library = library
        self.policy = policy
        strategies = ReadingStrategies.primary
        byOrder = ReadingStrategies.byOrder
        budget = .standard
        alphabet = PreparedTemplate.alphabet(of: library.templates)
        templates = library.templates.map { [alphabet] in PreparedTemplate($0, alphabet: alphabet) }
    }

    /// The extraction of `document`.
    ///
    /// - Complexity: linear in the document's size for a given template.
    public func extract(from document: Document) -> Extraction {
        extract(from: document) { () throws(Never) in }
    }

    /// The extraction of `document`, given up when the clock passes `deadline`.
    ///
    /// - Throws: ``PastDeadline`` when it does, before the next table or place is read.
    public func extract(from document: Document, until deadline: ContinuousClock.Instant) throws(PastDeadline)
        -> Extraction
    {
        try extract(from: document) { () throws(PastDeadline) in
            if ContinuousClock.now >= deadline { throw PastDeadline() }
        }
    }

    /// The extraction, with `checkpoint` called before each table and each place of one
    /// is read: it throws to give up.
    func extract<Failure: Error>(from document: Document, checkpoint: () throws(Failure) -> Void) throws(Failure)
        -> Extraction
    {
        let (body, year) = TitleReader().read(document)
        let rows = RowStream.rows(of: document.blocks, in: document.blocks.indices)
        let texts = BlockTexts(document.blocks)
        let chooser = TemplateChooser(templates: templates, alphabet: alphabet, policy: policy)
        guard let (template, templateConfidence, content, headings) =
            chooser.choose(for: document, texts: texts, rows: rows, year: year)
        else {
            return Extraction(template: nil, templateConfidence: 0, body: body, year: year, confidence: 0,
                              tables: genericTables(document, used: []))
        }
        let location = TableLocation(template: template, blocks: document.blocks, texts: texts, content: content,
                                     headings: headings)
        let statements = library.phrases.map { phrases in
            StatementReader(phrases: phrases, template: template.id, year: year).statements(in: document)
        } ?? []
        var used = Set<Int>()
        var tables: [ExtractedTable] = []
        var fromPictures: [Bool] = []
        // Whether values were read for each table: one printed without any shows no damage.
        var read: [Bool] = []
        for table in template.tables {
            let (extracted, blocks) = try reconstruct(table, in: document, at: location, prose: statements,
                                                      checkpoint: checkpoint)
            tables.append(extracted)
            fromPictures.append(Self.readFromPictures(blocks, of: document))
            read.append(!blocks.isEmpty)
            used.formUnion(blocks)
        }
        guard tables.contains(where: { $0.status != .absent }) else {
            // The template's words stood in the document, but none of its tables: a
            // narrative-only report (its numbered lists of figures name the indicators).
            return Extraction(template: nil, templateConfidence: 0, body: body, year: year, confidence: 0,
                              tables: genericTables(document, used: []))
        }
        tables = tables.indices.map { index in
            let witnesses = tables.indices.filter { read[$0] && (fromPictures[$0] == false || fromPictures[index]) }
                .map { tables[$0] }
            let damaged = isDamaged(document, witnesses) || (fromPictures[index] && document.signals.showsPictureOCRDamage)
            return marking(tables[index], damaged: damaged, replacedLines: document.signals.replacedLines)
        }
        tables = tables.map(NarrativeLinker(statements: statements, policy: policy).linking)
        let present = tables.filter { $0.status == .present }
        let confidence = present.isEmpty
            ? templateConfidence
            : min(templateConfidence, present.map(\.confidence).reduce(0, +) / Double(present.count))
        return Extraction(template: template.id, templateConfidence: templateConfidence, body: body, year: year,
                          confidence: confidence, tables: tables + genericTables(document, used: used))
    }

    /// One canonical table, and the blocks its values came from; `prose` is what the
    /// document's prose states.
    func reconstruct<Failure: Error>(_ prepared: PreparedTable, in document: Document, at location: TableLocation,
                                     prose: [Statement], checkpoint: () throws(Failure) -> Void) throws(Failure)
        -> (ExtractedTable, Set<Int>)
    {
        let table = prepared.table
        let arbiter = Arbiter(arithmetic: prepared.arithmetic, policy: policy, budget: budget, prose: prose)
        for place in location.places(for: table) {
            try checkpoint()
            let region = Self.region(of: table, rows: Array(location.rows[place.rows]), strict: place.strict)
            let candidates = strategies.flatMap { $0.candidates(for: prepared, in: region, budget: budget) }
            guard let verdict = arbiter.decide(candidates, byOrder: {
                byOrder.candidates(for: prepared, in: region, budget: budget)
            }) else { continue }
            let confidence = verdict.cells.map(\.confidence).min() ?? 0
            return (ExtractedTable(id: table.id, status: .present, confidence: confidence, cells: verdict.cells,
                                   checks: verdict.checks),
                    Set(verdict.rows.map { region.rows[$0].block }))
        }
        let status = location.unreadStatus(of: prepared)
        if status == .absent, location.printsOwnLabels(prepared) {
            // Printed without a row of values read: present, each cell not found.
            let (cells, checks) = arbiter.weigh(table.keys.map { _ in .missing(.notFound) }, keys: table.keys)
            return (ExtractedTable(id: table.id, status: .present, confidence: cells.map(\.confidence).min() ?? 0,
                                   cells: cells, checks: checks), [])
        }
        return (ExtractedTable(id: table.id, status: status, confidence: 0), [])
    }

    /// The rows of a place, as the strategies read them.
    static func region(of table: TableTemplate, rows: [StreamRow], strict: Bool) -> TableRegion {
        var unstacked = rows
        if table.layout == .rows, let width = table.rows.first?.columns.count,
            table.rows.allSatisfy({ $0.columns.count == width })
        {
            unstacked = RowStream.unstacking(rows, columns: width)
        }
        return TableRegion(rows: rows, unstacked: unstacked, strict: strict)
    }

    /// Whether a table's values all came from what OCR read off pictures (a scanned page,
    /// an image in a page or a DOCX): their damage says nothing of the tables read from
    /// text, so it is not counted against those.
    static func readFromPictures(_ blocks: Set<Int>, of document: Document) -> Bool {
        !blocks.isEmpty && blocks.allSatisfy { index in
            switch document.blocks[index].content {
            case .table(let grid): grid.rows.contains { row in row.contains { $0.ocrConfidence != nil } }
            case .heading(let lines), .paragraph(let lines): lines.contains { $0.ocrConfidence != nil }
            case .image, .removed: false
            }
        }
    }

    /// Whether the document shows damage that may have reached its digits too: OCR glyph
    /// repairs in its text, or cells read through a repair or from rows that did not fit
    /// in `tables` (the table itself and those whose damage bears on it).
    func isDamaged(_ document: Document, _ tables: [ExtractedTable]) -> Bool {
        document.signals.showsOCRDamage
            || tables.contains { table in table.cells.contains { $0.evidence?.showsDamage == true } }
    }

    /// The table with what the document shows as a whole added to its cells' evidence: in
    /// a damaged document a number that the arithmetic does not confirm twice may be an
    /// OCR misreading (6008 read as 5008, `|0` read as 10 in a row whose total suffered the
    /// same); a number read from a line whose bytes were replaced may have lost a digit.
    func marking(_ table: ExtractedTable, damaged: Bool, replacedLines: Set<Int>) -> ExtractedTable {
        guard damaged || !replacedLines.isEmpty else { return table }
        var table = table
        table.cells = table.cells.map { cell in
            guard var evidence = cell.evidence else { return cell }
            evidence.damagedDocument = damaged
            evidence.replacedBytes = replacedLines.contains(cell.line)
            return cell.with(evidence, policy: policy)
        }
        table.confidence = table.cells.map(\.confidence).min() ?? table.confidence
        return table
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

/// The reconstruction gave up: the clock passed its deadline.
public struct PastDeadline: Error, Sendable {}
