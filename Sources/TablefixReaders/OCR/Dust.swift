/// Finds the dust on a scanned page: specks of ink a few pixels large with no stroke of text
/// near them. A speck in a blank cell would make it read as illegible, and specks between
/// lines of a table drawn without rules would join its rows into one band of ink.
///
/// A speck is a connected piece of ink (pixels touching by an edge or a corner) of at most
/// `largest` pixels at 300 dpi and at most `side` inch across (a 2-pixel speck of a 150 dpi
/// scan drawn at 300 dpi, softened; a hyphen is longer);
/// it is dust when no larger piece of ink lies within `clearance` of it. The marks of text
/// that are as small (a decimal point, `。`, `、`, the dots of `：`) sit beside a character,
/// a few pixels from it; a clean page has no speck that far from everything.
enum Dust {
    /// The most pixels, at 300 dpi, a speck of dust has (scaled by area at other resolutions).
    static let largest = 48.0
    /// The widest and tallest a speck of dust is, in inches.
    static let side = 0.025
    /// How far, in inches, a speck must be from larger ink to be dust: about half a
    /// character of body text.
    static let clearance = 0.05

    /// Paints the dust of `image` white and returns how many specks it removed.
    ///
    /// - Complexity: O(width × height), plus the area around each speck.
    @discardableResult
    static func remove(from image: inout GrayImage, dpi: Double) -> Int {
        let width = image.width, height = image.height
        let count = width * height
        guard count > 0 else { return 0 }
        let largest = max(1, Int(largest * (dpi / 300) * (dpi / 300)))
        let reach = max(1, Int(clearance * dpi))
        let across = max(2, Int(side * dpi))
        var ink = [Bool](repeating: false, count: count)
        for index in 0..<count { ink[index] = image.pixels[index] < RuleDetector.inkThreshold }
        // Each piece of ink in turn; the large ones marked, the small ones kept as specks.
        var large = [Bool](repeating: false, count: count)
        var seen = [Bool](repeating: false, count: count)
        var specks: [(x0: Int, y0: Int, x1: Int, y1: Int)] = []
        var piece: [Int] = []
        var stack: [Int] = []
        for start in 0..<count where ink[start] && !seen[start] {
            piece.removeAll(keepingCapacity: true)
            seen[start] = true
            stack.append(start)
            var x0 = width, y0 = height, x1 = -1, y1 = -1
            while let index = stack.popLast() {
                piece.append(index)
                let x = index % width, y = index / width
                x0 = min(x0, x)
                x1 = max(x1, x)
                y0 = min(y0, y)
                y1 = max(y1, y)
                for ny in max(0, y - 1)...min(height - 1, y + 1) {
                    for nx in max(0, x - 1)...min(width - 1, x + 1) {
                        let next = ny * width + nx
                        if ink[next] && !seen[next] {
                            seen[next] = true
                            stack.append(next)
                        }
                    }
                }
            }
            if piece.count > largest || x1 - x0 + 1 > across || y1 - y0 + 1 > across {
                for index in piece { large[index] = true }
            } else {
                specks.append((x0, y0, x1, y1))
            }
        }
        var removed = 0
        for speck in specks {
            var near = false
            search: for y in max(0, speck.y0 - reach)...min(height - 1, speck.y1 + reach) {
                for x in max(0, speck.x0 - reach)...min(width - 1, speck.x1 + reach) where large[y * width + x] {
                    near = true
                    break search
                }
            }
            guard !near else { continue }
            // The speck and its softened edge, lighter than ink.
            image.fill(x0: speck.x0 - 1, y0: speck.y0 - 1, x1: speck.x1 + 2, y1: speck.y1 + 2)
            removed += 1
        }
        return removed
    }
}
