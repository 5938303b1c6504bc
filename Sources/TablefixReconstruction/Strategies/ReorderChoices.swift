import TablefixModel

/// The orders a row dealt by order may have been printed in, when its own arithmetic
/// fails as dealt (pdftotext interleaves a table's header cells with its first row's, and
/// prints a one-row table's groups of columns in an order of its own): option 0 as dealt,
/// then each distinct order that makes the row's arithmetic hold. Or, when another
/// grouping of the rows holds the row's arithmetic as well as the deal, the readings that
/// groupings give: the table's arithmetic across rows may tell them apart.
///
/// When several orders hold equally well, a cell they all fill alike takes that value;
/// the others are said to be ambiguous.
final class ReorderChoices: UnitChoices {
    let dealt: [Int]
    let tokens: [Token]
    let decimal: Bool
    let units: [String?]
    let numbers: [Double?]
    let dealtReadings: [CellReading]
    /// How a value put back in order is placed (an ambiguous row stays ambiguous).
    let placement: CellEvidence.Placement
    /// Whether the row as dealt is one of several groupings its own arithmetic allows:
    /// chosen by the table's arithmetic alone, it is placed as a value put back is.
    let dealtIsAmbiguous: Bool
    let makeOrders: () -> [[Int]]

    init(dealt: [Int], tokens: [Token], decimal: Bool, units: [String?], numbers: [Double?],
         dealtReadings: [CellReading], placement: CellEvidence.Placement, dealtIsAmbiguous: Bool = false,
         orders: @escaping () -> [[Int]]) {
        self.dealt = dealt
        self.tokens = tokens
        self.decimal = decimal
        self.units = units
        self.numbers = numbers
        self.dealtReadings = dealtReadings
        self.placement = placement
        self.dealtIsAmbiguous = dealtIsAmbiguous
        makeOrders = orders
    }

    /// The orders, computed when the arbiter first asks: as dealt, then the others.
    lazy var orders: [[Int]] = [dealt] + makeOrders()

    var count: Int { orders.count }
    var group: Int? { nil }

    func values(_ option: Int) -> [Double?] { orders[option].map { numbers[$0] } }

    func readings(decided option: Int) -> [CellReading] {
        guard option > 0 || dealtIsAmbiguous else { return dealtReadings }
        return orders[option].enumerated().map { column, index in
            CellReading.from(tokens[index], decimal: decimal, unit: units[column], placement: placement)
        }
    }

    func readings(undecided options: [Int]) -> [CellReading]? {
        let first = orders[options[0]]
        return first.enumerated().map { column, index in
            let agreed = options.allSatisfy { numbers[orders[$0][column]] == numbers[index] }
            return CellReading.from(tokens[index], decimal: decimal, unit: units[column],
                                    placement: agreed ? placement : .order(.ambiguous))
        }
    }

    /// Every distinct order of `dealt` (by the values it gives) that makes the row's
    /// arithmetic hold.
    static func permutations(of dealt: [Int], numbers: [Double?], tally: Tally) -> [[Int]] {
        var result: [[Int]] = []
        var seen = Set<[Double?]>()
        for order in permutations(dealt) {
            let values = order.map { numbers[$0] }
            guard seen.insert(values).inserted else { continue }
            let (passing, failing) = tally.count(values)
            guard failing == 0, passing > 0 else { continue }
            result.append(order)
        }
        return result
    }

    /// Every order of `items`.
    static func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        var result: [[Int]] = []
        for (index, item) in items.enumerated() {
            var rest = items
            rest.remove(at: index)
            for tail in permutations(rest) { result.append([item] + tail) }
        }
        return result
    }
}
