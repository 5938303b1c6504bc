/// The letters the templates' labels are written with, each given a number, so that the
/// letters a line shares with each label are counted by looking numbers up in arrays
/// rather than by hashing letters.
struct LabelAlphabet: Sendable {
    /// Letters below this are numbered in ``numbers``; the few above, in ``wide``.
    static let tableEnd: UInt32 = 0xA000

    /// The number of each letter below ``tableEnd``, by its scalar value; 0 for a letter no
    /// label is written with.
    private let numbers: [UInt32]
    /// The numbers of letters from ``tableEnd`` up.
    private let wide: [UInt32: Int]
    /// How many letters there are: their numbers run from 1 to `count`.
    let count: Int

    /// The alphabet of `labels`, each label given as its letters.
    init(_ labels: [[UInt32]]) {
        var numbers = [UInt32](repeating: 0, count: Int(Self.tableEnd))
        var wide: [UInt32: Int] = [:]
        var count = 0
        for letter in labels.joined() {
            if letter < Self.tableEnd {
                guard numbers[Int(letter)] == 0 else { continue }
                count += 1
                numbers[Int(letter)] = UInt32(count)
            } else if wide[letter] == nil {
                count += 1
                wide[letter] = count
            }
        }
        self.numbers = numbers
        self.wide = wide
        self.count = count
    }

    /// The number of `letter`, or nil when no label is written with it.
    func number(of letter: UInt32) -> Int? {
        if letter < Self.tableEnd {
            let number = Int(numbers[Int(letter)])
            return number == 0 ? nil : number
        }
        return wide[letter]
    }

    /// The numbers of the distinct letters of `letters` that labels are written with.
    func distinctNumbers(of letters: [UInt32]) -> [Int] {
        var result = letters.compactMap(number(of:))
        result.sort()
        var unique = 0
        for index in result.indices where unique == 0 || result[unique - 1] != result[index] {
            result[unique] = result[index]
            unique += 1
        }
        result.removeLast(result.count - unique)
        return result
    }
}
