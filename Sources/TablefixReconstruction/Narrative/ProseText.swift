import TablefixModel

/// A run of prose as statements are read from it: a heading or paragraph, or paragraphs
/// that follow each other without a sentence ending between them (a page or a column
/// width broke one paragraph into several). Lines and paragraphs are joined, so that a
/// sentence broken over lines reads whole; whitespace is dropped, so that `申 请` and
/// `3 件` read as written; each character's block and place in it are kept.
///
/// Whitespace between two digits stays as one space, and so does a paragraph break between
/// two digits: it separates two numbers (a table row that came out as prose), it never
/// glues them. Text is kept as Unicode scalar values.
struct ProseText {
    /// The blocks' texts (`Block.text`) one after another, as scalars.
    let original: [UInt32]
    /// The text read: whitespace dropped except one space between digits.
    let scalars: [UInt32]
    /// For each of `scalars`, its index in `original`.
    let origin: [Int]
    /// For each block of the run: its index in the document, where it starts in `original`,
    /// and its lines (to count its characters).
    let blocks: [(offset: Int, block: Int, lines: [TextLine])]
    /// For each line, where it starts in `original`, and its input line number.
    let lineStarts: [(offset: Int, line: Int)]
    /// Sentences (up to 。！？) as ranges of `scalars`.
    let sentences: [Range<Int>]
    /// Segments (sentences cut at semicolons) as ranges of `scalars`: the reach of `其中`.
    let segments: [Range<Int>]
    /// Clauses (segments cut at commas) as ranges of `scalars`.
    let clauses: [Range<Int>]

    static let sentenceEnds: Set<UInt32> = Set("。！？!?".unicodeScalars.map(\.value))
    static let segmentEnds: Set<UInt32> = sentenceEnds.union(Set("；;".unicodeScalars.map(\.value)))
    static let clauseEnds: Set<UInt32> = segmentEnds.union(Set("，,".unicodeScalars.map(\.value)))
    static let space: UInt32 = 0x20
    /// Characters that do not count: zero-width spaces and the byte-order mark.
    static func isInvisible(_ value: UInt32) -> Bool {
        (0x200B...0x200D).contains(value) || value == 0x2060 || value == 0xFEFF
    }

    /// The prose of `blocks` (each a block's index and lines), read as one run.
    init(blocks: [(block: Int, lines: [TextLine])]) {
        var original: [UInt32] = []
        var starts: [(offset: Int, block: Int, lines: [TextLine])] = []
        var lineStarts: [(offset: Int, line: Int)] = []
        var scalars: [UInt32] = []
        var origin: [Int] = []
        var pendingSpace = false
        for (block, lines) in blocks {
            starts.append((original.count, block, lines))
            pendingSpace = !scalars.isEmpty
            for line in lines {
                lineStarts.append((original.count, line.line))
                for scalar in line.text.unicodeScalars {
                    let value = scalar.value
                    let offset = original.count
                    original.append(value)
                    if Self.isWhitespace(value) {
                        pendingSpace = true
                        continue
                    }
                    if Self.isInvisible(value) { continue }
                    if pendingSpace, let last = scalars.last, Self.isDigit(last), Self.isDigit(value) {
                        scalars.append(Self.space)
                        origin.append(offset)
                    }
                    pendingSpace = false
                    scalars.append(value)
                    origin.append(offset)
                }
            }
        }
        self.original = original
        self.scalars = scalars
        self.origin = origin
        self.blocks = starts
        self.lineStarts = lineStarts
        (sentences, segments, clauses) = Self.split(scalars)
    }

    /// Punctuation, ASCII or full-width: what could end a clause (a cheap test before the set's).
    static func mayEndClause(_ value: UInt32) -> Bool {
        (0x21...0x3F).contains(value) || (0x3000...0x303F).contains(value) || (0xFF01...0xFF1F).contains(value)
    }

    /// Unicode's White_Space, answered without a property lookup.
    static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Whether a paragraph of `lines` goes on in the next one: no sentence ends it.
    static func continues(_ lines: [TextLine]) -> Bool {
        for line in lines.reversed() {
            guard let last = line.text.unicodeScalars.last(where: { !isWhitespace($0.value) }) else { continue }
            return !segmentEnds.contains(last.value) && !"：:".unicodeScalars.contains(last)
        }
        return false
    }

