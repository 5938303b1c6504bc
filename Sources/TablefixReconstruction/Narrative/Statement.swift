/// A figure the report states in its prose: "共收到政府信息公开申请31件", "未收到…申请" (zero),
/// with where it was said and what keeps it from standing for a cell.
///
/// `StatementReader` finds statements; linking them to cells is the caller's: a statement
/// speaks of its `target` only when it ``isLinkable``.
package struct Statement: Sendable, Equatable {
    /// The canonical figure the phrase names, as the phrase data names it (`requests.new`).
    package var figure: String
    /// The number stated; 0 for a negation.
    package var value: Double
    /// The text the value was read from, exactly as the block holds it: the number
    /// (`31`, `二十六`, `1,375`) or, for a negation, the whole phrase (`未收到政府信息公开申请`).
    package var raw: String
    /// The unit printed after the number (`件`, `万元`), or nil.
    package var unit: String?
    /// True when the value is a zero the text states by negation (未收到, 未发生, 无, 没有).
    package var negation: Bool
    /// What forbids reading the value as the figure of the report's year (another year, a
    /// difference, a sub-count, a percentage, a range, an approximation, another unit).
    package var qualifiers: [Qualifier]
    /// The cells the figure is, for the report's template: one key, or several whose sum it
    /// is. Nil when the figure has no cell (主动公开 counts) or the template is unknown.
    package var target: StatementTarget?
    /// The sentence that states it, as the block holds it.
    package var sentence: String
    /// The index of the block in `Document.blocks`.
    package var block: Int
    /// The 1-based input line where `raw` starts.
    package var line: Int
    /// Where `raw` is in the block's text (`Block.text`), in characters.
    package var range: Range<Int>

    /// Whether the statement may be compared with its target cells: it has a target and
    /// nothing qualifies it.
    package var isLinkable: Bool { target != nil && qualifiers.isEmpty }
}

/// The cells a statement speaks of: one cell, or several whose sum the statement states.
package struct StatementTarget: Sendable, Equatable, Decodable {
    /// `active`, `requests` or `review`.
    package var table: String
    /// Cell keys of the table (`new.total`); the statement's value is their sum.
    package var keys: [String]
    /// The unit the cells are printed in, when the template names one (`万元`).
    package var unit: String?
}

/// Why a stated number is not the figure of the report's year as the table prints it.
package enum Qualifier: Sendable, Equatable {
    /// Said of another year or of several: `上年`, `累计`, or a year printed (`2021年`) that is
    /// not the report's.
    case otherYear(String)
    /// A difference, not a figure: `同比增长`, `较上年增加`; the marker found.
    case comparison(String)
    /// A part of a larger count, introduced by `其中`.
    case subcount
    /// A percentage (`100%`, `百分之九十`).
    case percentage
    /// One end of a range (`3-5件`, `三至五件`).
    case range
    /// An approximation (`约`, `近`, `100余件`, `100多件`); the marker found.
    case approximation(String)
    /// Printed in another unit than the cell's (`元` for a column in `万元`), or with none
    /// where the cell has one; never converted.
    case unitDiffers(printed: String?, column: String)

    /// One line for a reviewer: why the statement is not linked.
    package var reason: String {
        switch self {
        case .otherYear(let marker): "another year or period (\(marker))"
        case .comparison(let marker): "a difference (\(marker)), not a figure"
        case .subcount: "a sub-count (其中)"
        case .percentage: "a percentage"
        case .range: "one end of a range"
        case .approximation(let marker): "an approximation (\(marker))"
        case .unitDiffers(let printed, let column): "printed in \(printed ?? "no unit"), the cell counts \(column)"
        }
    }
}
