import Foundation

/// How far a scanned page is turned: the angle at which its ink lines up in the sharpest
/// rows (text lines and rules are horizontal on a straight page).
enum Skew {
    /// The page's skew in degrees, clockwise positive (y grows downwards), within ±`range`.
    ///
    /// Samples the ink every few pixels (faint ink too: a table's gray rules, paler still in
    /// the small preview, line up better than any text) and, for each candidate angle in steps of 0.05°,
    /// counts the samples per sheared row; the angle whose rows are most uneven (the sum of
    /// squared counts is largest) is the skew, the middle one when neighbouring angles tie.
    ///
    /// - Complexity: O(ink samples × angles).
    static func degrees(of image: GrayImage, range: Double = 3) -> Double {
        let step = max(1, min(image.width, image.height) / 600)
        var points: [(x: Double, y: Double)] = []
        for y in stride(from: 0, to: image.height, by: step) {
            for x in stride(from: 0, to: image.width, by: step) where image[x, y] < RuleDetector.faintThreshold {
                points.append((Double(x), Double(y)))
            }
        }
        guard points.count > 50 else { return 0 }
        // Sheared rows reach below the picture by up to tan(range) × width.
        let bins = (image.height + Int(Double(image.width) * tan(range * .pi / 180))) / step + 2
        let rowHeight = Double(step)
        var counts = [Int](repeating: 0, count: bins + 1)
        var scores: [(angle: Double, score: Double)] = []
        for twentieth in Int(-range * 20)...Int(range * 20) {
            let angle = Double(twentieth) / 20
            let slope = tan(angle * .pi / 180)
            for index in counts.indices { counts[index] = 0 }
            var offset = 0.0
            if slope > 0 { offset = slope * Double(image.width) }
            for point in points {
                let row = Int((point.y - point.x * slope + offset) / rowHeight)
                if row >= 0, row < counts.count { counts[row] += 1 }
            }
            scores.append((angle, counts.reduce(0.0) { $0 + Double($1) * Double($1) }))
        }
        return middleOfBest(scores)
    }

    /// The angle in the middle of the run of angles that score best. Angles too close to
    /// tell apart at the preview's resolution shear no row by a whole pixel and score the
    /// same: a straight page ties from -0.1° to 0.1°, and the first of the tie would turn
    /// it by 0.1°, enough to break a long rule into pieces.
    static func middleOfBest(_ scores: [(angle: Double, score: Double)]) -> Double {
        guard let best = scores.map(\.score).max(), let first = scores.firstIndex(where: { $0.score == best }) else { return 0 }
        var last = first
        while last + 1 < scores.count, scores[last + 1].score == best { last += 1 }
        return scores[(first + last) / 2].angle
    }
}
