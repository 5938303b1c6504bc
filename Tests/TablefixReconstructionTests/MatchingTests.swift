import Testing
@testable import TablefixReconstruction
import TablefixModel
import TablefixTestSupport

@Suite("Matching labels and rows")
struct MatchingTests {
    let matcher = LabelMatcher(noise: ["本年度办理结果", "不予公开"])

    @Test("scores a clean label 1 and a list number does not matter")
    func exact() {
        #expect(matcher.score(printed: "（三）不予公开 1.属于国家秘密", alias: "属于国家秘密") > 0.95)
    }

    @Test("accepts a label cut short")
    func truncated() {
        #expect(matcher.score(printed: "一、本年新收政府", alias: "本年新收政府信息公开申请数量") >= 0.6)
    }

    @Test("accepts a label split by spaces and damaged by OCR")
    func damaged() {
        #expect(matcher.score(printed: "申请人无正当理由逾期不补 正、行政机关不再处理其政府信 息公开申请",
                              alias: "申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请") > 0.95)
    }

    @Test("prefers the row whose label explains the printed label best")
    func precision() {
        let other = matcher.score(printed: "2.其他法律行政法规禁止公开", alias: "其他")
        let law = matcher.score(printed: "2.其他法律行政法规禁止公开", alias: "其他法律行政法规禁止公开")
        #expect(law > other)
    }

    @Test("sets aside a piece of a group label a layout cut onto a row's line, its start or its end")
    func groupLabelPiece() {
        #expect(matcher.score(printed: "三、本年度 （一）予以公开", alias: "予以公开") > 0.95)
        #expect(matcher.score(printed: "办理结果 （二）部分公开", alias: "部分公开") > 0.95)
    }

    @Test("keeps two letters of a group label in the row's label: too few to be a piece of it")
    func groupLabelPieceTooShort() {
        #expect(matcher.score(printed: "本年 新收", alias: "新收") < 0.9)
    }

    @Test("aligns rows in order, skipping header rows and missing rows")
    func alignsInOrder() {
        func row(_ label: String, _ values: [String]) -> StreamRow {
            StreamRow(tokens: [Token(kind: .text, raw: label, line: 1)] + values.map { Token(kind: .number, raw: $0, line: 1) },
                      block: 0)
        }
        let templates = ["其他处理", "其他", "总计"].enumerated().map { index, label in
            RowTemplate(key: "r\(index)", labels: [label], group: nil, columns: ["a"], decimal: nil)
        }
        let rows = [row("其他 总计", []), row("3.其他", ["1"]), row("（七）总计", ["2"])]
        let matches = RowAligner(matcher: matcher).align(rows, to: templates)
        #expect(matches.map(\.templateRow) == [1, 2])
        #expect(matches.map(\.streamRow) == [1, 2])
    }

    /// The first two rows of the requests table, and a row of `label` and `values`.
    func requestRows() -> [RowTemplate] {
        [("new", "本年新收政府信息公开申请数量"), ("carried_in", "上年结转政府信息公开申请数量")].map { key, label in
            RowTemplate(key: key, labels: [label], group: nil, columns: ["natural", "total"], decimal: nil)
        }
    }

    func row(_ label: String, _ values: [String] = []) -> StreamRow {
        StreamRow(tokens: [Token(kind: .text, raw: label, line: 1)] + values.map { Token(kind: .number, raw: $0, line: 1) },
                  block: 0)
    }

    @Test("keeps a row whose own label is another row's from taking the next row's label below it")
    func ownLabelKeepsItsRow() {
        // An OCR garbled 新收政 and lost the next row's values: its label stands alone below.
        let rows = [row("一、本年新炒疏府信息公开申请数量", ["117", "131"]), row("上年结转政府信息公开申请数量")]
        let matches = RowAligner(matcher: matcher).align(rows, to: requestRows())
        #expect(matches.map(\.templateRow) == [0])
        #expect(matches.map(\.labelRows) == [0..<1])
    }

    @Test("reads two rows printed out of order each by its own whole label, not crosswise in the template's order")
    func rowsOutOfOrderKeepTheirLabels() {
        let rows = [row("二、上年结转政府信息公开申请数量", ["0", "0"]), row("一、本年新收政府信息公开申请数量", ["6", "8"])]
        let matches = RowAligner(matcher: matcher).align(rows, to: requestRows())
        #expect(matches.map(\.templateRow) == [0, 1])
        #expect(matches.map(\.streamRow) == [1, 0])
    }

    @Test("in a form of any row order, a row left over takes no template row its label matches worse than another's")
    func anyOrderLeftoverKeepsItsBestLabel() {
        let templates = [("lawsuit", "行政诉讼数"), ("appeal", "行政申诉数")].map { key, label in
            RowTemplate(key: key, labels: [label], group: nil, columns: ["year", "cumulative"], decimal: nil)
        }
        // The lawsuit row printed twice (a page break repeated it): the second is no appeal row.
        let rows = [row("行政诉讼数", ["0", "0"]), row("行政诉讼数", ["0", "0"])]
        let matches = RowAligner(matcher: matcher).alignAnyOrder(rows, to: templates)
        #expect(matches.map(\.templateRow) == [0])
    }

    @Test("does not read a row whose own label has a letter mistyped with the label row above it that is another row's whole label")
    func wholeLabelAboveIsAnotherRow() {
        let templates = [("rules", ["规章"]), ("normative", ["行政规范性文件", "规范性文件"])].map { key, labels in
            RowTemplate(key: key, labels: labels, group: nil, columns: ["made", "published", "total"], decimal: nil)
        }
        // 规章 printed its cells blank, so its label stands alone above the next row.
        let rows = [row("规章"), row("规范囗文件", ["13", "13", "80"])]
        let matches = RowAligner(matcher: matcher).align(rows, to: templates)
        #expect(matches.map(\.templateRow) == [1])
        #expect(matches.map(\.labelRows) == [1..<2])
    }

    @Test("still reads a wrapped label's second line below the line that printed its values")
    func wrappedLabelTakesTheLineBelow() {
        let rows = [row("二、上年结转政府信息", ["1", "1"]), row("公开申请数量")]
        let matches = RowAligner(matcher: matcher).align(rows, to: requestRows())
        #expect(matches.map(\.templateRow) == [1])
        #expect(matches.map(\.labelRows) == [0..<2])
    }
}

