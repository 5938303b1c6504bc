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
        #expect(lines.contains("二、主动公开政府信息情况"))
        #expect(lines.contains("全年主动公开政府信息425条。"))
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
        #expect(RunOnLineSplit().pieces(of: "第二十条第（一）项信息内容规章000行政规范性文件000") == ["第二十条第（一）项信息内容规章000", "行政规范性文件000"])
        #expect(RunOnLineSplit().pieces(of: "指标名称计量单位2011年度历年累计主动公开信息数条42").first == "指标名称计量单位2011年度历年累计主动公开信息数条42")
    }

    @Test("opens a row at a section number glued to the header word before it when a long label follows")
    func rowAfterHeaderWord() {
        let split = RunOnLineSplit(vocabulary: ["本年新收政府信息公开申请数量", "其他"])
        let pieces = split.pieces(of: "申请人情况自然人法人或其他组织总计其他一、本年新收政府信息公开申请数量8750263103")
        #expect(pieces == ["申请人情况自然人法人或其他组织总计其他", "一、本年新收政府信息公开申请数量8750263103"])
        #expect(RunOnLineSplit(vocabulary: ["本年新收政府信息公开申请数量"]).pieces(of: "坚持统一、规范管理全年12件") .count == 1)
    }

    @Test("cuts a section heading ending in 情况 off the header words after it, not off a bracket")
    func headingAndRest() {
        #expect(RunOnLineSplit.headingAndRest("四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼") == ["四、政府信息公开行政复议、行政诉讼情况", "行政复议行政诉讼"])
        #expect(RunOnLineSplit.headingAndRest("三、收到和处理政府信息公开申请情况（本列数据）").count == 1)
    }

    @Test("cuts a table's one row of digits off the header words it is glued to, not off a row labelled 总计")
    func valuesAfterHeader() {
        let header = "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
        #expect(RunOnLineSplit.valuesAfterHeader(header + "411280000010113") == [header, "411280000010113"])
        #expect(RunOnLineSplit.valuesAfterHeader(header + " 20002—————10001") == [header, "20002—————10001"])
        #expect(RunOnLineSplit.valuesAfterHeader(header + "无无1无1无无") == [header, "无无1无1无无"])
        #expect(RunOnLineSplit().pieces(of: "（七）总计815025396") == ["（七）总计815025396"])
    }

    @Test("cuts a short row label and its digits off the column labels they are glued to")
    func labelAfterHeader() {
        let split = RunOnLineSplit(vocabulary: ["现行有效件数"])
        #expect(split.labelAfterHeader("第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000")
            == ["第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数", "规章000"])
        #expect(split.labelAfterHeader("现行有效件数 规章000") == ["现行有效件数", "规章000"])
        #expect(split.labelAfterHeader("行政规范性文件7231").count == 1)
    }

    @Test("keeps a row's words for none among its values (1无1无无), and still cuts before a label that opens with 无")
    func noneWordsAmongValues() {
        #expect(RunOnLineSplit.tableRows("四、结转下年度继续办理1无无无无无1 复议后起诉无无1无1无无") == ["四、结转下年度继续办理1无无无无无1", "复议后起诉无无1无1无无"])
        #expect(RunOnLineSplit.tableRows("3.补正后申请内容仍不明确1无无无无无1无法提供2无无无无无2")
            == ["3.补正后申请内容仍不明确1无无无无无1", "无法提供2无无无无无2"])
    }

    @Test("cuts a page served in traditional characters where its simplified form is cut, and keeps its characters")
    func traditionalCharacters() {
        let crawled = String(repeating: "本報告所列數據的統計期限自2021年1月1日起至2021年12月31日。", count: 6)
            + "二、主動公開政府信息情況 第二十條第（一）項信息內容規章000行政規範性文件7231第二十條第（五）項信息內容行政許可7318"
            + "四、政府信息公開行政複議、行政訴訟情況行政複議行政訴訟結果維持結果糾正其他結果尚未審結總計411280000010113"
        let lines = run(RunOnLineSplit(), on: crawled + "\n").blocks.map(\.text)
        #expect(lines.contains("第二十條第（五）項信息內容行政許可7318"))
        #expect(lines.contains("四、政府信息公開行政複議、行政訴訟情況"))
        #expect(lines.contains("411280000010113"))
        #expect(lines.joined().filter { $0 != " " } == crawled.filter { $0 != " " })
    }

    @Test("cuts before each clause header of the 2021 format, also after a note in brackets")
    func clauseHeaders() {
        #expect(RunOnLineSplit.tableRows("行政规范性文件7231（其中修订9件）第二十条第（五）项信息内容行政许可7318")
            == ["行政规范性文件7231（其中修订9件）", "第二十条第（五）项信息内容行政许可7318"])
    }
}
