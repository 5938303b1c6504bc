import TablefixModel

/// A template with what reconstruction derives from its data, worked out once for every
/// document: its tables' labels and headings as letters, their arithmetic, its evidence
/// words compacted.
struct PreparedTemplate: Sendable {
    let template: Template
    let tables: [PreparedTable]
    /// The words that tell the edition, each compacted (``TemplateChooser/compact(_:)``).
    let evidence: [(compactText: String, weight: Double)]

    init(_ template: Template, alphabet: LabelAlphabet) {
        self.template = template
        tables = template.tables.map { PreparedTable($0, alphabet: alphabet) }
        evidence = template.evidence.map { (TemplateChooser.compact($0.text), $0.weight) }
    }

    var id: String { template.id }

    /// The first table with `id`.
    func table(_ id: String) -> PreparedTable? { tables.first { $0.id == id } }

    /// The letters of every label of `templates`, for their ``LabelAlphabet``.
    static func alphabet(of templates: [Template]) -> LabelAlphabet {
        LabelAlphabet(templates.flatMap { $0.tables.flatMap(TableLabels.letters(of:)) })
    }
}

/// A table of a template with what reconstruction derives from it once.
struct PreparedTable: Sendable {
    let table: TableTemplate
    /// Its row, group and column labels, indexed by letter.
    let labels: TableLabels
    /// The letters of each of its section headings, in order.
    let headings: [[UInt32]]
    /// The letters of its row, group and column labels of four letters or more: what a
    /// line of its own must be to be one of them (``SectionLocator/isLabel(_:of:)``).
    let longLabels: [[UInt32]]
    /// Its relations, `$` replaced, and the tallies readings are judged by.
    let arithmetic: Arithmetic

    init(_ table: TableTemplate, alphabet: LabelAlphabet) {
        self.table = table
        labels = TableLabels(table, alphabet: alphabet)
        headings = table.headings.map(LabelMatcher.letters)
        longLabels = TableLabels.letters(of: table).filter { $0.count >= 4 }
        arithmetic = Arithmetic(table: table)
    }

    var id: String { table.id }
}
