import Testing
@testable import TablefixReaders

/// The cut of a picture without rules into runs of text (``InkPieces``), on drawn boxes of
/// ink: a box stands for a character 30 pixels tall.
@Suite("InkPieces")
struct InkPiecesTests {
    /// A white picture with black boxes (x, y, width, height).
    func picture(_ boxes: [(Int, Int, Int, Int)], width: Int = 400, height: Int = 200) -> GrayImage {
        var image = GrayImage(width: width, height: height)
        for (x, y, w, h) in boxes {
            for row in y..<(y + h) { for column in x..<(x + w) { image[column, row] = 0 } }
        }
        return image
    }

    @Test("two rows of two numbers a column apart are four pieces, row by row")
    func columnsAndRows() {
        let image = picture([(10, 10, 60, 30), (150, 10, 40, 30), (10, 60, 60, 30), (150, 60, 40, 30)])
        let pieces = InkPieces.pieces(in: image, lineHeight: 30)
        #expect(pieces == [
            .init(x0: 10, y0: 10, x1: 70, y1: 40), .init(x0: 150, y0: 10, x1: 190, y1: 40),
            .init(x0: 10, y0: 60, x1: 70, y1: 90), .init(x0: 150, y0: 60, x1: 190, y1: 90),
        ])
    }

    @Test("characters of a line half a character apart stay one piece")
    func lineStaysWhole() {
        let image = picture([(10, 10, 30, 30), (55, 10, 30, 30), (100, 10, 30, 30)])
        #expect(InkPieces.pieces(in: image, lineHeight: 30) == [.init(x0: 10, y0: 10, x1: 130, y1: 40)])
    }

    @Test("the thin strokes of a character like 三 alone in its column do not part into lines")
    func thinStrokesJoin() {
        let image = picture([(10, 10, 30, 3), (10, 22, 30, 3), (10, 37, 30, 3), (200, 10, 30, 30)])
        #expect(InkPieces.pieces(in: image, lineHeight: 30) == [
            .init(x0: 10, y0: 10, x1: 40, y1: 40), .init(x0: 200, y0: 10, x1: 230, y1: 40),
        ])
    }

    @Test("a long thin line of ink between two rows, a rule left in the picture, is no piece")
    func ruleLeftOut() {
        let image = picture([(10, 10, 60, 30), (10, 55, 380, 3), (10, 70, 60, 30)])
        #expect(InkPieces.pieces(in: image, lineHeight: 30) == [
            .init(x0: 10, y0: 10, x1: 70, y1: 40), .init(x0: 10, y0: 70, x1: 70, y1: 100),
        ])
    }

    @Test("a dash as wide as a character, alone on its row, is a piece")
    func dashKept() {
        let image = picture([(10, 10, 60, 30), (20, 60, 30, 3)])
        #expect(InkPieces.pieces(in: image, lineHeight: 30).count == 2)
    }

    @Test("the line height is the most common height of the bands of ink")
    func lineHeight() {
        let image = picture([(10, 10, 60, 30), (10, 60, 60, 30), (10, 110, 60, 30), (10, 160, 60, 12)])
        #expect(InkPieces.lineHeight(of: image, dpi: 300) == 30)
    }
}
