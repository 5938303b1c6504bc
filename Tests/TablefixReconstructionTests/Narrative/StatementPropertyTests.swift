import Foundation
import TablefixModel
import TablefixTestSupport
import Testing
@testable import TablefixReconstruction

/// No statement states a number its sentence does not print: its raw text is where its
/// range says, inside its sentence, and its value is that text read.
@Suite("Statement properties")
struct StatementPropertyTests {
    /// Checks the invariants for every statement of `document`; returns how many it checked.
    @discardableResult
    static func checkInvariants(of document: Document, _ context: String) -> Int {
        let statements = StatementReader(phrases: StatementListing.phrases, template: "gov-disclosure-2021", year: 2022)
            .statements(in: document)
        for statement in statements {
            let text = Array(document.blocks[statement.block].text)
            let place = statement.range.upperBound <= text.count ? String(text[statement.range]) : nil
            #expect(place == statement.raw, "\(context): \(StatementListing.line(statement))")
            #expect(statement.sentence.contains(statement.raw), "\(context): \(StatementListing.line(statement))")
            if statement.negation {
                #expect(statement.value == 0)
            } else {
                #expect(reading(statement.raw) == statement.value, "\(context): \(StatementListing.line(statement))")
            }
        }
        return statements.count
    }

    /// A number as the reader reads it: digits, or a Chinese numeral.
    static func reading(_ raw: String) -> Double? {
        NumberReader.reading(of: raw)?.value
            ?? ChineseNumeral.value(ofScalars: ProseText.scalars(of: raw)[...]).map(Double.init)
    }

    static let fragments = [
        "共收到政府信息公开申请#件", "上年结转#件", "已办结#件", "其中予以公开#件", "部分公开#件", "不予公开#件",
        "结转下年度继续办理#件", "因政府信息公开被申请行政复议#件", "提起行政诉讼#件", "主动公开政府信息#条",
        "较上年增加#件", "同比下降#%", "现行有效规范性文件#件", "收取信息处理费#元", "行政事业性收费#万元",
        "2021年共受理政府信息公开申请#件", "约#件", "#余件", "第#项", "一是加强学习", "进一步规范", "未收到政府信息公开申请",
        "行政复议、行政诉讼均为#", "4、", "（#）", "本年度",
    ]
    static let joiners = ["，", "。", "、", "；", "", " ", "\n"]

    /// `value` written as reports write it: digits, full-width digits, or a Chinese numeral.
    static func printed(_ value: Int, style: Int) -> String {
        switch style {
        case 0: String(value)
        case 1:
            String(
                String(value).unicodeScalars.compactMap { Unicode.Scalar($0.value - 0x30 + 0xFF10).map(Character.init) }
            )
        default: chinese(value)
        }
    }

    static func chinese(_ value: Int) -> String {
        let digits = Array("零一二三四五六七八九")
        guard value > 0 else { return "零" }
        var text = ""
        var pendingZero = false
        for (unit, name) in [(1000, "千"), (100, "百"), (10, "十"), (1, "")] {
            let digit = value / unit % 10
            if digit == 0 {
                pendingZero = !text.isEmpty
                continue
            }
            if pendingZero { text += "零" }
            pendingZero = false
            text += (digit == 1 && unit == 10 && text.isEmpty ? "" : String(digits[digit])) + name
        }
        return text
    }

    @Test("writes the Chinese numerals the generator needs as the reader reads them")
    func generatorNumerals() {
        for value in [0, 1, 10, 15, 20, 26, 105, 110, 2300, 9999] {
            #expect(ChineseNumeral.value(ofScalars: ProseText.scalars(of: Self.chinese(value))[...]) == value)
        }
    }

    @Test("no statement of a generated report holds a number its sentence does not print")
    func generated() {
        let seed = UInt64(20_251_206)
        var generator = SeededGenerator(seed: seed)
        var checked = 0
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 3...14, using: &generator) {
                let fragment = Self.fragments.randomElement(using: &generator)!
                let number = Self.printed(
                    Int.random(in: 0...3000, using: &generator), style: Int.random(in: 0...2, using: &generator))
                text += fragment.replacing("#", with: number) + Self.joiners.randomElement(using: &generator)!
            }
            checked += Self.checkInvariants(of: TestDocuments.document(text), "seed \(seed): \(text)")
        }
        #expect(checked > 500, "seed \(seed)")
    }

    /// The shared samples and four renderings of each fixture: LibreOffice text, crawler
    /// text on one line, OCR, and `pdftotext -layout`.
    static var corpus: [URL] {
        Fixtures.allTextInputs.filter { file in
            file.path.contains("/shared/")
                || [".lo.txt", ".crawl.txt", ".ocr.txt", ".layout.txt"].contains {
                    file.lastPathComponent.hasSuffix($0)
                }
        }
    }

    @Test("no statement of the repository's texts holds a number its sentence does not print")
    func corpus() throws {
        var checked = 0
        for file in Self.corpus {
            let text = try String(contentsOf: file, encoding: .utf8)
            checked += Self.checkInvariants(of: TestDocuments.document(text, path: file.path), file.lastPathComponent)
        }
        #expect(checked > 300)
    }
}
