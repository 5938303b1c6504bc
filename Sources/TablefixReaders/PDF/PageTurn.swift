/// How a page's text runs, in quarter turns clockwise from upright: a table printed
/// sideways on a portrait page (its text running down the page) is turned by one. Its
/// words, rules and pictures are read turned back, so that its rows run across as on an
/// upright page.
struct PageTurn: Sendable, Equatable {
    /// 0 upright, 1 text running down, 2 upside down, 3 text running up.
    var quarters: Int
    /// The page as shown.
    var shown: Box

    static func upright(_ shown: Box) -> PageTurn { PageTurn(quarters: 0, shown: shown) }

    /// The turn of the text whose lines run along `directions` (one per character): the
    /// direction most characters run in.
    static func of(directions: [(x: Double, y: Double)], shown: Box) -> PageTurn {
        var counts = [0, 0, 0, 0]
        for direction in directions { counts[quarters(of: direction)] += 1 }
        let most = counts.indices.max { counts[$0] < counts[$1] } ?? 0
        return PageTurn(quarters: counts[most] * 2 > directions.count ? most : 0, shown: shown)
    }

    /// The quarter turn of one line's direction.
    static func quarters(of direction: (x: Double, y: Double)) -> Int {
        if direction.x >= abs(direction.y) { return 0 }
        if direction.y > abs(direction.x) { return 1 }
        if direction.x <= -abs(direction.y) { return 2 }
        return 3
    }

    /// The page's size turned back upright.
    var width: Double { quarters % 2 == 0 ? shown.width : shown.height }
    var height: Double { quarters % 2 == 0 ? shown.height : shown.width }

    /// A point of the shown page on the page turned back upright.
    func upright(x: Double, y: Double) -> (x: Double, y: Double) {
        guard quarters != 0 else { return (x, y) }
        let (x, y) = (x - shown.x0, y - shown.y0)
        switch quarters {
        case 1: return (y, shown.width - x)
        case 2: return (shown.width - x, shown.height - y)
        default: return (shown.height - y, x)
        }
    }

    /// A box of the shown page on the page turned back upright.
    func upright(_ box: Box) -> Box {
        guard quarters != 0 else { return box }
        let a = upright(x: box.x0, y: box.y0), b = upright(x: box.x1, y: box.y1)
        return Box(x0: min(a.x, b.x), y0: min(a.y, b.y), x1: max(a.x, b.x), y1: max(a.y, b.y))
    }

    /// A rule of the shown page on the page turned back upright.
    func upright(_ rule: Rule) -> Rule {
        guard quarters != 0 else { return rule }
        let box = rule.direction == .horizontal
            ? Box(x0: rule.start, y0: rule.position, x1: rule.end, y1: rule.position)
            : Box(x0: rule.position, y0: rule.start, x1: rule.position, y1: rule.end)
        let turned = upright(box)
        return turned.width >= turned.height
            ? Rule(direction: .horizontal, position: turned.y0, start: turned.x0, end: turned.x1)
            : Rule(direction: .vertical, position: turned.x0, start: turned.y0, end: turned.y1)
    }
}
