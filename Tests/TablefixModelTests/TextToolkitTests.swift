import Testing
import TablefixModel

@Suite("Text toolkit")
struct TextToolkitTests {
    @Test("reads counting numerals as reports write them", arguments: [
        ("零", 0), ("两", 2), ("十", 10), ("十五", 15), ("二十", 20), ("二十六", 26), ("一百零五", 105),
        ("两千三百", 2300), ("三万", 30_000), ("一万二千", 12_000), ("〇", 0), ("三十万", 300_000),
        ("一千零一十", 1010),
    ])
    func countingNumerals(text: String, value: Int) {
        #expect(ChineseNumeral.value(of: text[...]) == value)
    }

    @Test(
        "reads the spoken shortening: 一百一 is 110, 两千三 is 2300, 两万三 is 23000",
        arguments: [("一百一", 110), ("两千三", 2300), ("两万三", 23_000)])
    func spokenShortenings(text: String, value: Int) {
        #expect(ChineseNumeral.value(of: text[...]) == value)
    }

    @Test(
        "refuses what is not a counting numeral",
        arguments: ["", "二六", "百", "万", "十两两", "一二三", "abc", "二〇二二", "十十", "百千", "零十"])
    func notCountingNumerals(text: String) {
        #expect(ChineseNumeral.value(of: text[...]) == nil)
    }

