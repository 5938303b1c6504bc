/// What reconstruction found in a document: the template it follows, its issuing body and
/// year, and its tables, each cell with the evidence behind it.
public struct Extraction: Sendable, Equatable {
    /// The id of the template the document follows, or nil when none fits.
    public var template: String?
    /// How sure the edition detection is: 0…1.
    public var templateConfidence: Double
    /// The issuing body, from the title and opening lines.
    public var body: String?
    /// The report year, from the title and opening lines.
    public var year: Int?
    /// The document's confidence: how likely every present cell is right.
    public var confidence: Double
    /// The canonical tables of the template, then generic grids of other tables.
    public var tables: [ExtractedTable]

    public init(template: String?, templateConfidence: Double, body: String?, year: Int?, confidence: Double,
                tables: [ExtractedTable]) {
        self.template = template
        self.templateConfidence = templateConfidence
        self.body = body
        self.year = year
        self.confidence = confidence
        self.tables = tables
    }
}

/// One table of the output: a canonical table rebuilt cell by cell, or a generic grid.
public struct ExtractedTable: Sendable, Equatable {
    /// Whether the table's numbers are in the text, only an image stands for it, or there
    /// is no trace of it.
    public enum Status: String, Sendable, Equatable {
        case present, image, absent
    }

    /// `active`, `requests`, `review` for canonical tables; `t1`, `t2` … for generic grids.
    public var id: String
    public var status: Status
    /// How likely every cell of the table is right: 0…1 (0 when not present).
    public var confidence: Double
    /// The template's cells, in the template's order (canonical tables only).
    public var cells: [ExtractedCell]
    /// The template's arithmetic, evaluated (canonical tables only).
    public var checks: [Check]
    /// The table as read, for a generic grid.
    public var grid: Grid?

    public init(id: String, status: Status, confidence: Double, cells: [ExtractedCell] = [], checks: [Check] = [],
                grid: Grid? = nil) {
        self.id = id
        self.status = status
        self.confidence = confidence
        self.cells = cells
        self.checks = checks
        self.grid = grid
    }
}

/// One cell of a canonical table: the number printed, the text it was read from, how it
/// was read, and how sure that is.
public struct ExtractedCell: Sendable, Equatable {
    /// `ROW.COL` as the template names it.
    public var key: String
    /// The number the document printed, or nil for a blank (or unreadable) cell.
    public var value: Double?
    /// The text the input held for the cell.
    public var raw: String
    /// The probability that `value` is what the document printed: 0…1.
    public var confidence: Double
    /// A value that the table's arithmetic implies for a blank or unreadable cell.
    public var inferred: Double?
    /// Why the cell has its value, inferred value or confidence, when that needs saying.
    public var why: String?
    /// The rule that produced the value.
    public var rule: ReadingRule
    /// The 1-based input line the value came from (0 when none).
    public var line: Int
    /// What the value rests on; nil for a cell loaded from storage.
    public var evidence: CellEvidence?

    public init(key: String, value: Double?, raw: String, confidence: Double, inferred: Double? = nil,
                why: String? = nil, rule: ReadingRule, line: Int) {
        self.key = key
        self.value = value
        self.raw = raw
        self.confidence = confidence
        self.inferred = inferred
        self.why = why
        self.rule = rule
        self.line = line
        self.evidence = nil
    }

    /// A cell whose confidence, rule, `why` and inferred value come from its evidence.
    public init(key: String, value: Double?, raw: String, line: Int, evidence: CellEvidence,
                policy: ConfidencePolicy = .standard) {
        self.key = key
        self.value = value
        self.raw = raw
        self.line = line
        self.evidence = evidence
        confidence = policy.confidence(of: evidence)
        inferred = evidence.inferred
        why = evidence.why(raw: raw, policy: policy)
        rule = evidence.rule
    }

    /// The cell with its evidence changed and everything that follows from it recomputed.
    public func with(_ evidence: CellEvidence, policy: ConfidencePolicy = .standard) -> ExtractedCell {
        ExtractedCell(key: key, value: value, raw: raw, line: line, evidence: evidence, policy: policy)
    }
}

/// One relation evaluated on a table: an arithmetic relation of the template, or a
/// figure the report's prose states for some of its cells (`narrative`).
public struct Check: Sendable, Equatable {
    /// What the check compares: the table's own arithmetic, or the table with its prose.
    public enum Kind: String, Sendable, Equatable {
        case arithmetic, narrative
    }

    /// The relation as the template states it: `new + carried_in = total + carried_out`;
    /// for a narrative check, the cells and the figure stated: `new.total = 31`.
    public var rule: String
    /// The column (or row) the relation was evaluated on.
    public var column: String?
    /// Whether the printed numbers satisfy it; nil when a cell it needs is blank (or, for a
    /// narrative check, when the table is not in the text).
    public var ok: Bool?
    /// The cell keys the relation involves.
    public var cells: [String]
    /// The two sides' values when it fails (for a narrative check: the table's, the prose's).
    public var left: Double?
    public var right: Double?
    public var kind: Kind
    /// For a narrative check: the sentence that states the figure, and its 1-based input line.
    public var sentence: String?
    public var line: Int?

    public init(rule: String, column: String?, ok: Bool?, cells: [String], left: Double? = nil, right: Double? = nil,
                kind: Kind = .arithmetic, sentence: String? = nil, line: Int? = nil) {
        self.rule = rule
        self.column = column
        self.ok = ok
        self.cells = cells
        self.left = left
        self.right = right
        self.kind = kind
        self.sentence = sentence
        self.line = line
    }
}
