import Foundation
import Testing
import TablefixCleanup
import TablefixModel
import TablefixTestSupport

/// The cleanup passes never add, drop or change a digit sequence outside the edits they
/// record: every replacement keeps its digits (a line split keeps them in order, and may
/// part a crawler's run where a list number starts: `0000003.危及` → `000000`, `3.危及`),
/// and the digits of the input are those of the output plus those of the removals.
@Suite("Cleanup never changes a number")
struct DigitPreservationTests {
    static let vocabulary = ["上年结转政府信息公开申请数量", "无正当理由大量反复申请", "本年度办理结果"]
    static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }

    func assertDigitsPreserved(_ input: String, context: String) {
        let document = TestDocuments.document(input)
        let cleaned = CleanupPipeline.standard(vocabulary: Self.vocabulary).apply(to: document)
        // Only a list number rendered in the wrong style (`4、` → `四、`) may turn digits into
        // something else; every other replacement keeps its digits.
        for edit in cleaned.edits where !edit.isRemoval && edit.kind != .numbering {
            let (before, after) = edit.kind == .split
                ? ([String(edit.before.filter(Self.isDigit))], [String(edit.after.filter(Self.isDigit))])
                : (TestDocuments.digitRuns(edit.before), TestDocuments.digitRuns(edit.after))
            #expect(before == after, "\(context): edit \(edit.kind) at line \(edit.line) changed digits")
        }
        // The input's digits are the output's, less what edits added, plus what they took:
        // runs, or digits one by one where a split parted a run.
        let parts = cleaned.edits.contains { $0.kind == .split }
            ? { (text: String) in text.filter(Self.isDigit).map(String.init) }
            : TestDocuments.digitRuns
        var expected = parts(cleaned.text) + cleaned.edits.flatMap { parts($0.before) }
        for digits in cleaned.edits.flatMap({ parts($0.after) }) {
            if let index = expected.firstIndex(of: digits) { expected.remove(at: index) }
        }
        #expect(parts(document.text).sorted() == expected.sorted(), "\(context): digits differ")
    }

    @Test("over every shared sample and fixture text", arguments: Fixtures.allTextInputs)
    func samples(file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        assertDigitsPreserved(text, context: file.lastPathComponent)
    }

    @Test("over seeded random documents")
    func randomDocuments() {
        let seed = UInt64(20_261_123)
        var generator = SeededGenerator(seed: seed)
        let pieces = [
            "一、", "（二）", "4、", "（1）", "Ξ,", "-,", "1.", "信息", "言息", "及复", "公开", " ", " ", "\u{3000}", "\u{00A0}",
            "\t", "0", "12", "2023", "年", "。", "，", "**", "[bookmark: x]", "浏览次数: ", "分享", "\n", "\n", "\n\n", "か",
        ]
        for round in 0..<300 {
            let length = Int.random(in: 5...80, using: &generator)
            let text = (0..<length).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            assertDigitsPreserved(text, context: "seed \(seed) round \(round)")
        }
    }
}
