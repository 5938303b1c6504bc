import Foundation
import Testing
import Tablefix
import TablefixTestSupport

/// Crawler one-line text glues a row's digits together (`行政规范性文件11449`); where the
/// table's arithmetic cannot choose among the splits, a figure the prose states can.
@Suite("Glued digits the prose splits")
struct ProseSplitTests {
    static let crawl = Fixtures.root.appendingPathComponent(
        "Samples/fixtures/variants/haishu-office-2024/haishu-office-2024.crawl.txt")

    /// haishu's crawled text, with `sentence` put before its table 2 when given.
    func normativeCells(sentence: String?) throws -> [String: [String: Any]] {
        var text = try String(contentsOf: Self.crawl, encoding: .utf8)
        if let sentence {
            let heading = try #require(text.range(of: "二、主动公开政府信息情况"))
            text.insert(contentsOf: sentence + "\n", at: heading.lowerBound)
        }
        let repair = try Repairer().repair(bytes: Array(text.utf8), path: "haishu.crawl.txt")
        let output = try #require(try JSONSerialization.jsonObject(with: Data(repair.jsonText.utf8)) as? [String: Any])
        let tables = try #require(output["tables"] as? [[String: Any]])
        let active = try #require(tables.first { $0["id"] as? String == "active" })
        let cells = try #require(active["cells"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: cells.compactMap { cell in
            (cell["key"] as? String).flatMap { $0.hasPrefix("normative.") ? ($0, cell) : nil }
        })
    }

    func values(_ cells: [String: [String: Any]]) -> [Double?] {
        ["normative.issued", "normative.repealed", "normative.in_force"].map { cells[$0]?["value"] as? Double }
    }

    @Test("without the prose, the first of the splits that fit stands, shared among them")
    func withoutProse() throws {
        let cells = try normativeCells(sentence: nil)
        #expect(values(cells) == [1, 1, 449])
        #expect(cells.values.allSatisfy { ($0["confidence"] as? Double ?? 1) < 0.5 })
    }

    @Test("the split whose figures the prose states is taken, and says so")
    func proseChoosesSplit() throws {
        let cells = try normativeCells(sentence: "2024年，本机关制发行政规范性文件11件，现行有效行政规范性文件49件。")
        #expect(values(cells) == [11, 4, 49])
        for cell in cells.values {
            #expect((cell["why"] as? String)?.contains("a figure the prose states chose this one") == true)
            #expect((cell["confidence"] as? Double ?? 1) < 0.9)
        }
    }
}
