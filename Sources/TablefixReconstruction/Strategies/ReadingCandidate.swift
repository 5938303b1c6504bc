import TablefixModel

/// One way of reading a table's region, as a strategy proposes it: every template row's
/// cells, each row perhaps with alternatives for the arbiter to choose among.
struct ReadingCandidate {
    /// The strategy that proposed it.
    var strategy: ReadingStrategyKind
    /// The template's rows (or the one row of a single-row table), in key order.
    var units: [ReadingUnit]
    /// The region rows its values came from.
    var rows: [Int]
    /// How far it departs from reading the region plainly (values pinned, trimmed): among
    /// candidates of one strategy that the arithmetic scores alike, fewer departures win.
    var departures = 0
    /// Whether its values stood in the cells of a grid: the grid's positions are evidence,
    /// so a relation that fails there is a printed inconsistency, not a scrambled order.
    var fromGrid = false

    /// Every cell's key, in output order.
    var keys: [String] { units.flatMap(\.keys) }
}

/// The strategies, in the order the arbiter weighs them: the first is the primary reading.
enum ReadingStrategyKind: Sendable, Equatable {
    case labels, singleRow, order
}

/// One template row of a candidate.
struct ReadingUnit {
    var keys: [String]
    /// The readings when nothing else is known.
    var readings: [CellReading]
    /// Other ways to read the row that the table's arithmetic may choose among.
    var choices: (any UnitChoices)?
}

extension ReadingUnit {
    /// The unit read over some of its row's columns, widened to all of `keys`: the
    /// others not printed.
    func widened(to keys: [String]) -> ReadingUnit {
        let byKey = Dictionary(zip(self.keys, readings), uniquingKeysWith: { first, _ in first })
        return ReadingUnit(keys: keys, readings: keys.map { byKey[$0] ?? .missing(.notPrinted) })
    }
}

/// The ways a row may be read, for the arbiter's search: option 0 is the row's default.
protocol UnitChoices {
    /// How many options there are.
    var count: Int { get }
    /// The values an option puts in the row's cells, in key order.
    func values(_ option: Int) -> [Double?]
    /// Units with the same group (and the same options) may be moved together first: rows
    /// that lost the same columns.
    var group: Int? { get }
    /// The readings when the arithmetic picks `option` alone.
    func readings(decided option: Int) -> [CellReading]
    /// The readings when several options (not the default) score alike; nil keeps the
    /// row's default readings.
    func readings(undecided options: [Int]) -> [CellReading]?
    /// The readings when a figure the prose states picks `option` among those the
    /// arithmetic leaves tied; nil when the prose may not decide such a choice.
    func readings(confirmedByProse option: Int) -> [CellReading]?
}

extension UnitChoices {
    /// Only the splits of glued digits are the prose's to decide.
    func readings(confirmedByProse option: Int) -> [CellReading]? { nil }
}
