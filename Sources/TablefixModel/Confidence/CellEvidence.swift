/// What a cell's value rests on: how its text was read, how its place in the table was
/// found, what the table's arithmetic says of it, and what the document shows. The
/// confidence (``ConfidencePolicy``), the rule and the `why` text all come from it.
public struct CellEvidence: Sendable, Equatable {
    /// How the cell's text was read.
    public var source: ValueSource
    /// How the cell's place in the table was found.
    public var placement: Placement
    /// How well the label the value was read under matched (0…1), when a label placed it.
    public var labelScore: Double?
    /// How the reading it belongs to was chosen over the others.
    public var selection: Selection
    /// What the table's relations say of it.
    public var arithmetic: RelationEvidence
    /// Whether the document shows damage that may have reached its digits (OCR glyphs,
    /// rows that did not fit their columns).
    public var damagedDocument: Bool
    /// Whether the cell was read from a line whose bytes reading had to replace.
    public var replacedBytes = false
    /// What the report's prose says of it.
    public var prose: ProseEvidence = .silent
    /// Whether its row's own label matched no row of the template: the row was placed by
    /// the rows whose labels were read before and after it.
    public var labelUnread = false

    public init(source: ValueSource, placement: Placement, labelScore: Double? = nil, selection: Selection = .only,
                arithmetic: RelationEvidence = RelationEvidence(), damagedDocument: Bool = false) {
        self.source = source
        self.placement = placement
        self.labelScore = labelScore
        self.selection = selection
        self.arithmetic = arithmetic
        self.damagedDocument = damagedDocument
    }

    /// How a cell's text was read.
    public enum ValueSource: Sendable, Equatable {
        /// A number as printed.
        case printed
        /// A number printed with a unit or a note after it (`368000元`, `31（其中修订9件）`):
        /// the number is read, unit and note stay in `raw`. `otherUnit` is the column's
        /// unit when the printed one is another (nothing is converted).
        case annotated(unit: String?, note: String?, otherUnit: String?)
        /// A fraction in a column that counts items.
        case fraction
        /// Letters or debris an OCR left, read as digits.
        case repairedDigits
        /// An empty cell.
        case blank
        /// A dash, a slash or a word printed for none.
        case noneMark(String)
        /// A lone `一` among numbers: a dash as an OCR prints it.
        case dashLookalike(String)
        /// Text that is not a number.
        case unreadable
        /// Nothing in the region stands for the cell.
        case absent
    }

    /// How a cell's place in the table was found.
    public enum Placement: Sendable, Equatable {
        /// One value per column after the row's label.
        case label
        /// One slot per column, blank slots included.
        case slot
        /// One slot per column once a grid's blank padding is dropped, where the row has a
        /// blank at either end and the table's arithmetic did not choose which end was padding
        /// (`| 总计 | | 115 | … | |`: a merged label's blank before the values, or a blank total
        /// after them).
        case paddingGuessed
        /// A row of fewer cells than columns, taken as the rightmost: one of its cells.
        case rightAligned(cells: Int, columns: Int)
        /// A column such a row has no cell for.
        case lacking(cells: Int, columns: Int)
        /// A row laid out by character columns that prints fewer values than columns,
        /// each value under the column a fuller row of the same layout prints there, the
        /// columns it leaves empty blank; `checked`: the row's own arithmetic holds so.
        case byColumns(checked: Bool)
        /// A row with more or fewer values than columns that nothing explained, kept in order.
        case mismatched(values: Int, columns: Int)
        /// The one run of a long row's values that fits the row's arithmetic.
        case window(values: Int, columns: Int)
        /// Digits run together, split.
        case split(Split)
        /// A number a converter printed in pieces one space apart (`78 967`: two spans of
        /// the markup), joined so that the row has one value per column; `checked`: the
        /// row's arithmetic holds with the joined values.
        case joined(checked: Bool)
        /// One value per column after the row's label, the row's first line short of them and
        /// the lines of values right after it (no label of their own) making up the rest: an
        /// OCR that read a tall row's cells a few at a time. Joined only where the row's
        /// arithmetic holds with them.
        case continued
        /// A short row's values placed where the table's arithmetic holds best.
        case shortRow(ShortRow)
        /// Read by the order of the region's values.
        case order(Order)
        /// The row was not found.
        case notFound
        /// The form the document prints has no such row or column: every other row of the
        /// table was read, and none is left over.
        case notPrinted
    }

    /// A split of digits run together.
    public struct Split: Sendable, Equatable {
        /// How many splits fit (the row's arithmetic, or no leading zeros without one).
        public var fits: Int
        /// Whether the row's own arithmetic judged the splits.
        public var checked: Bool
        /// Whether this value was cut from a longer run (false: printed whole in such a row).
        public var wasSplit: Bool
        /// Whether the table's arithmetic chose this split among those that fit the row.
        public var chosenByTable: Bool
        /// Whether a figure the prose states chose this split among those that fit the
        /// row, where the table's arithmetic could not.
        public var chosenByProse = false
        /// Whether the row's empty cells are the spaces between its values, one space each
        /// (a crawler's text of a page whose empty cells hold `&nbsp;`): then no value is
        /// surer for being printed whole.
        public var blanksAreSpaces = false
        /// Whether the row printed its values apart but for one word, cut in two where the
        /// row's arithmetic says a space was lost (an OCR's `61  43050` for 61, 4, 3050): then
        /// no value is surer for being printed whole, its column resting on the cut.
        public var spaceLost = false

        public init(fits: Int, checked: Bool, wasSplit: Bool, chosenByTable: Bool = false, blanksAreSpaces: Bool = false,
                    spaceLost: Bool = false)
        {
            self.fits = fits
            self.checked = checked
            self.wasSplit = wasSplit
            self.chosenByTable = chosenByTable
            self.blanksAreSpaces = blanksAreSpaces
            self.spaceLost = spaceLost
        }
    }

