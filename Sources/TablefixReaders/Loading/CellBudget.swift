/// The table cells one document may expand to, all its tables together: a page of many
/// tables, each under the per-table cap, must not add up to gigabytes. Shared by a
/// reader and the readers of the cells it nests.
final class CellBudget {
    /// The most grid slots (cells once spans are expanded) a document's tables may have
    /// together: a report has a few thousand.
    static let documentLimit = HTMLTableLayout.slotLimit

    private(set) var used = 0

    /// Takes `slots` from the budget.
    ///
    /// - Returns: false, taking nothing, when they do not fit.
    func take(_ slots: Int) -> Bool {
        guard slots <= Self.documentLimit - used else { return false }
        used += slots
        return true
    }
}
