import Foundation
import TablefixModel
import TablefixTestSupport
import Testing
@testable import TablefixReconstruction

/// The twelve fixtures state their figures in prose too; every rendering of them must read
/// the same statements, and every linkable one must agree with the gold table.
@Suite("Statements of the fixtures")
struct FixtureStatementTests {
    static let variants = Fixtures.root.appendingPathComponent("Samples/fixtures/variants")
    static let gold = Fixtures.root.appendingPathComponent("Samples/fixtures/gold")

    /// Each fixture's text renderings (GB18030 copies aside).
    static var fixtures: [(name: String, files: [URL])] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: variants.path)) ?? []
        return names.sorted().map { name in
            let folder = variants.appendingPathComponent(name)
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".txt") && !$0.contains(".gb.") }.sorted()
            return (name, files.map(folder.appendingPathComponent))
        }
    }

    static func statements(_ file: URL, template: String, year: Int) throws -> [Statement] {
        let document = TestDocuments.document(try String(contentsOf: file, encoding: .utf8), path: file.path)
        return StatementReader(phrases: StatementListing.phrases, template: template, year: year).statements(
            in: document)
    }

    /// Linkable statements that disagree with the printed table: only haishu's 予以公开, whose
    /// 总计 cell the fixture misprints on purpose (24 printed, 23 the sum and the prose).
    @Test("every linkable statement of every rendering agrees with the fixture's gold cells, but a misprint")
    func agreeWithGold() throws {
        var compared = 0
        var disagreements: Set<String> = []
        for (name, files) in Self.fixtures {
            let gold = try #require(
                JSONSerialization.jsonObject(with: Data(contentsOf: Self.gold.appendingPathComponent("\(name).json")))
                    as? [String: Any])
            let template = try #require(gold["template"] as? String)
            let year = try #require(gold["year"] as? Int)
            let tables = try #require(gold["tables"] as? [String: [String: Any]])
            for file in files {
                for statement in try Self.statements(file, template: template, year: year) where statement.isLinkable {
                    let target = try #require(statement.target)
                    let cells = tables[target.table]?["cells"] as? [String: Any] ?? [:]
                    let values = target.keys.compactMap { (cells[$0] as? NSNumber)?.doubleValue }
                    guard values.count == target.keys.count else { continue }
                    compared += 1
                    let table = values.reduce(0, +)
                    if table != statement.value {
                        disagreements.insert(
                            "\(name) \(statement.figure): prose \(statement.value.printed), table \(table.printed)")
                    }
                }
            }
        }
        #expect(disagreements == ["haishu-office-2024 requests.granted: prose 23, table 24"])
        #expect(compared > 1000)
    }
}
