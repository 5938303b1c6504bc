import Testing
@testable import TablefixCleanup
import TablefixModel
import TablefixTestSupport

@Suite("RunOnLineSplit")
struct RunOnLineSplitTests {
    /// An article as a crawler stores it: one line, sentences, headings and a table's rows
    /// run together.
    static let crawled = "平潭县人民政府2011年政府信息公开工作年度报告 本报告由概述、主动公开政府信息情况、政府信息依申请公开工作情况组成。"
        + String(repeating: "本报告所列数据的统计期限自2011年1月1日起至2011年12月31日。", count: 4)
        + "一、概述 推进政府信息公开工作是一项重要工作。二、主动公开政府信息情况 全年主动公开政府信息425条。"
        + "三、政府信息公开情况统计表 指标名称计量单位2011年度历年累计主动公开信息数条4251516其中：1.网站公开条41815092.政府公报公开条77受理依申请公开信息总数条00"

    @Test("splits a whole article stored on one line after sentences, before section numbers and before table rows")
    func splitsRunOnLine() {
        let document = run(RunOnLineSplit(), on: Self.crawled + "\n")
        let lines = document.blocks.map(\.text)
        #expect(lines.contains("二、主动公开政府信息情况 全年主动公开政府信息425条。"))
        #expect(lines.contains { $0.hasSuffix("历年累计主动公开信息数条4251516") })
        #expect(lines.contains("1.网站公开条4181509"))
        #expect(lines.contains("2.政府公报公开条77"))
        #expect(lines.contains("受理依申请公开信息总数条00"))
        #expect(document.edits.allSatisfy { $0.kind == .split && $0.line == 1 })
        #expect(document.edits.count == lines.count - 1)
    }

    @Test("never changes a character: the pieces joined are the line without the spaces at the cuts")
    func keepsCharacters() {
        let document = run(RunOnLineSplit(), on: Self.crawled + "\n")
        let joined = document.blocks.map(\.text).joined()
        #expect(joined.filter { $0 != " " } == Self.crawled.filter { $0 != " " })
    }

    @Test("leaves a long paragraph of one section alone")
    func leavesParagraph() {
        let paragraph = String(repeating: "我局坚持以公开为常态、不公开为例外，全年主动公开政府信息425条。", count: 12)
        let document = run(RunOnLineSplit(), on: paragraph + "\n")
        #expect(document.blocks.count == 1)
        #expect(document.edits.isEmpty)
    }

    @Test("does not cut a clause cited in brackets or a date after a number")
    func keepsCitationsAndDates() {
        #expect(RunOnLineSplit.pieces(of: "第二十条第（一）项信息内容规章000行政规范性文件000") == ["第二十条第（一）项信息内容规章000", "行政规范性文件000"])
        #expect(RunOnLineSplit.pieces(of: "指标名称计量单位2011年度历年累计主动公开信息数条42").first == "指标名称计量单位2011年度历年累计主动公开信息数条42")
    }
}
