import TablefixModel

/// The placements of a row that came out short of its columns, as an OCR leaves a ruled
/// table whose narrow columns it lost (`87 2 103` for `87 5 0 2 6 3 103`): the values keep
/// their order, in any increasing choice of columns; the first columns first.
///
/// When several placements hold the table's arithmetic equally well, a value goes where
/// they all put it; a value they put in different columns is placed nowhere, and the
/// cells it may belong to say so.
///
/// A row that prints no zero and whose printed values already make its own arithmetic
/// hold with the other cells at zero lost only blanks (a publisher's blank for zero,
/// collapsed by the converter): the table's arithmetic then counts its other cells as zero
/// when it weighs placements. A row that prints a zero does not leave zeros blank: what it
/// lacks was lost (an OCR missing narrow columns), and stays unknown.
struct ShortRowChoices: UnitChoices {
    /// For each printed value, in order, the column it goes to.
    typealias Placement = [Int]

    let values: [Token]
    let columns: Int
    /// Reads a token in a column, placed so.
    let read: (Token, Int, CellEvidence.Placement) -> CellReading
    let placements: [Placement]
    let numbers: [Double?]
    /// The count the cells no value goes to hold for the arithmetic: zero when the row lost
    /// only blanks, unknown otherwise.
    let unplaced: Double?

    /// Nil when the row has more placements than `limit`. `check` is the row's own
    /// arithmetic.
    init?(values: [Token], columns: Int, read: @escaping (Token, Int, CellEvidence.Placement) -> CellReading,
          limit: Int, check: (([Double?]) -> Bool?)? = nil) {
        let placements = Self.placements(of: values.count, in: columns, limit: limit)
        guard placements.count > 1, placements.count <= limit else { return nil }
        self.values = values
        self.columns = columns
        self.read = read
        self.placements = placements
        let numbers = values.map { NumberReader.reading(of: $0.raw)?.value }
        self.numbers = numbers
        let printsZero = numbers.contains(0)
        let lostBlanks = !printsZero && check.map { check in
            placements.contains { placement in
                var row = [Double?](repeating: 0, count: columns)
                for (slot, column) in placement.enumerated() { row[column] = numbers[slot] }
                return check(row) == true
            }
        } ?? false
        unplaced = lostBlanks ? 0 : nil
    }

    var count: Int { placements.count }
    /// Rows of the same length usually lost the same columns.
    var group: Int? { values.count * 1000 + columns }

    func values(_ option: Int) -> [Double?] {
        var row = [Double?](repeating: unplaced, count: columns)
        for (slot, column) in placements[option].enumerated() { row[column] = numbers[slot] }
        return row
    }

    func readings(decided option: Int) -> [CellReading] { readings(placements[option].map { $0 }, among: []) }

    func readings(undecided options: [Int]) -> [CellReading]? {
        let first = placements[options[0]]
        let agreed = first.indices.map { slot in options.allSatisfy { placements[$0][slot] == first[slot] } ? first[slot] : nil }
        return readings(agreed, among: options.map { placements[$0] })
    }

    /// The cells when each value goes to its column in `placement` (nil: undecided among
    /// `tied`).
    func readings(_ placement: [Int?], among tied: [Placement]) -> [CellReading] {
        (0..<columns).map { column in
            if let slot = placement.firstIndex(of: column) {
                return read(values[slot], column, outcome(.placed))
            }
            if let slot = placement.indices.first(where: { slot in
                placement[slot] == nil && tied.contains { $0[slot] == column }
            }) {
                return .missing(outcome(.undecided(candidate: values[slot].raw)), raw: values[slot].raw)
            }
            return .missing(outcome(.none))
        }
    }

    func outcome(_ outcome: CellEvidence.ShortRow.Outcome) -> CellEvidence.Placement {
        .shortRow(.init(values: values.count, columns: columns, outcome: outcome))
    }

    /// Every increasing choice of `count` columns out of `columns`, the first columns first
    /// (at most one more than `limit`).
    static func placements(of count: Int, in columns: Int, limit: Int) -> [Placement] {
        guard count > 0, count < columns else { return [] }
        var result: [Placement] = []
        func extend(_ built: [Int], from start: Int) {
            if built.count == count {
                result.append(built)
                return
            }
            guard result.count <= limit, start < columns else { return }
            for column in start..<columns where columns - column >= count - built.count {
                extend(built + [column], from: column + 1)
            }
        }
        extend([], from: 0)
        return result
    }
}
