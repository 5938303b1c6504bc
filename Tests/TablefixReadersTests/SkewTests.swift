import Foundation
import Testing
@testable import TablefixReaders

/// The skew of a page from a small preview: which angle, and which of angles that tie.
@Suite("Skew")
struct SkewTests {
    /// A white picture with horizontal lines of `gray`, sheared by `degrees`.
    func lines(gray: UInt8, degrees: Double) -> GrayImage {
        var image = GrayImage(width: 500, height: 700)
        let slope = tan(degrees * .pi / 180)
        for top in stride(from: 50, to: 650, by: 40) {
            for x in 40..<460 {
                let y = top + Int((Double(x) * slope).rounded())
                image[x, y] = gray
            }
        }
        return image
    }

    @Test("angles too close to tell apart tie, and the middle of the tie is the skew")
    func middleOfATie() {
        let scores = [(-0.15, 9.0), (-0.1, 10.0), (-0.05, 10.0), (0.0, 10.0), (0.05, 10.0), (0.1, 10.0), (0.15, 9.0)]
        #expect(Skew.middleOfBest(scores.map { (angle: $0.0, score: $0.1) }) == 0)
    }

    @Test("a straight page is found straight, not turned by the first angle of a tie")
    func straightPage() {
        #expect(Skew.degrees(of: lines(gray: 0, degrees: 0)) == 0)
    }

    @Test("rules too pale to be ink still show how the page is turned")
    func paleRules() {
        #expect(abs(Skew.degrees(of: lines(gray: 190, degrees: 0.8)) - 0.8) <= 0.15)
    }
}