    @Test("knows every dash and word a cell prints for none, and nothing else")
    func noneMarks() {
        for word in ["-", "—", "–", "/", "－", "／", "——", "--", "---", "\\", "无", "無", "空"] { #expect(NumberGlyphs.isNone(word)) }
        for word in ["0", "一", "无此", ""] { #expect(!NumberGlyphs.isNone(word)) }
    }

    @Test("takes a count as a cell prints it, with its sign, separators and unit, and nothing else for one")
    func printedCounts() {
        for word in ["12", "-3", "－３", "１２", "594.19万元", "6521.37萬元", "1,736件", "3項", "6人次", "4%"] { #expect(NumberGlyphs.isPrintedCount(word)) }
        for word in ["件", "-", "一件", "十二", "", "3a", "第3项", "件3"] { #expect(!NumberGlyphs.isPrintedCount(word)) }
    }

    @Test("tells CJK ideographs and punctuation apart from other scalars")
    func cjkRanges() {
        #expect(Character("规").isCJK)
        #expect(Character("㐀").isCJK)
        #expect(!Character("，").isCJK)
        #expect(Character("，").isCJKPunctuation)
        #expect(!Character("A").isCJK)
    }

    @Test("gives a label's letters without list numbers, punctuation or digits")
    func labelLetters() {
        let letters = LabelLetters.of("（三）1.属于国家秘密 12")
        #expect(String(String.UnicodeScalarView(letters.compactMap(Unicode.Scalar.init))) == "属于国家秘密")
    }

    @Test("gives a traditional label's letters in simplified form, 覆 that only phrases convert (答覆) included")
    func traditionalLabelLetters() {
        let letters = LabelLetters.of("同意公開答覆數")
        #expect(String(String.UnicodeScalarView(letters.compactMap(Unicode.Scalar.init))) == "同意公开答复数")
    }

    @Test("classifies lines by shape", arguments: [
        ("三、收到和处理政府信息公开申请情况", true, true),
        ("三、本年", true, false),
        ("（一）予以公开", true, false),
        ("1.属于国家秘密", false, false),
        ("一是加强组织领导，强化责任落实。", false, false),
    ])
    func lineRoles(text: String, heading: Bool, opensSection: Bool) {
        #expect(LineRole.isHeading(text) == heading)
        #expect(LineRole.opensSection(text) == opensSection)
    }

    @Test("takes a picture's name for one and a table caption for a caption")
    func captions() {
        #expect(LineRole.isPictureName("表三"))
        #expect(LineRole.isPictureName("图 1"))
        #expect(!LineRole.isPictureName("表三 收到和处理政府信息公开申请情况"))
        #expect(LineRole.isCaption("表三 收到和处理政府信息公开申请情况"))
    }

    @Test("finds a report's title, also with its last character lost")
    func titles() {
        #expect(LineRole.isTitle("金乡县卫生健康局2023年政府信息公开工作年度报告"))
        #expect(LineRole.isTitle("金乡县卫生健康局2023年政府信息公开工作年度报"))
        #expect(!LineRole.isTitle("一、总体情况"))
        #expect(YearText.first(in: "金乡县卫生健康局 2023 年政府信息公开")?.year == 2023)
        #expect(YearText.first(in: "第12023年") == nil)
    }

    @Test("a sentence naming last year's report, or the national format's name, is no title")
    func sentencesAreNoTitles() {
        #expect(!LineRole.isTitle("上一年度报告中提出的平台建设滞后问题，已通过建立信息报送台账等方式整改到位"))
        #expect(!LineRole.isTitle("公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制"))
        #expect(LineRole.isTitle("名 ， 称: 宁波市江北区人民政府甬江街道办事处 2021 年政府信息公开工作年度报告"))
    }

    @Test("a disclosure report named without 年度 or 工作 is a title when it has a year")
    func titlesWithoutYearlyWord() {
        #expect(LineRole.isTitle("柘城县人民医院2017年政务信息公开报告"))
        #expect(LineRole.isTitle("柘城县地方税务局 2017年度政府信息公开报告"))
        #expect(!LineRole.isTitle("政府信息公开报告"))
    }

    @Test("a title's year may have a word straight after it; running text's needs 年 or 度")
    func titleYears() {
        #expect(YearText.first(inTitle: "柘城县发改委2017政府信息公开工作年度报告")?.year == 2017)
        #expect(YearText.first(in: "柘城县发改委2017政府信息公开工作年度报告") == nil)
        #expect(YearText.all(in: "2017年度我委公开91条，2018年将继续").map(\.year) == [2017, 2018])
    }

    @Test("trims white space by characters: a space a combining mark rides on goes with it", arguments: [
        (" 规章\u{3000}", "规章"), ("\u{3000}\u{3000}", ""), ("", ""), ("a\r\n", "a"), (" \u{0301}x ", "x"),
        ("\u{00A0}1 2\t", "1 2"), ("表", "表"),
    ])
    func trimming(text: String, trimmed: String) {
        #expect(text.trimmingSpaces == trimmed)
    }

    @Test("counts every glyph an OCR prints for a digit among those a number may hold")
    func digitGlyphs() {
        for glyph in NumberGlyphs.letterDigits.keys { #expect(glyph.unicodeScalars.allSatisfy(NumberGlyphs.mayStandForDigit)) }
        for glyph in NumberGlyphs.loneDigits.keys { #expect(glyph.unicodeScalars.allSatisfy(NumberGlyphs.mayStandForDigit)) }
        for digit in "0123456789０１２３４５６７８９".unicodeScalars { #expect(NumberGlyphs.mayStandForDigit(digit)) }
        for other in "一二三元件-—/无空 a".unicodeScalars { #expect(!NumberGlyphs.mayStandForDigit(other)) }
    }

    @Test("finds an ASCII character as contains(_:) does, a combining mark on it or a line end beside it included",
          arguments: ["a|b", "|\u{301}b", "a\u{200D}|", "|", "", "规章\t1", "\r\n", "a\r\nb", "x\u{301}|\u{301}|", "无"])
    func includesAsContains(text: String) {
        for character: Character in ["|", "\t", "\n", "\r", "-", "无"] {
            #expect(text.includes(character) == text.contains(character))
        }
    }

    @Test("finds a CJK or general punctuation mark as contains(_:) does, a combining mark or a prepended mark beside it included",
          arguments: ["办结。", "。\u{301}", "\u{600}。", "a。\u{200D}b。", "—1—2", "1—\u{301}", "", "。", "无", "\u{2329}〈"])
    func includesMarksAsContains(text: String) {
        for character: Character in ["。", "—", "〈", "，"] {
            #expect(text.includes(character) == text.contains(character))
        }
    }

    @Test("counts characters as count does, a combining mark, a line end or an ideographic space among them",
          arguments: ["本年新收申请数量 12", "a\u{301}b", "\r\n", "", "\u{3000}规章", "\u{3000}\u{301}", "🇨🇳", "표"])
    func characterCount(text: String) {
        #expect(text.characterCount == text.count)
    }

    @Test("takes running text for prose by its stops, and its commas and semicolons outside brackets, a combining mark on one included",
          arguments: [
              ("一是加强组织领导，强化责任落实。", true), ("部分公开（区分处理的，只计这一情形）", false), ("部分公开（区分处理的；只计这一情形）", false), ("本年新收申请数量", false),
              ("其他（说明：无），共计", true), ("收到申请\u{301}，办结", true), ("收到申请，\u{301}办结", false),
          ])
    func prose(text: String, isProse: Bool) {
        #expect(LineRole.isProse(text) == isProse)
    }

    @Test("takes only a lone lookalike of a digit or dash, or a zero with its rule (lo), for one, never another longer word or one with a mark on it")
    func loneLookalikes() {
        for word in ["工", "l", "O", "一", "，", "。", ",", "lo", "io"] { #expect(NumberGlyphs.isLoneLookalike(word)) }
        for word in ["工工", "一\u{301}", "lO ", "", "二", "O ", "ol", "l0"] { #expect(!NumberGlyphs.isLoneLookalike(word)) }
        let lookalikes = Array(NumberGlyphs.loneDigits.keys) + NumberGlyphs.dashLookalikes + NumberGlyphs.punctuationZeros
        for word in lookalikes { #expect(word.unicodeScalars.count == 1) }
    }
}
