import Testing
@testable import TablefixReaders

/// The dust of a scanned page (``Dust``), on drawn boxes of ink at 300 dpi: a box 30
/// pixels tall stands for a character, one of 4 pixels for a speck or a decimal point.
@Suite("Dust")
struct DustTests {
    /// A white picture with black boxes (x, y, width, height).
    func picture(_ boxes: [(Int, Int, Int, Int)], width: Int = 300, height: Int = 200) -> GrayImage {
        var image = GrayImage(width: width, height: height)
        for (x, y, w, h) in boxes {
            for row in y..<(y + h) { for column in x..<(x + w) { image[column, row] = 0 } }
        }
        return image
    }

    @Test("a speck far from any character is painted white, its neighbourhood with it")
    func loneSpeckRemoved() {
        var image = picture([(10, 10, 30, 30), (200, 150, 4, 4)])
        #expect(Dust.remove(from: &image, dpi: 300) == 1)
        #expect(image == picture([(10, 10, 30, 30)]))
    }

    @Test("a decimal point a few pixels from its digits stays")
    func pointBesideDigitStays() {
        let drawn = picture([(10, 10, 20, 30), (34, 36, 4, 4), (42, 10, 20, 30)])
        var image = drawn
        #expect(Dust.remove(from: &image, dpi: 300) == 0)
        #expect(image == drawn)
    }

    @Test("a hyphen alone in a cell, longer than a speck, stays")
    func loneHyphenStays() {
        let drawn = picture([(100, 100, 16, 3)])
        var image = drawn
        #expect(Dust.remove(from: &image, dpi: 300) == 0)
        #expect(image == drawn)
    }
}
