public import TablefixModel
import TablefixReaders

/// Builds documents for tests from text, the way `tablefix repair` reads a text file.
public enum TestDocuments {
    /// The document a text file with this content reads as.
    public static func document(_ text: String, path: String = "test.txt") -> Document {
        (try? DocumentReader().document(from: Array(text.utf8), path: path))
            ?? Document(source: Source(path: path, format: .text, encoding: "utf-8"), blocks: [])
    }

    /// The maximal runs of ASCII digits in `text`, sorted: what cleanup must preserve.
    public static func digitRuns(_ text: String) -> [String] {
        var runs: [String] = []
        var current = ""
        for char in text {
            if char.isASCII, char.isNumber {
                current.append(char)
            } else if !current.isEmpty {
                runs.append(current)
                current = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs.sorted()
    }
}

/// A small seeded pseudo-random generator (SplitMix64), so that property tests print a
/// seed that reproduces a failure.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
