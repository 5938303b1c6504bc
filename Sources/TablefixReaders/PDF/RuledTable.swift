/// A table drawn with rules: the horizontal and vertical lines that cross each other, and
/// the words inside their frame. Rules of a table broken across pages are stacked into one.
struct RuledTable: Sendable {
    var horizontals: [Rule]
    var verticals: [Rule]
    var words: [PageWord] = []
    /// The pages the table is on, first to last; one piece unless it was broken across pages.
    var pieces: [Piece] = []

    /// The part of a table on one page. Its rules and words were moved down by `offset`
    /// points to sit under the previous piece; it begins at `start` (moved).
    struct Piece: Sendable {
        var page: Int
        var offset: Double
        var start: Double
    }

    /// The frame: from the leftmost to the rightmost rule, the top one to the bottom one.
    var box: Box {
        let xs = horizontals.flatMap { [$0.start, $0.end] } + verticals.map(\.position)
        let ys = verticals.flatMap { [$0.start, $0.end] } + horizontals.map(\.position)
        return Box(x0: xs.min() ?? 0, y0: ys.min() ?? 0, x1: xs.max() ?? 0, y1: ys.max() ?? 0)
    }

    /// How close two positions must be to be the same line (points).
    static let tolerance = 2.0

    /// The tables the rules of page `page` draw: rules that touch or cross, grouped, where
    /// a group has at least two horizontal and two vertical rules and makes at least two cells.
    ///
    /// - Complexity: O(h × v) in the numbers of horizontal and vertical rules.
    static func tables(in rules: [Rule], page: Int = 1) -> [RuledTable] {
        let horizontals = merged(rules.filter { $0.direction == .horizontal })
        let verticals = merged(rules.filter { $0.direction == .vertical })
        var touching = UnionFind(count: horizontals.count + verticals.count)
        for (h, horizontal) in horizontals.enumerated() {
            for (v, vertical) in verticals.enumerated() where crosses(horizontal, vertical) {
                touching.join(h, horizontals.count + v)
            }
        }
        var groups: [Int: RuledTable] = [:]
        for (h, horizontal) in horizontals.enumerated() {
            groups[touching.root(h), default: RuledTable(horizontals: [], verticals: [])].horizontals.append(horizontal)
        }
        for (v, vertical) in verticals.enumerated() {
            groups[touching.root(horizontals.count + v), default: RuledTable(horizontals: [], verticals: [])].verticals.append(
                vertical)
        }
        return groups.values
            .filter { $0.horizontals.count >= 2 && $0.verticals.count >= 2 }
            .filter { $0.slotCount >= 2 }
            .sorted { $0.box.y0 < $1.box.y0 }
            .map { table in
                var table = table
                table.pieces = [Piece(page: page, offset: 0, start: -.infinity)]
                return table
            }
    }

    private var slotCount: Int {
        let layout = TableLayout(self)
        return (layout.columns.count - 1) * (layout.rows.count - 1)
    }

    static func crosses(_ horizontal: Rule, _ vertical: Rule) -> Bool {
        vertical.position >= horizontal.start - tolerance && vertical.position <= horizontal.end + tolerance
            && horizontal.position >= vertical.start - tolerance && horizontal.position <= vertical.end + tolerance
    }

    /// Collinear rules that overlap or nearly touch, as one rule each; shorter than 3 points dropped.
    static func merged(_ rules: [Rule]) -> [Rule] {
        let sorted = rules.sorted { ($0.position, $0.start) < ($1.position, $1.start) }
        var lines: [[Rule]] = []
        for rule in sorted {
            if let last = lines.last?.first, abs(last.position - rule.position) <= tolerance {
                lines[lines.count - 1].append(rule)
            } else {
                lines.append([rule])
            }
        }
        var result: [Rule] = []
        for line in lines {
            let position = line.map(\.position).reduce(0, +) / Double(line.count)
            var current: Rule?
            for rule in line.sorted(by: { $0.start < $1.start }) {
                if var open = current, rule.start <= open.end + tolerance {
                    open.end = max(open.end, rule.end)
                    current = open
                } else {
                    if let open = current { result.append(open) }
                    current = Rule(direction: rule.direction, position: position, start: rule.start, end: rule.end)
                }
            }
            if let open = current { result.append(open) }
        }
        return result.filter { $0.length >= 3 }
    }
}

/// A ruled table's slots: the distinct x positions of its vertical rules and y positions of
/// its horizontal rules, and which slot boundaries are drawn.
struct TableLayout {
    /// Column boundaries, left to right; n + 1 of them for n columns.
    var columns: [Double]
    /// Row boundaries, top to bottom.
    var rows: [Double]
    private let table: RuledTable

    init(_ table: RuledTable) {
        self.table = table
        let box = table.box
        columns = Self.clustered(table.verticals.map(\.position) + [box.x0, box.x1])
        rows = Self.clustered(table.horizontals.map(\.position) + [box.y0, box.y1])
    }

    /// Sorted positions, those within the tolerance of each other as one (their mean).
    static func clustered(_ positions: [Double]) -> [Double] {
        var groups: [[Double]] = []
        for position in positions.sorted() {
            if let last = groups.last?.last, position - last <= RuledTable.tolerance {
                groups[groups.count - 1].append(position)
            } else {
                groups.append([position])
            }
        }
        return groups.map { $0.reduce(0, +) / Double($0.count) }
    }

    /// Whether a vertical rule separates slot (row, column) from (row, column + 1).
    func hasVerticalBoundary(row: Int, after column: Int) -> Bool {
        covered(table.verticals, at: columns[column + 1], from: rows[row], to: rows[row + 1])
    }

    /// Whether a horizontal rule separates slot (row, column) from (row + 1, column).
    func hasHorizontalBoundary(below row: Int, column: Int) -> Bool {
        covered(table.horizontals, at: rows[row + 1], from: columns[column], to: columns[column + 1])
    }

    /// True when rules at `position` cover at least 60 % of `start…end`.
    private func covered(_ rules: [Rule], at position: Double, from start: Double, to end: Double) -> Bool {
        var covered = 0.0
        for rule in rules where abs(rule.position - position) <= RuledTable.tolerance {
            covered += max(0, min(rule.end, end) - max(rule.start, start))
        }
        return covered >= 0.6 * (end - start)
    }

    /// The slot index of a position among boundaries, or nil outside them.
    static func slot(of position: Double, in boundaries: [Double]) -> Int? {
        guard let first = boundaries.first, let last = boundaries.last, position >= first, position <= last else {
            return nil
        }
        var low = 0, high = boundaries.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if boundaries[middle] <= position { low = middle } else { high = middle }
        }
        return low
    }
}
