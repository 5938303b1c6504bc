import Testing
@testable import TablefixReaders

/// Ruling lines found in drawn pictures (``RuleDetector``) at 300 dpi: a solid line, and the
/// dashed line a thin rule becomes on a turned black-and-white scan once straightened.
@Suite("RuleDetector")
struct RuleDetectorTests {
    /// A white picture with a horizontal line 2 pixels thick at row 100, drawn as dashes
    /// (start, length) along it.
    func picture(dashes: [(Int, Int)]) -> GrayImage {
        var image = GrayImage(width: 1200, height: 200)
        for (start, length) in dashes {
            for x in start..<(start + length) {
                image[x, 100] = 0
                image[x, 101] = 0
            }
        }
        return image
    }

    /// The spans (start, end) of the horizontal rules found; the ink pass and the faint pass
    /// each find a black line.
    func spans(_ image: GrayImage, skew: Double = 0.6) -> Set<[Int]> {
        Set(RuleDetector.rules(in: image, dpi: 300, skew: skew).filter(\.horizontal).map { [$0.start, $0.end] })
    }

    /// Dashes of 76 pixels parted by gaps of 20 (a rule turned by 0.6° at 300 dpi), from x = 100.
    /// Ten span 940 pixels, more than an inch.
    func dashes(_ count: Int) -> [(Int, Int)] { (0..<count).map { (100 + $0 * 96, 76) } }

    @Test("a solid line a third of an inch long is a rule")
    func solidLine() {
        #expect(spans(picture(dashes: [(100, 100)])) == [[100, 199]])
    }

    @Test("a line of dashes each longer than its gaps is one rule from its first dash to its last")
    func dashedLine() {
        #expect(spans(picture(dashes: dashes(10))) == [[100, 100 + 9 * 96 + 75]])
    }

    @Test("on a picture that was not turned, a line of dashes is no rule")
    func dashesOnStraightPage() {
        #expect(spans(picture(dashes: dashes(10)), skew: 0).isEmpty)
    }

    @Test("dashes spanning less than an inch are not a rule")
    func shortDashedLine() {
        #expect(spans(picture(dashes: dashes(3))).isEmpty)
    }

    @Test("two dashes are not a rule")
    func twoDashes() {
        #expect(spans(picture(dashes: dashes(2))).isEmpty)
    }

    @Test("strokes shorter than the gaps between them are not a rule")
    func strokesWiderApart() {
        let strokes = (0..<20).map { (100 + $0 * 50, 22) }
        #expect(spans(picture(dashes: strokes)).isEmpty)
    }
}