    /// Cuts `scalars` into sentences, segments and clauses, in one pass; a comma inside a
    /// number (`3,500`) does not cut.
    static func split(_ scalars: [UInt32]) -> (sentences: [Range<Int>], segments: [Range<Int>], clauses: [Range<Int>]) {
        var cuts: [[Range<Int>]] = [[], [], []]
        var starts = [0, 0, 0]
        func cut(_ level: Int, after index: Int) {
            if index + 1 > starts[level] { cuts[level].append(starts[level]..<index + 1) }
            starts[level] = index + 1
        }
        for index in scalars.indices where mayEndClause(scalars[index]) && clauseEnds.contains(scalars[index]) {
            let value = scalars[index]
            if sentenceEnds.contains(value) {
                for level in 0..<3 { cut(level, after: index) }
            } else if segmentEnds.contains(value) {
                for level in 1..<3 { cut(level, after: index) }
            } else if !isThousandsSeparator(at: index, in: scalars) {
                cut(2, after: index)
            }
        }
        for level in 0..<3 where starts[level] < scalars.count { cuts[level].append(starts[level]..<scalars.count) }
        return (cuts[0], cuts[1], cuts[2])
    }

    /// A comma between a digit and exactly three digits: `1,375`, `3，500`.
    static func isThousandsSeparator(at index: Int, in scalars: [UInt32]) -> Bool {
        guard [0x2C, 0xFF0C].contains(scalars[index]), index > 0, isDigit(scalars[index - 1]),
            index + 3 < scalars.count, (index + 1...index + 3).allSatisfy({ isDigit(scalars[$0]) })
        else { return false }
        return index + 4 >= scalars.count || !isDigit(scalars[index + 4])
    }

    /// The range of the sentence or clause holding `index`, from `ranges`.
    static func range(holding index: Int, in ranges: [Range<Int>]) -> Range<Int> {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound <= index {
                low = middle + 1
            } else if ranges[middle].lowerBound > index {
                high = middle - 1
            } else {
                return ranges[middle]
            }
        }
        return index..<index
    }

    /// The original scalars behind `range` of `scalars`, as an offset range of `original`.
    func originalRange(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else { return 0..<0 }
        return origin[range.lowerBound]..<(origin[range.upperBound - 1] + 1)
    }

    /// The text over `range` of `original`.
    func text(_ range: Range<Int>) -> String { Self.string(Array(original[range])) }

    /// The input line that holds `offset` of `original`.
    func line(at offset: Int) -> Int {
        lineStarts.last { $0.offset <= offset }?.line ?? lineStarts.first?.line ?? 0
    }

    /// Where `range` of `original` is in the block that holds its start: the block's index
    /// in the document, the range cut at the block's end, and that range in characters of
    /// the block's text.
    func place(of range: Range<Int>) -> (block: Int, range: Range<Int>, characters: Range<Int>) {
        guard let index = blocks.lastIndex(where: { $0.offset <= range.lowerBound }) else { return (0, range, 0..<0) }
        let (start, block, lines) = blocks[index]
        let text = lines.map(\.text).joined()
        let end = index + 1 < blocks.count ? blocks[index + 1].offset : original.count
        let view = text.unicodeScalars
        func characters(_ offset: Int) -> Int {
            let scalar = view.index(view.startIndex, offsetBy: offset - start)
            return text.distance(from: text.startIndex, to: scalar)
        }
        let cut = range.lowerBound..<min(range.upperBound, end)
        return (block, cut, characters(cut.lowerBound)..<characters(cut.upperBound))
    }

    /// Whether `literal` is at `index` of `scalars`.
    func has(_ literal: [UInt32], at index: Int) -> Bool {
        guard index >= 0, index + literal.count <= scalars.count else { return false }
        for (offset, value) in literal.enumerated() where scalars[index + offset] != value { return false }
        return true
    }

    /// Whether one of `markers` ends exactly at `index` (just before it).
    func marker(from markers: [[UInt32]], endingAt index: Int) -> [UInt32]? {
        markers.first { has($0, at: index - $0.count) }
    }

    /// Whether one of `markers` starts at `index`.
    func marker(from markers: [[UInt32]], at index: Int) -> [UInt32]? {
        markers.first { has($0, at: index) }
    }

    static func scalars(of char: Character) -> [UInt32] { char.unicodeScalars.map(\.value) }
    static func scalars(of text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }
    static func string(_ scalars: [UInt32]) -> String {
        String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
    }

    /// ASCII or full-width digits.
    static func isDigit(_ value: UInt32) -> Bool { (0x30...0x39).contains(value) || (0xFF10...0xFF19).contains(value) }
}