    /// A cell of a row with fewer values than columns, after the table's arithmetic
    /// placed its values.
    public struct ShortRow: Sendable, Equatable {
        public enum Outcome: Sendable, Equatable {
            /// One of the row's values, placed here.
            case placed
            /// One of the row's values, placed here by the spaces an OCR kept between them.
            case spaced
            /// One of the row's values, placed in order from the first column, the last in
            /// the row's total column: it is at least the sum of the others.
            case totalLast
            /// One of the row's values, placed in order in the columns that are no group's
            /// total: the row prints every cell but its totals.
            case totalsBlank
            /// No value placed: the printed `candidate` may be this column's or another's.
            case undecided(candidate: String)
            /// No value placed and none may belong here.
            case none
        }

        public var values: Int
        public var columns: Int
        public var outcome: Outcome

        public init(values: Int, columns: Int, outcome: Outcome) {
            self.values = values
            self.columns = columns
            self.outcome = outcome
        }
    }

    /// How a value read by order came to its cell.
    public enum Order: Sendable, Equatable {
        /// In order, the region's labels out of order.
        case dealt
        /// Printed alone beside its row's label: the row's first value.
        case pinned
        /// Rows that printed their first values before the rest.
        case firstsFirst
        /// Rows that printed their values column by column.
        case byColumn
        /// A row printed in another order, put back where the arithmetic holds.
        case reordered
        /// Another grouping fits the row's arithmetic as well.
        case ambiguous
    }

    /// How the reading a cell belongs to was chosen.
    public enum Selection: Sendable, Equatable {
        /// The only reading, or the labels' reading.
        case only
        /// The reading by order, chosen because the table's arithmetic holds better;
        /// `holdsAll` when no relation fails in it.
        case orderByArithmetic(holdsAll: Bool)
        /// Filled from the reading by order, which agrees with every row the labels placed.
        case orderAgreeing
    }

    /// What the table's relations say of a cell.
    public struct RelationEvidence: Sendable, Equatable {
        /// How many relations holding involve it.
        public var confirmations: Int
        /// How many of those hold on numbers that are not all zero: a sum of zeros holds
        /// wherever the zeros stand, so it cannot place a value read by order.
        public var informativeConfirmations: Int
        /// The rules of the failing relations that involve it, in the template's order.
        public var failed: [String]
        /// A value the arithmetic implies for a blank or unreadable cell, and the rule.
        public var inferred: Inference?

        public init(confirmations: Int = 0, informativeConfirmations: Int = 0, failed: [String] = [],
                    inferred: Inference? = nil) {
            self.confirmations = confirmations
            self.informativeConfirmations = informativeConfirmations
            self.failed = failed
            self.inferred = inferred
        }
    }

    /// What the report's prose says of a cell: nothing, the figure the table prints, another
    /// one, or, where the table is not in the text, the figure itself.
    public enum ProseEvidence: Sendable, Equatable {
        case silent
        /// A sentence states the figure the table prints (alone, or as part of a sum).
        case agrees
        /// A sentence states another figure; `stated` is the prose's, for the cell or the sum.
        case disagrees(stated: Double, sentence: String)
        /// The table is an image or absent: the sentence states the cell's figure.
        case states(value: Double, sentence: String)
    }

    /// The value inferred for a blank, unreadable or unseen cell: from the table's
    /// arithmetic, or from the prose where the table is not in the text.
    public var inferred: Double? {
        if case .states(let value, _) = prose { return value }
        return arithmetic.inferred?.value
    }

    /// A value a relation with one unknown cell implies for it.
    public struct Inference: Sendable, Equatable {
        public var value: Double
        /// The relation's rule.
        public var rule: String

        public init(value: Double, rule: String) {
            self.value = value
            self.rule = rule
        }
    }
}

extension CellEvidence.ValueSource {
    /// Whether the text was read as a number without a repair.
    public var isNumber: Bool {
        switch self {
        case .printed, .fraction, .annotated: true
        default: false
        }
    }
}

extension CellEvidence {
    /// The rule the output names for the cell.
    public var rule: ReadingRule {
        if case .states = prose { return .narrative }
        switch placement {
        case .rightAligned, .lacking, .byColumns, .paddingGuessed: return .position
        case .mismatched(let values, let columns) where values < columns: return .shortRow
        case .window: return .window
        case .split: return .splitDigits
        case .joined: return .joinedPieces
        case .shortRow: return .shortRow
        case .order: return .sequence
        case .notFound: return .missing
        case .notPrinted: return .notPrinted
        case .slot where source.isNumber: return .position
        case .label, .slot, .mismatched, .continued: return sourceRule
        }
    }

    /// The rule of the text alone.
    var sourceRule: ReadingRule {
        switch source {
        case .printed, .fraction, .annotated: .labelRow
        case .repairedDigits, .dashLookalike: .ocrDigits
        case .blank: .blank
        case .noneMark: .placeholder
        case .unreadable: .unreadable
        case .absent: .missing
        }
    }
}

extension CellEvidence {
    /// Whether the cell shows damage that may have reached the document's other digits
    /// too: a value read through a repair, a row that did not fit its columns, a row not
    /// found.
    public var showsDamage: Bool {
        if case .mismatched = placement { return true }
        switch rule {
        case .ocrDigits, .unreadable, .window, .splitDigits, .joinedPieces, .missing, .shortRow: return true
        case .labelRow, .position, .blank, .placeholder, .sequence, .notPrinted, .narrative: return false
        }
    }
}
