/// Finds the ruling lines in a picture of a page: long thin runs of dark pixels, horizontal
/// or vertical, which is what a table's rules look like once scanned.
///
/// A run is dark pixels along a row (or column) with gaps of at most a 150th of an inch
/// (scan noise, broken toner) and ink (darker than paper) in 90 % of it (text strokes that happen to line up
/// leave wider gaps); runs on neighbouring rows that overlap make one line; a line
/// thicker than a twentieth of an inch is a picture or a bar, not a rule. Horizontal rules
/// are at least 0.3 inch long (longer than two characters of body text), vertical ones
/// 0.2 inch (taller than a character).
///
/// A thin rule scanned in black and white on a turned page comes out dashed: where it
/// crosses from one row of pixels to the next, neither row is dark enough, and turning the
/// picture straight leaves the dashes in one row with short gaps between them. On a picture
/// straightened by `Dashes.leastSkew` or more, dashes at least a 15th of an inch long, three
/// or more, each longer than the gaps beside it, gaps at most a tenth of an inch
/// (``Dashes``), make a rule too when they span an inch (strokes of characters side by side
/// line up over a few characters, not an inch). A straight scan has no broken rules to mend,
/// and its text no chance to pass for them.
enum RuleDetector {
    /// Darker than this is ink.
    static let inkThreshold: UInt8 = 150
    /// Darker than this may be a faint rule: a thin line drawn at a low resolution, or
    /// softened by JPEG, is gray, not black.
    static let faintThreshold: UInt8 = 215

    /// The rules, in pixels of `image`: those found at the ink threshold and those found at
    /// the faint one (a faint pass alone would join a rule to a shaded cell beside it, a
    /// thick shape that is no rule; the same rule found twice is merged later). `skew` is
    /// the angle in degrees the picture was turned by to straighten it.
    ///
    /// - Complexity: O(width × height).
    static func rules(in image: GrayImage, dpi: Double, skew: Double = 0) -> [PixelRule] {
        let gap = max(1, Int(dpi / 150))
        let thickness = max(2, Int(dpi / 20))
        let dashes = abs(skew) >= Dashes.leastSkew ? Dashes(dpi: dpi) : nil
        var found: [PixelRule] = []
        for threshold in [inkThreshold, faintThreshold] {
            found += lines(
                in: image, dashes: dashes, along: image.width, across: image.height, minimum: Int(dpi * 0.3), gap: gap,
                thickness: thickness, horizontal: true, threshold: threshold)
            found += lines(
                in: image, dashes: dashes, along: image.height, across: image.width, minimum: Int(dpi * 0.2), gap: gap,
                thickness: thickness, horizontal: false, threshold: threshold)
        }
        return found
    }

    /// Runs along each row (or column) grouped across neighbouring ones into lines.
    private static func lines(
        in image: GrayImage, dashes: Dashes?, along length: Int, across count: Int, minimum: Int, gap: Int,
        thickness: Int, horizontal: Bool, threshold: UInt8
    ) -> [PixelRule] {
        let dash = dashes?.shortestDash ?? minimum
        var open: [PixelRule] = []
        var done: [PixelRule] = []
        image.pixels.withUnsafeBufferPointer { pixels in
            let width = image.width
            for line in 0..<count {
                var segments: [(Int, Int)] = []
                var start = -1, last = -2 * gap, ink = 0
                func close() {
                    let span = last - start + 1
                    if start >= 0, span >= dash, ink * 10 >= span * 9 { segments.append((start, last)) }
                }
                for position in 0..<length {
                    let pixel = horizontal ? pixels[line * width + position] : pixels[position * width + line]
                    guard pixel < threshold else { continue }
                    if position - last > gap + 1 {
                        close()
                        start = position
                        ink = 0
                    }
                    ink += 1
                    last = position
                }
                close()
                let runs = Self.runs(of: segments, minimum: minimum, dashes: dashes)
                // Extend the lines open on the previous row; close those that got no run.
                var extended = [Bool](repeating: false, count: open.count)
                var next: [PixelRule] = []
                for run in runs {
                    if let index = open.indices.first(where: {
                        !extended[$0] && min(open[$0].end, run.1) - max(open[$0].start, run.0) >= minimum / 2
                    }) {
                        extended[index] = true
                        var rule = open[index]
                        rule.start = min(rule.start, run.0)
                        rule.end = max(rule.end, run.1)
                        rule.last = line
                        next.append(rule)
                    } else {
                        next.append(PixelRule(horizontal: horizontal, first: line, last: line, start: run.0, end: run.1))
                    }
                }
                for (index, rule) in open.enumerated() where !extended[index] { done.append(rule) }
                open = next
            }
        }
        done += open
        return done.filter { $0.last - $0.first + 1 <= thickness }
    }

    /// How the dashes of a broken rule lie: parted by gaps of at most `longestGap`, each
    /// dash longer than the gaps beside it.
    struct Dashes {
        /// Below this skew (degrees) a thin rule crosses rows so rarely that its pieces are
        /// rules on their own (a third of an inch and more at 0.3°).
        static let leastSkew = 0.3
        var shortestDash: Int
        var longestGap: Int
        /// Strokes of characters side by side can line up over a few characters; a rule of
        /// a table is longer.
        var shortestChain: Int

        init(dpi: Double) {
            shortestDash = Int(dpi / 15)
            longestGap = Int(dpi / 10)
            shortestChain = Int(dpi)
        }
    }

    /// The runs of a row (or column) that are rules, from its solid segments (start and
    /// last position, in order): a segment at least `minimum` long, or, when `dashes` is
    /// given, a chain of three dashes or more over `minimum` and `dashes.shortestChain`.
    static func runs(of segments: [(Int, Int)], minimum: Int, dashes: Dashes?) -> [(Int, Int)] {
        var runs: [(Int, Int)] = []
        var chain: [(Int, Int)] = []
        func close() {
            guard let first = chain.first, let last = chain.last else { return }
            let span = last.1 - first.0 + 1
            if chain.count == 1 ? span >= minimum : chain.count >= 3 && span >= max(minimum, dashes?.shortestChain ?? 0) {
                runs.append((first.0, last.1))
            } else {
                runs += chain.filter { $0.1 - $0.0 + 1 >= minimum }
            }
            chain = []
        }
        for segment in segments {
            if let previous = chain.last {
                let gap = segment.0 - previous.1 - 1
                let chained = dashes.map { dashes in
                    gap <= dashes.longestGap && previous.1 - previous.0 + 1 > gap && segment.1 - segment.0 + 1 > gap
                } ?? false
                if !chained { close() }
            }
            chain.append(segment)
        }
        close()
        return runs
    }
}

/// A rule found in a picture, in pixels: across from `first` to `last` (its thickness),
/// along from `start` to `end`.
struct PixelRule: Sendable, Equatable {
    var horizontal: Bool
    var first: Int
    var last: Int
    var start: Int
    var end: Int

    /// The rule in points, for a picture drawn at `dpi`.
    func rule(dpi: Double) -> Rule {
        let scale = 72 / dpi
        return Rule(
            direction: horizontal ? .horizontal : .vertical, position: Double(first + last) / 2 * scale,
            start: Double(start) * scale, end: Double(end) * scale)
    }

    /// Paints the rule white in `image`, one pixel beyond its edges.
    func erase(from image: inout GrayImage) {
        let across = max(0, first - 1)...(last + 1)
        for a in across {
            for b in max(0, start - 1)...(end + 1) {
                let (x, y) = horizontal ? (b, a) : (a, b)
                if x < image.width, y < image.height { image[x, y] = 255 }
            }
        }
    }
}
