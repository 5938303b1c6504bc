import Foundation
import Synchronization
import Testing
import Tablefix
import TablefixTestSupport

/// The real reports (Samples/real: published originals and what real programs made of them),
/// the publishers' habits (Samples/habits: real reports' tables as their publishers print
/// them) and the reports printed without a zero (Samples/zero-marks) against their gold, kind of rendering by kind: the promise that a cell at
/// 0.9 or more is right, and the figures each kind reached, recorded in
/// Figures/real-reports.json (TABLEFIX_RECORD=1 writes them again) so that none falls.
@Suite("Real reports against gold")
struct RealReportTests {
    static let folders = ["real", "habits", "zero-marks"]
    static let figuresFile = Fixtures.root.appendingPathComponent("Tests/TablefixTests/Figures/real-reports.json")

    /// What a kind of rendering gives over every report that has it.
    struct Figures: Codable, Equatable {
        var documents = 0
        var cells = 0
        var rightCells = 0
        var highConfidence = 0
        var highConfidenceRight = 0
        var rightStatuses = 0
        var rightTemplates = 0
    }

    /// Every "folder:kind" with a rendering that has gold.
    static let kinds: [String] = folders.flatMap { folder in inputs(folder).map { "\(folder):\($0.kind)" } }
        .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }

    /// The inputs of a folder: each rendering of each report with gold, and its kind (what
    /// follows the report's name: `lo.txt`, `scan300.ocr.txt`).
    static func inputs(_ folder: String) -> [(file: URL, gold: URL, kind: String)] {
        let root = Fixtures.root.appendingPathComponent("Samples/\(folder)")
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: root.appendingPathComponent("variants").path)) ?? []
        return names.sorted().flatMap { name -> [(file: URL, gold: URL, kind: String)] in
            let gold = root.appendingPathComponent("gold/\(name).json")
            guard manager.fileExists(atPath: gold.path) else { return [] }
            let directory = root.appendingPathComponent("variants/\(name)")
            let files = (try? manager.contentsOfDirectory(atPath: directory.path)) ?? []
            return files.sorted().compactMap { file in
                guard file.hasPrefix(name + "."), [".txt", ".html", ".docx"].contains(where: file.hasSuffix) else { return nil }
                return (directory.appendingPathComponent(file), gold, String(file.dropFirst(name.count + 1)))
            }
        }
    }

    static let computed = Mutex<[String: (Figures, [String])]>([:])

    /// The figures of a "folder:kind", and the files with a wrong cell at 0.9 or more.
    static func figures(_ folderKind: String) throws -> (Figures, [String]) {
        if let known = computed.withLock({ $0[folderKind] }) { return known }
        let parts = folderKind.split(separator: ":", maxSplits: 1).map(String.init)
        let repairer = try Repairer()
        var figures = Figures(), wrong: [String] = []
        for input in inputs(parts[0]) where input.kind == parts[1] {
            let repair = try repairer.repair(bytes: [UInt8](try Data(contentsOf: input.file)), path: input.file.lastPathComponent)
            let output = try JSONSerialization.jsonObject(with: Data(repair.jsonText.utf8)) as? [String: Any] ?? [:]
            let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: input.gold)) as? [String: Any] ?? [:]
            let comparison = GoldComparison(output: output, gold: gold)
            figures.documents += 1
            figures.cells += comparison.cells
            figures.rightCells += comparison.rightCells
            figures.highConfidence += comparison.highConfidence
            figures.highConfidenceRight += comparison.highConfidenceRight
            figures.rightStatuses += comparison.rightStatuses
            if comparison.rightTemplate { figures.rightTemplates += 1 }
            if comparison.highConfidence != comparison.highConfidenceRight { wrong.append(input.file.lastPathComponent) }
        }
        computed.withLock { $0[folderKind] = (figures, wrong) }
        return (figures, wrong)
    }

    static func recorded() -> [String: Figures] {
        guard let data = try? Data(contentsOf: figuresFile) else { return [:] }
        return (try? JSONDecoder().decode([String: Figures].self, from: data)) ?? [:]
    }

    @Test("every cell given 0.9 or more is right, in every kind of rendering", arguments: kinds)
    func highConfidenceIsRight(kind: String) throws {
        let (_, wrong) = try Self.figures(kind)
        #expect(wrong.isEmpty, "\(kind): \(wrong)")
    }

    @Test("no kind of rendering gives fewer cells, statuses or templates right than recorded", arguments: kinds)
    func figuresHold(kind: String) throws {
        let (figures, _) = try Self.figures(kind)
        let recorded = try #require(Self.recorded()[kind], "\(kind) has no recorded figures (TABLEFIX_RECORD=1)")
        #expect(figures.documents == recorded.documents && figures.cells == recorded.cells, "\(kind): inputs changed")
        #expect(figures.rightCells >= recorded.rightCells, "\(kind): \(figures.rightCells)/\(figures.cells) cells right, recorded \(recorded.rightCells)")
        #expect(figures.rightStatuses >= recorded.rightStatuses, "\(kind): statuses")
        #expect(figures.rightTemplates >= recorded.rightTemplates, "\(kind): templates")
    }

    @Test("the recorded figures are those of every kind there is (TABLEFIX_RECORD=1 writes them)")
    func recordedFiguresAreCurrent() throws {
        if ProcessInfo.processInfo.environment["TABLEFIX_RECORD"] == "1" {
            let current = try Dictionary(uniqueKeysWithValues: Self.kinds.map { ($0, try Self.figures($0).0) })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(current).write(to: Self.figuresFile)
        }
        #expect(Set(Self.recorded().keys) == Set(Self.kinds))
    }
}