@Suite("Longest common subsequence")
struct CommonSubsequenceTests {
    @Test("by bits gives what the table gives, for letters of every length up to a word's 64")
    func bitsAgreeWithTable() {
        var generator = SeededGenerator(seed: 12)
        for _ in 0..<5_000 {
            let alphabet = UInt32(truncatingIfNeeded: generator.next() % 6 + 1)
            let a = (0..<Int(generator.next() % 80)).map { _ in UInt32(truncatingIfNeeded: generator.next()) % alphabet }
            let b = (0..<Int(generator.next() % 64 + 1)).map { _ in UInt32(truncatingIfNeeded: generator.next()) % alphabet }
            #expect(LabelMatcher.commonSubsequenceLength(a, short: b) == LabelMatcher.commonSubsequenceLengthByTable(a, b))
        }
    }

    @Test("is symmetric and uses the table beyond 64 letters on both sides")
    func longOnBothSides() {
        let a: [UInt32] = Array(Array(repeating: [1, 2, 3], count: 30).joined())
        let b: [UInt32] = Array(Array(repeating: [3, 1], count: 40).joined())
        #expect(LabelMatcher.commonSubsequenceLength(a, b) == LabelMatcher.commonSubsequenceLength(b, a))
        #expect(LabelMatcher.commonSubsequenceLength(a, b) == LabelMatcher.commonSubsequenceLengthByTable(a, b))
    }
}

