/// A relation between two consecutive reports of one body, declared by a template: each
/// column of `row` in a report equals the same column of `previousYearRow` in the report of
/// the year before (a request carried in, 上年结转, was carried out the year before,
/// 结转下年度).
///
/// ```json
/// "continuity": [{"table": "requests", "row": "carried_in", "previousYearRow": "carried_out"}]
/// ```
public struct Continuity: Sendable, Codable, Equatable {
    /// The table's id.
    public var table: String
    /// The row of the later report.
    public var row: String
    /// The row of the earlier report it must equal, column by column.
    public var previousYearRow: String
}
