/// A rectangle on a page, in points from the page's top-left corner, y growing downwards.
struct Box: Sendable, Equatable {
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double

    var width: Double { x1 - x0 }
    var height: Double { y1 - y0 }
    var midX: Double { (x0 + x1) / 2 }
    var midY: Double { (y0 + y1) / 2 }

    /// The smallest box holding both.
    func union(_ other: Box) -> Box {
        Box(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    func contains(x: Double, y: Double) -> Bool { x >= x0 && x <= x1 && y >= y0 && y <= y1 }
    /// Whether the two boxes share a point (edges included).
    func overlaps(_ other: Box) -> Bool { x0 <= other.x1 && other.x0 <= x1 && y0 <= other.y1 && other.y0 <= y1 }

    /// How much of the two boxes' vertical extents overlap, as a share of the shorter one.
    func verticalOverlap(_ other: Box) -> Double {
        let overlap = min(y1, other.y1) - max(y0, other.y0)
        let shorter = min(height, other.height)
        return shorter > 0 ? max(0, overlap) / shorter : 0
    }

    func shifted(dy: Double) -> Box { Box(x0: x0, y0: y0 + dy, x1: x1, y1: y1 + dy) }
}

/// A run of text on a page with no gap in it: a word, a number, or a run of CJK characters.
struct PageWord: Sendable, Equatable {
    var text: String
    var box: Box
    /// The font size in points (for OCR, the box's height).
    var size: Double
    /// The OCR engine's confidence in the word, 0…1; nil for a text layer's word.
    var confidence: Double?
}

/// A straight line drawn on a page: a table's rule.
struct Rule: Sendable, Equatable {
    enum Direction: Sendable { case horizontal, vertical }
    var direction: Direction
    /// The line's position across its direction: y for a horizontal rule, x for a vertical one.
    var position: Double
    /// Where it starts and ends along its direction.
    var start: Double
    var end: Double

    var length: Double { end - start }
}

/// An image painted on a page: where, and its size in pixels.
struct PageImage: Sendable, Equatable {
    var box: Box
    var pixelWidth: Int
    var pixelHeight: Int
}

/// What a page holds, as geometry: its size, its words with their boxes, its rules, its images.
struct PageContent: Sendable {
    /// The 1-based page number.
    var page: Int
    var width: Double
    var height: Double
    var words: [PageWord]
    var rules: [Rule]
    var images: [PageImage] = []
    /// True when the words were read by OCR from the page's pixels.
    var isOCR = false
    /// True when the page draws its text invisibly (an OCR program's layer over a scan).
    var textIsInvisible = false
}
