/// A recurring table format described as data: its tables, their rows and columns with
/// the labels documents print for them, and the arithmetic the format states.
///
/// Templates are JSON files (`Resources/templates/*.json`); `--templates DIR` adds more.
/// A new recurring format needs a file, not code.
public struct Template: Sendable, Codable, Equatable {
    /// The id that output reports, such as `gov-disclosure-2021`.
    public var id: String
    /// A human-readable name.
    public var name: String
    /// Words a document of this family contains (all of them), such as its title words.
    public var documentMarkers: [String]
    /// Text that tells this edition from its siblings, with how much each counts.
    public var evidence: [Evidence]
    /// The report years the edition is used for.
    public var years: YearRange?
    /// The tables, in the order a document prints them.
    public var tables: [TableTemplate]
    /// What consecutive reports of one body must agree on (``Continuity``).
    public var continuity: [Continuity]?

    public struct Evidence: Sendable, Codable, Equatable {
        public var text: String
        public var weight: Double
    }

    public struct YearRange: Sendable, Codable, Equatable {
        public var from: Int
        public var to: Int
    }

    /// All the labels of the template: the words its documents are expected to contain.
    public var vocabulary: [String] {
        tables.flatMap { table in
            table.headings + table.rows.flatMap { $0.labels + [$0.group].compactMap { $0 } }
                + table.columns.flatMap { $0.labels + [$0.group].compactMap { $0 } }
        }
    }
}

/// One table of a template.
public struct TableTemplate: Sendable, Codable, Equatable {
    /// How the table's cells are laid out.
    public enum Layout: String, Sendable, Codable {
        /// One labelled row per template row; its numbers follow the label.
        case rows
        /// A single row of numbers under column headers; keys are the columns'.
        case singleRow = "single-row"
    }

    /// `active`, `requests`, `review` …
    public var id: String
    public var title: String
    /// Section headings that introduce the table.
    public var headings: [String]
    public var layout: Layout
    public var columns: [ColumnTemplate]
    public var rows: [RowTemplate]
    public var relations: [Relation]
    /// Relations that say their `left` side is at most their `right` (a part at most its
    /// whole, a year's count at most the years' cumulative one): they rule readings out and
    /// never confirm a cell.
    public var bounds: [Relation]?
    /// Whether documents print the rows in the template's order (the default) or in any
    /// order (forms that differ between provinces and years).
    public var rowOrder: RowOrder?
    /// Words the table's header prints besides its columns' labels and groups (行政诉讼 over
    /// both groups of lawsuits): evidence of the table where it stands, naming no cell.
    public var headerWords: [String]?

    public enum RowOrder: String, Sendable, Codable {
        case printed, any
    }

    /// The unit a row's cell in `column` counts in.
    func unit(row: RowTemplate, column: String) -> String? {
        row.unit ?? columns.first { $0.key == column }?.unit
    }

    /// Every cell key in output order.
    public var keys: [String] {
        switch layout {
        case .rows: rows.flatMap { row in row.columns.map { "\(row.key).\($0)" } }
        case .singleRow: columns.map(\.key)
        }
    }
}

public struct ColumnTemplate: Sendable, Codable, Equatable {
    public var key: String
    public var labels: [String]
    /// The header word over the group of columns it belongs to (`行政复议` over
    /// `reconsideration.*`), if any: evidence of the table where its own headers are cut.
    public var group: String?
    /// The unit the column counts in (`万元`), when the format names one.
    public var unit: String?
    /// Whether a form may leave the column out: when its header is nowhere in the table,
    /// its cells are not printed.
    public var optional: Bool?
}

public struct RowTemplate: Sendable, Codable, Equatable {
    public var key: String
    /// The label and its known variants, without list numbers.
    public var labels: [String]
    /// The label of the group the row belongs to (`不予公开` for `denied.*`), if any.
    public var group: String?
    /// The keys of the columns this row has, in printed order.
    public var columns: [String]
    /// Whether the row's numbers may have decimals (amounts of money).
    public var decimal: Bool?
    /// The unit the row counts in, when it is the row's rather than the column's.
    public var unit: String?
    /// Whether publishers may leave the row out (a group printed as one row, a form of
    /// another province): not found in a table whose rows were all read, it is not printed.
    public var optional: Bool?
}

/// An arithmetic relation: the sum of `left` equals the sum of `right`.
///
/// Keys may hold `$`, replaced in turn by each of `each`: `"columns"` (the table's
/// columns), `"rows"` (its rows), or an explicit list.
public struct Relation: Sendable, Codable, Equatable {
    public var rule: String
    public var each: Each?
    public var left: [String]
    public var right: [String]

    public enum Each: Sendable, Codable, Equatable {
        case columns
        case rows
        case list([String])

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let list = try? container.decode([String].self) {
                self = .list(list)
                return
            }
            switch try container.decode(String.self) {
            case "columns": self = .columns
            case "rows": self = .rows
            case let other:
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "each must be \"columns\", \"rows\" or a list, not \"\(other)\"")
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .columns: try container.encode("columns")
            case .rows: try container.encode("rows")
            case .list(let list): try container.encode(list)
            }
        }
    }
}
