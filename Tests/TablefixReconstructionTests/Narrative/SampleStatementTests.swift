import Foundation
import TablefixTestSupport
import Testing
@testable import TablefixReconstruction

/// The five shared samples, read by hand: every statement their prose makes about a figure
/// of the three tables or about what was published (yanzhou and wendeng print their tables
/// as images: these statements are all the text says of them).
@Suite("Statements of the shared samples")
struct SampleStatementTests {
    /// What a careful reader finds, checked against each sample's text. Not read, rightly:
    /// jinxiang's `依申请公开信息0条` (no figure of the tables), wendeng's breakdown of its 379
    /// items but one (no phrase for `工作动态57条` …), wendeng's `拟保留规范性文件1件` (a plan),
    /// and everybody's 人大代表建议/政协提案 counts. Missed: shanting's
    /// `在山亭区政府网站发布237条稿件` (the number comes before its noun; no cell anyway).
    static let expected: [String: [String]] = [
        "jinxiang-health-2023": [
            "L15 active_disclosures = 253 条 «253»",
            "L15 active_disclosures = 225 篇 «225»",
            "L21 requests.new = 0 «未收到依申请公开» → requests new.total",
            "L131 information_fee = 0 «未收取相关信息处理费»",
        ],
        "shanting-health-2021": [
            "L17 requests.new = 0 «未收到和受理信息公开申请» → requests new.total",
            "L19 information_fee = 0 «未收取任何费用»",
            "L22 review.reconsideration = 0 件 «0» → review reconsideration.total",
            "L22 review.lawsuit = 0 件 «0» → review lawsuit_direct.total+lawsuit_after.total",
            "L30 active_disclosures = 416 篇 «416»",
        ],
        "wendeng-health-2023": [
            "L9 active_disclosures = 379 条 «379»",
            "L9 active_disclosures = 23 条 «23» [a sub-count (其中)]",
            "L9 active_disclosures = 540 条 «540»",
            "L10 requests.new = 3 件 «3» → requests new.total",
            "L10 requests.total = 3 件 «3» → requests total.total",
            "L40 information_fee = 0 «未收取政府信息公开信息处理费»",
        ],
        "xigong-health-2022": [],
        "yanzhou-health-2022": [
            "L7 active_disclosures = 446 条 «446»",
            "L9 requests.new = 0 «未有公民、法人或其他组织提出政府信息公开申请» → requests new.total",
            "L26 information_fee = 0 «没有收取任何信息处理费用»",
        ],
    ]

    static var samples: [URL] { Fixtures.sharedSampleFiles }

    @Test("finds the statements each shared sample's prose makes, and no other", arguments: samples)
    func statements(sample: URL) throws {
        let name = sample.deletingPathExtension().lastPathComponent
        let expected = try #require(Self.expected[name], "no expectation for \(name)")
        let found = try StatementListing.statements(file: sample).map(StatementListing.line)
        #expect(found == expected)
    }

    @Test("every linkable statement agrees with the samples' gold cells where its table is printed")
    func agreesWithGold() throws {
        var compared = 0
        for sample in Self.samples {
            let tables = try #require(try Fixtures.gold(for: sample)["tables"] as? [String: [String: Any]])
            for statement in try StatementListing.statements(file: sample) where statement.isLinkable {
                let target = try #require(statement.target)
                let cells = tables[target.table]?["cells"] as? [String: Any] ?? [:]
                let values = target.keys.compactMap { (cells[$0] as? NSNumber)?.doubleValue }
                guard values.count == target.keys.count else { continue }  // an image table: no cells
                #expect(
                    values.reduce(0, +) == statement.value,
                    "\(sample.lastPathComponent): \(StatementListing.line(statement))")
                compared += 1
            }
        }
        // jinxiang's 未收到 and shanting's 未收到, 行政复议0件, 行政诉讼0件; the others print
        // their tables as images or state nothing.
        #expect(compared == 4)
    }
}
