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
    /// The blocks' texts (`Block.text`) one after another.
    let original: [Character]
    /// The text read: whitespace dropped except one space between digits.
    let scalars: [UInt32]
    /// For each of `scalars`, the index in `original` of its character.
    let origin: [Int]
    /// For each block of the run, its index in the document and where it starts in `original`.
    let blockStarts: [(offset: Int, block: Int)]
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
    static let invisible: Set<UInt32> = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]

    /// The prose of `blocks` (each a block's index and lines), read as one run.
    init(blocks: [(block: Int, lines: [TextLine])]) {
        var original: [Character] = []
        var blockStarts: [(offset: Int, block: Int)] = []
        var lineStarts: [(offset: Int, line: Int)] = []
        var scalars: [UInt32] = []
        var origin: [Int] = []
        var pendingSpace = false
        for (block, lines) in blocks {
            blockStarts.append((original.count, block))
            pendingSpace = !scalars.isEmpty
            for line in lines {
                lineStarts.append((original.count, line.line))
                for char in line.text {
                    let offset = original.count
                    original.append(char)
                    if char.isWhitespace {
                        pendingSpace = true
                        continue
                    }
                    let values = Self.scalars(of: char).filter { !Self.invisible.contains($0) }
                    guard let first = values.first else { continue }
                    if pendingSpace, let last = scalars.last, Self.isDigit(last), Self.isDigit(first) {
                        scalars.append(Self.space)
                        origin.append(offset)
                    }
                    pendingSpace = false
                    for value in values {
                        scalars.append(value)
                        origin.append(offset)
                    }
                }
            }
        }
        self.original = original
        self.scalars = scalars
        self.origin = origin
        self.blockStarts = blockStarts
        self.lineStarts = lineStarts
        sentences = Self.split(scalars, at: Self.sentenceEnds)
        segments = Self.split(scalars, at: Self.segmentEnds)
        clauses = Self.split(scalars, at: Self.clauseEnds)
    }

    /// Whether a paragraph that ends with `text` goes on in the next one: no sentence ends there.
    static func continues(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last(where: { !$0.properties.isWhitespace }) else { return false }
        return !sentenceEnds.contains(last.value) && !"；;：:".unicodeScalars.contains(last)
    }

    /// Cuts `scalars` after each of `ends`; a comma inside a number (`3,500`) does not cut.
    static func split(_ scalars: [UInt32], at ends: Set<UInt32>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for index in scalars.indices where ends.contains(scalars[index]) && !isThousandsSeparator(at: index, in: scalars) {
            if index + 1 > start { ranges.append(start..<index + 1) }
            start = index + 1
        }
        if start < scalars.count { ranges.append(start..<scalars.count) }
        return ranges
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

    /// The original characters behind `range` of `scalars`, as an offset range of `original`.
    func originalRange(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else { return 0..<0 }
        return origin[range.lowerBound]..<(origin[range.upperBound - 1] + 1)
    }

    /// The block's text over `range` of `original`.
    func text(_ range: Range<Int>) -> String { String(original[range]) }

    /// The input line that holds `offset` of `original`.
    func line(at offset: Int) -> Int {
        lineStarts.last { $0.offset <= offset }?.line ?? lineStarts.first?.line ?? 0
    }

    /// The block that holds `offset` of `original`: its index in the document and where it
    /// starts in `original`.
    func block(at offset: Int) -> (offset: Int, block: Int) {
        blockStarts.last { $0.offset <= offset } ?? (0, 0)
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
