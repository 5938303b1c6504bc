import Foundation
import Testing
import Tablefix
import TablefixTestSupport

/// No confident cell where the input shows nothing: the fixture reports' office text, with
/// its line breaks removed, a row's cells blanked, or a column dropped, must give no cell at
/// 0.9 or more that is not what the changed input shows (a blanked or dropped cell is
/// null). Seeded; the seed is in the failure's message.
@Suite("No confident cell where the input shows nothing")
struct NoEvidencePropertyTests {
    static let seeds: [UInt64] = [7, 2024, 90_210]
    static let repairer = try? Repairer()

    /// A fixture's office text and gold, with the lines of its requests table's rows: for
    /// each template row, in order, the indices of its seven value lines.
    struct Fixture {
        var name: String
        var lines: [String]
        var gold: [String: Any]
        var rows: [(key: String, lines: [Int])]
    }

    static let columns = ["natural", "commercial", "research", "social", "legal", "other", "total"]

    /// Each fixture report's rendering `kind` as lines, the index of its requests table's
    /// heading, and its gold; the reports whose rendering has no such heading left out.
    static func renderings(_ kind: String) throws -> [(name: String, lines: [String], heading: Int, gold: [String: Any])] {
        let folder = Fixtures.root.appendingPathComponent("Samples/fixtures")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("variants").path).sorted()
        return try names.compactMap { name in
            let text = try String(contentsOf: folder.appendingPathComponent("variants/\(name)/\(name).\(kind)"), encoding: .utf8)
            let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("gold/\(name).json")))
                as? [String: Any] ?? [:]
            let lines = text.components(separatedBy: "\n")
            guard let heading = lines.firstIndex(where: { $0.contains("收到和处理政府信息公开申请情况") }) else { return nil }
            return (name, lines, heading, gold)
        }
    }

    static func fixtures() throws -> [Fixture] {
        try renderings("lo.txt").compactMap { name, lines, heading, gold in
            func isValue(_ line: String) -> Bool {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                return !trimmed.isEmpty && (Double(trimmed.replacingOccurrences(of: ",", with: "")) != nil || trimmed == "—")
            }
            var runs: [[Int]] = []
            var index = heading
            while index < lines.count, runs.count < 30 {
                var run: [Int] = []
                while index < lines.count, isValue(lines[index]) { run.append(index); index += 1 }
                if run.count == 7 { runs.append(run) } else if !run.isEmpty, !runs.isEmpty { break }
                index += 1
            }
            let template = gold["template"] as? String
            let keys = template == "gov-disclosure-2021" ? Self.rows2021 : Self.rows2019
            guard runs.count >= keys.count else { return nil }
            return Fixture(name: name, lines: lines, gold: gold, rows: Array(zip(keys, runs.prefix(keys.count))).map { ($0, $1) })
        }
    }

    /// A fixture's rendering `kind` that prints the requests table one row per line, its
    /// cells between bars (markitdown's pipe tables, html2text's `label| 6| 1|…`), and gold,
    /// with each template row's line.
    static func rowLineFixtures(_ kind: String) throws -> [Fixture] {
        try renderings(kind).compactMap { name, lines, heading, gold in
            func isValue(_ cell: String) -> Bool { cell.isEmpty || cell == "—" || Double(cell.replacingOccurrences(of: ",", with: "")) != nil }
            var rows: [Int] = []
            for index in lines.indices.dropFirst(heading) {
                let cells = Self.cells(lines[index])
                if cells.count > 7, cells.suffix(7).allSatisfy(isValue), cells.suffix(7).contains(where: { !$0.isEmpty }) {
                    rows.append(index)
                } else if !rows.isEmpty, lines[index].contains("|") {
                    break
                }
            }
            let keys = gold["template"] as? String == "gov-disclosure-2021" ? Self.rows2021 : Self.rows2019
            guard rows.count == keys.count else { return nil }
            return Fixture(name: name, lines: lines, gold: gold, rows: zip(keys, rows).map { (key: $0, lines: [$1]) })
        }
    }

    /// The cells of a line whose cells stand between bars, trimmed (the bars at its ends, if
    /// any, open and close no cell).
    static func cells(_ line: String) -> [String] {
        var line = line.trimmingCharacters(in: .whitespaces)[...]
        if line.hasPrefix("|") { line = line.dropFirst() }
        if line.hasSuffix("|") { line = line.dropLast() }
        return line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    static let rows2019 = ["new", "carried_in", "granted", "partial", "denied.secret", "denied.law", "denied.safety",
                           "denied.third_party", "denied.internal", "denied.process", "denied.enforcement", "denied.inquiry",
                           "unable.not_held", "unable.must_create", "unable.unclear", "rejected.petition", "rejected.repeat",
                           "rejected.publication", "rejected.mass", "rejected.confirm", "other", "total", "carried_out"]
    static let rows2021 = Array(rows2019.prefix(20)) + ["other.no_correction", "other.no_fee", "other.other", "total", "carried_out"]

    /// The gold with the requests cells at `keys` null: what the changed input shows there.
    static func gold(_ gold: [String: Any], nulling keys: [String]) -> [String: Any] {
        var gold = gold
        var tables = gold["tables"] as? [String: [String: Any]] ?? [:]
        var requests = tables["requests"] ?? [:]
        var cells = requests["cells"] as? [String: Any] ?? [:]
        for key in keys { cells[key] = NSNull() }
        requests["cells"] = cells
        tables["requests"] = requests
        gold["tables"] = tables
        return gold
    }

    static func wrongConfidentCells(_ text: String, gold: [String: Any]) throws -> [String] {
        let repairer = try #require(Self.repairer)
        let repair = try repairer.repair(bytes: Array(text.utf8), path: "changed.txt")
        let output = try JSONSerialization.jsonObject(with: Data(repair.jsonText.utf8)) as? [String: Any] ?? [:]
        let comparison = GoldComparison(output: output, gold: gold)
        guard comparison.highConfidence != comparison.highConfidenceRight else { return [] }
        return comparison.errors
    }

    @Test("with its line breaks removed", arguments: [true, false])
    func lineBreaksRemoved(spaced: Bool) throws {
        for fixture in try Self.fixtures() {
            let text = fixture.lines.joined(separator: spaced ? " " : "")
            #expect(try Self.wrongConfidentCells(text, gold: fixture.gold) == [], "\(fixture.name)")
        }
    }

    @Test("with a row's cells blanked", arguments: seeds)
    func rowBlanked(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        for fixture in try Self.fixtures() {
            let row = fixture.rows[Int.random(in: 0..<fixture.rows.count, using: &generator)]
            var lines = fixture.lines
            for line in row.lines { lines[line] = "" }
            let gold = Self.gold(fixture.gold, nulling: Self.columns.map { "\(row.key).\($0)" })
            #expect(try Self.wrongConfidentCells(lines.joined(separator: "\n"), gold: gold) == [],
                    "seed \(seed), \(fixture.name), \(row.key) blanked")
        }
    }

    @Test("with a row's total blanked in a markdown pipe table (a merged label's blank before the values, a blank after them)",
          arguments: seeds)
    func pipeRowTotalBlanked(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        for fixture in try Self.rowLineFixtures("markitdown.txt") {
            let rows = fixture.rows.filter { Self.cells(fixture.lines[$0.lines[0]]).last != "0" }
            guard !rows.isEmpty else { continue }
            let row = rows[Int.random(in: 0..<rows.count, using: &generator)]
            var lines = fixture.lines
            let line = lines[row.lines[0]]
            let lastCell = try #require(line.dropLast().lastIndex(of: "|"))
            lines[row.lines[0]] = String(line[...lastCell]) + "  |"
            let gold = Self.gold(fixture.gold, nulling: ["\(row.key).total"])
            #expect(try Self.wrongConfidentCells(lines.joined(separator: "\n"), gold: gold) == [],
                    "seed \(seed), \(fixture.name), \(row.key).total blanked")
        }
    }

    @Test("with two neighbouring rows swapped in a text of one row per line, each beside its label", arguments: seeds)
    func neighbouringRowsSwapped(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        for fixture in try Self.rowLineFixtures("html2text.txt") {
            let first = Int.random(in: 0..<(fixture.rows.count - 1), using: &generator)
            var lines = fixture.lines
            lines.swapAt(fixture.rows[first].lines[0], fixture.rows[first + 1].lines[0])
            #expect(try Self.wrongConfidentCells(lines.joined(separator: "\n"), gold: fixture.gold) == [],
                    "seed \(seed), \(fixture.name), \(fixture.rows[first].key) and \(fixture.rows[first + 1].key) swapped")
        }
    }

    @Test("with a column dropped", arguments: seeds)
    func columnDropped(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        for fixture in try Self.fixtures() {
            let column = Int.random(in: 0..<Self.columns.count, using: &generator)
            let dropped = Set(fixture.rows.map { $0.lines[column] })
            let lines = fixture.lines.indices.filter { !dropped.contains($0) }.map { fixture.lines[$0] }
            let gold = Self.gold(fixture.gold, nulling: fixture.rows.map { "\($0.key).\(Self.columns[column])" })
            #expect(try Self.wrongConfidentCells(lines.joined(separator: "\n"), gold: gold) == [],
                    "seed \(seed), \(fixture.name), column \(Self.columns[column]) dropped")
        }
    }
}
