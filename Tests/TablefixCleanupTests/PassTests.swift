import Testing
@testable import TablefixCleanup
import TablefixModel
import TablefixTestSupport

/// Runs one pass over a document read from `text`.
func run(_ pass: some CleanupPass, on text: String) -> Document {
    var document = TestDocuments.document(text)
    pass.apply(to: &document)
    return document
}

/// The first table of a document.
func firstGrid(_ document: Document) -> Grid? {
    document.blocks.lazy.compactMap { block -> Grid? in
        if case .table(let grid) = block.content { grid } else { nil }
    }.first
}

@Suite("WhitespaceHygiene")
struct WhitespaceHygieneTests {
    @Test("turns no-break and full-width spaces into spaces and drops zero-width ones")
    func normalises() {
        let document = run(WhitespaceHygiene(), on: "本年\u{00A0}度\u{200B}报告\u{3000}如下。\n")
        #expect(document.text == "本年 度报告 如下。")
        #expect(document.edits.count == 1)
        #expect(document.edits[0].kind == .whitespace)
        #expect(document.edits[0].line == 1)
    }

    @Test("trims table cells padded with full-width spaces and records it")
    func trimsCells() throws {
        let document = run(WhitespaceHygiene(), on: "\t规章\n\t\u{3000}0\u{3000}\n\t 0\u{3000}\n\n\t行政许可\n\t3\n")
        let grid = try #require(firstGrid(document))
        #expect(grid.rows[0].map(\.text) == ["规章", "0", "0"])
        #expect(document.edits.count == 2)
    }

    @Test("leaves plain text alone")
    func noChange() {
        let document = run(WhitespaceHygiene(), on: "一、总体情况\n正文 2023 年。\n")
        #expect(document.edits.isEmpty)
        #expect(document.text == "一、总体情况\n正文 2023 年。")
    }
}

@Suite("CompatibilityIdeographs")
struct CompatibilityIdeographsTests {
    @Test("replaces Kangxi radicals a font's Unicode map gave with the ideographs, one edit a line")
    func replacesKangxiRadicals() {
        let document = run(CompatibilityIdeographs(), on: "洪泽区\u{2F08}民政府\n\u{2F8F}政许可 12\n")
        #expect(document.text == "洪泽区人民政府\n行政许可 12")
        #expect(document.edits.map(\.kind) == [.character, .character])
        #expect(document.edits[0].before == "\u{2F08}")
        #expect(document.edits[0].after == "人")
    }

    @Test("replaces the supplement's radicals that are whole simplified characters")
    func replacesSimplifiedRadicals() {
        let document = run(CompatibilityIdeographs(), on: "\u{2ED3}兴县\u{2ED4}户网站\n")
        #expect(document.text == "长兴县门户网站")
    }

    @Test("replaces a CJK compatibility ideograph with its unified ideograph")
    func replacesCompatibilityIdeographs() {
        let document = run(CompatibilityIdeographs(), on: "\u{F967}予公开\n")
        #expect(document.text == "不予公开")
    }

    @Test("leaves radicals that are only components of characters as printed")
    func leavesComponentRadicals() {
        let document = run(CompatibilityIdeographs(), on: "\u{2EC8}\u{2ECC}\n")
        #expect(document.text == "\u{2EC8}\u{2ECC}")
        #expect(document.edits.isEmpty)
    }
}

@Suite("ArtifactRemoval")
struct ArtifactRemovalTests {
    @Test("removes bookmark anchors and records them")
    func bookmarks() {
        let document = run(ArtifactRemoval(), on: "[bookmark: _GoBack]认真公开人大代表建议。\n")
        #expect(document.text == "认真公开人大代表建议。")
        #expect(document.edits.first?.before == "[bookmark: _GoBack]")
        #expect(document.edits.first?.kind == .artifact)
    }

    @Test("removes markdown bold marks and keeps the words")
    func bold() {
        let document = run(ArtifactRemoval(), on: "主要表现在：**一是**意识不强；**二是**深度不够。\n")
        #expect(document.text == "主要表现在：一是意识不强；二是深度不够。")
        #expect(document.edits.map(\.before) == ["**一是**", "**二是**"])
        #expect(document.edits.map(\.after) == ["一是", "二是"])
    }

    @Test("removes a reStructuredText directive's marker and keeps its argument")
    func rstDirective() {
        let document = run(ArtifactRemoval(), on: ".. rubric:: 长兴县市场监督管理局\n\n共办理 .. 件\n")
        #expect(document.text == "长兴县市场监督管理局\n共办理 .. 件")
        #expect(document.edits.map(\.before) == [".. rubric:: "])
    }

    @Test("removes inline HTML tags a converter left, in prose and in table cells, and records them")
    func inlineHTML() throws {
        let document = run(ArtifactRemoval(), on: "规章\t<span style=\"font-size:10.5pt;\">87</span>\t<b>0</b>\n行政许可\t3\t1\n")
        let grid = try #require(firstGrid(document))
        #expect(grid.rows[0].map(\.text) == ["规章", "87", "0"])
        #expect(document.edits.count == 4)
        #expect(document.edits.allSatisfy { $0.kind == .artifact })
    }

    @Test("removes the halves of a tag cut by a line break, and leaves comparisons alone")
    func cutTagsAndComparisons() {
        let document = run(ArtifactRemoval(), on: "**<span\nstyle=\"font-family:黑体;\">三、收到和处理政府信息公开申请情况</span>**\n件数<5 且 a < b。\n")
        #expect(document.text.contains("三、收到和处理政府信息公开申请情况"))
        #expect(!document.text.contains("span"))
        #expect(!document.text.contains("style="))
        #expect(document.text.contains("件数<5 且 a < b。"))
    }

    @Test("keeps the text of pandoc's bracketed spans and drops their attributes")
    func bracketedSpans() {
        let document = run(ArtifactRemoval(), on: "[三、收到和处理政府信息公开申请情况]{style=\"font-family:黑体;\"} [87]{.c}\n")
        #expect(document.text == "三、收到和处理政府信息公开申请情况 87")
        #expect(document.edits.map(\.before) == ["[", "]{style=\"font-family:黑体;\"}", "[", "]{.c}"])
        #expect(document.edits.allSatisfy { $0.after.isEmpty })
    }

    @Test("removes a PDF's page numbers between its pages, official documents' style included, and records them",
          arguments: ["— 4 —", "-4-", "- 12 -", "－3－", "第 4 页", "第4页 共6页"])
    func pageNumbers(line: String) {
        let document = run(ArtifactRemoval(), on: "行政许可\n\(line)\n5468\n")
        #expect(document.text == "行政许可\n5468")
        #expect(document.edits.map(\.before) == [line])
    }

    @Test("keeps a bare number, a run of none marks and a dash with a number apart: cells, not page numbers",
          arguments: ["4", "————————11—————", "—    38    —", "-4", "第4项", "— 2024 —"])
    func notPageNumbers(line: String) {
        let document = run(ArtifactRemoval(), on: "行政许可\n\(line)\n")
        #expect(document.edits.isEmpty)
    }

    @Test("removes a pasted web-page metadata box, title and share link included, keeping them as removed blocks")
    func clutter() {
        let text = """
            正文第一段。

            索引号\t1137/2023-05617\t公开方式\t主动公开
            发布机构\t某县卫生健康局\t组配分类\t组织领导

            某县卫生健康局2023年度政务公开工作领导小组

            发布日期: 2023-03-03 17:09 浏览次数: 442次

            < 分享

            （四）政府信息公开平台建设情况
            """
        let document = run(ArtifactRemoval(), on: text)
        #expect(document.text == "正文第一段。\n（四）政府信息公开平台建设情况")
        #expect(document.edits.count == 4)
        #expect(document.edits.allSatisfy { $0.kind == .clutter && $0.after.isEmpty })
        #expect(document.blocks.filter { if case .removed = $0.content { true } else { false } }.count == 4)
    }

    @Test("keeps a sentence that merely mentions sharing")
    func sentenceIsNotClutter() {
        let document = run(ArtifactRemoval(), on: "2021年度发布信息416篇，阅读225344次，分享8372次。\n")
        #expect(document.edits.isEmpty)
    }
}

@Suite("GlyphRepair")
struct GlyphRepairTests {
    let vocabulary = ["上年结转政府信息公开申请数量", "无正当理由大量反复申请", "本年度办理结果"]

    @Test("repairs Ξ, for 二、 at the start of a cell")
    func xi() {
        let document = run(GlyphRepair(vocabulary: vocabulary), on: "-,\t本年新收\t0\t0\nΞ,\t上年结转\t0\t0\n")
        #expect(document.text.hasPrefix("一、\t本年新收\t0\t0\n二、\t上年结转"))
        #expect(document.edits.map(\.before) == ["-,", "Ξ,"])
        #expect(document.edits.map(\.after) == ["一、", "二、"])
    }

    @Test("leaves -, alone when no neighbouring number continues the sequence")
    func dashAlone() {
        let document = run(GlyphRepair(vocabulary: vocabulary), on: "-,\t本年新收\t0\t0\n甲\t乙\t0\t0\n")
        #expect(document.edits.isEmpty)
    }

    @Test("repairs a word where the vocabulary supports the repaired form")
    func vocabularyWord() {
        let document = run(GlyphRepair(vocabulary: vocabulary), on: "4. 无正当理由大量及复申请\t0\t0\n言息公开申请数量\t0\t0\n")
        #expect(document.text.contains("大量反复申请"))
        #expect(document.text.contains("信息公开申请数量"))
        #expect(document.edits.allSatisfy { $0.kind == .glyph && $0.confidence >= 0.8 })
    }

    @Test("repairs 子 for 予 in the form's own words, and leaves 子 beside 以 in other text")
    func ziForYu() {
        let document = run(GlyphRepair(vocabulary: vocabulary + ["（一）予以公开", "（五）不予处理"]),
                           on: "（一）子以公开\t2\t0\n（五）不子处理\t0\t0\n通过电子以及纸质方式公开\n")
        #expect(document.text.contains("（一）予以公开"))
        #expect(document.text.contains("（五）不予处理"))
        #expect(document.text.contains("电子以及"))
    }

    @Test("repairs a character written alone in a cell from the cells above and below it")
    func verticalLabel() {
        let text = "三、本\t\t1. 甲\t0\n年\t\t2. 乙\t0\n度\t\t3. 丙\t0\nか\t\t4. 丁\t0\n理\t\t5. 戊\t0\n"
        let document = run(GlyphRepair(vocabulary: vocabulary), on: text)
        #expect(document.edits.map(\.after) == ["办"])
        #expect(document.edits.first?.line == 4)
    }

    @Test("changes nothing without supporting context")
    func noContext() {
        let document = run(GlyphRepair(vocabulary: []), on: "及复\n")
        #expect(document.edits.isEmpty)
        #expect(document.text == "及复")
    }
}

@Suite("HeadingNumberRepair")
struct HeadingNumberRepairTests {
    @Test("restores 4、 between 三、 and 五、 as 四、")
    func sectionNumber() {
        let text = "三、收到和处理政府信息公开申请情况\n正文。\n4、 政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n"
        let document = run(HeadingNumberRepair(), on: text)
        #expect(document.text.contains("四、政府信息公开行政复议"))
        #expect(!document.text.contains("4、"))
        #expect(document.edits.first?.before == "4、 ")
        #expect(document.edits.first?.after == "四、")
        #expect(document.edits.first?.line == 3)
    }

    @Test("restores （1） before （二） as （一）")
    func subsectionNumber() {
        let text = "一、总体情况\n（1） 认真做好主动公开。卫健局提高公开信息质量。\n（二）依法依规做好依申请公开。\n"
        let document = run(HeadingNumberRepair(), on: text)
        #expect(document.text.contains("（一）认真做好主动公开"))
    }

    @Test("keeps a genuine Arabic list as it is")
    func arabicList() {
        let text = "二、主要做法\n1、加强学习。\n2、完善制度。\n3、强化监督。\n三、存在问题\n"
        let document = run(HeadingNumberRepair(), on: text)
        #expect(document.edits.isEmpty)
    }

    @Test("drops a heading repeated right after itself")
    func repeatedHeading() {
        let document = run(HeadingNumberRepair(), on: "二、主动公开政府信息情况\n\n二、主动公开政府信息情况\n正文。\n")
        #expect(document.text == "二、主动公开政府信息情况\n正文。")
        #expect(document.edits.first?.kind == .duplicate)
        #expect(document.edits.first?.line == 3)
    }
}

@Suite("LineWrapRepair")
struct LineWrapRepairTests {
    @Test("removes a space a line break left between CJK characters")
    func cjkSpace() {
        let document = run(LineWrapRepair(), on: "坚持以习近平 新时代中国特色社会主义思想为指导，深入贯彻党的二十大 精神。\n")
        #expect(document.text == "坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神。")
        #expect(document.edits.map(\.before) == ["平 新", "大 精"])
    }

    @Test("keeps spaces next to digits and Latin letters")
    func digitSpaces() {
        let document = run(LineWrapRepair(), on: "金乡县卫生健康局 2023 年报告，共 0 0 件，见 PDF 文件。\n")
        #expect(document.edits.isEmpty)
    }

    @Test("keeps the spaces around the words an OCR printed for digits among a line's numbers")
    func ocrDigitSpaces() {
        for line in ["行政规范性文件 工 1 8", "】   工   工   0   3"] {
            let document = run(LineWrapRepair(), on: line + "\n")
            #expect(document.text == line)
            #expect(document.edits.isEmpty)
        }
    }

    @Test("keeps the spaces between a publisher's words for none among a line's numbers")
    func noneWordSpaces() {
        for line in ["1     1     1     无     3   2         无      无     1", "行政规范性文件   空   空   3"] {
            let document = run(LineWrapRepair(), on: line + "\n")
            #expect(document.text == line)
            #expect(document.edits.isEmpty)
        }
    }

    @Test("keeps the spaces between words for none and numbers printed with units or in full-width digits")
    func noneWordSpacesBesideUnits() {
        for line in [
            "一、本年新收政府信息公开申请数量   215件   7项   1件   无   19件   4项   246项",
            "行政处罚   268件   无   82件", "政府集中采购   无   594.19万元", "规章   ０   无   －３",
        ] {
            let document = run(LineWrapRepair(), on: line + "\n")
            #expect(document.text == line)
            #expect(document.edits.isEmpty)
        }
    }

    @Test("keeps the space after words for none glued to a label or a number: a crawler's rows on one line")
    func gluedNoneCellsSpace() {
        let line = "规章无无无 行政规范性文件4341 行政许可无 第二十条第（六）项 411无6无无 五、存在的主要问题"
        #expect(run(LineWrapRepair(), on: line + "\n").text == line)
        #expect(run(LineWrapRepair(), on: "（四）无 法提供\n").text == "（四）无法提供")
    }

    @Test("still joins a lone 工 of running text that no number follows")
    func loneCharacterOfText() {
        let document = run(LineWrapRepair(), on: "开展农产品深加 工 的调查\n")
        #expect(document.text == "开展农产品深加工的调查")
    }

    @Test("joins lines that a page wrapped, but not headings or numbers")
    func joinsWrappedLines() {
        let wrapped = [
            "本年度我局认真贯彻落实政府信息公开条例各项要求，持续推进",
            "政务公开标准化规范化建设，切实保障人民群众的知情权参与权",
            "和监督权，取得了较好的成效。",
            "一、总体情况",
            "我局严格落实信息发布审核制度，坚持先审后发的原则，确保发布",
            "的信息准确规范，全年共发布各类信息一百余条，没有出现差错。",
            "二、主动公开政府信息情况",
            "本年度共制发规范性文件三件，废止规范性文件一件，现行有效件数",
            "12件，均已按规定在政府门户网站公开发布并同步做好政策解读。",
        ].joined(separator: "\n")
        let document = run(LineWrapRepair(), on: wrapped)
        let paragraphs = document.blocks.map(\.text)
        #expect(paragraphs.count == 5)
        #expect(paragraphs[0].hasSuffix("取得了较好的成效。"))
        #expect(paragraphs[1] == "一、总体情况")
        #expect(document.edits.filter { $0.kind == .join }.count == 4)
    }
}

@Suite("PinyinRemoval")
struct PinyinRemovalTests {
    @Test("removes the pinyin after each character of a label, in prose and in table cells, and records each removal")
    func removesAnnotations() {
        let document = run(PinyinRemoval(), on: "規(guī)章(zhāng)\t0\t3\n行(xíng)政(zhèng)許(xǔ)可(kě)\t12\t5\n")
        let grid = firstGrid(document)
        #expect(grid?.rows.map { $0.map(\.text) } == [["規章", "0", "3"], ["行政許可", "12", "5"]])
        #expect(document.edits.map(\.before) == ["(guī)", "(zhāng)", "(xíng)", "(zhèng)", "(xǔ)", "(kě)"])
        #expect(document.edits.allSatisfy { $0.kind == .artifact && $0.after.isEmpty })
    }

    @Test("runs before the run-on line split, so that a crawler's line is cut at list numbers printed with pinyin")
    func runsBeforeRunOnSplit() {
        let filler = String(repeating: "本机关认真落实条例要求，做好政府信息公开工作。", count: 14)
        let text = "一(yī)、总(zǒng)体(tǐ)情(qíng)况(kuàng)" + filler
            + "三(sān)、本(běn)年(nián)度(dù)办(bàn)理(lǐ)结(jié)果(guǒ)（一(yī)）予(yǔ)以(yǐ)公(gōng)开(kāi)6000006 "
            + "（二(èr)）部(bù)分(fēn)公(gōng)开(kāi)0000000\n"
        let passes = CleanupPipeline.standard().passes.filter { $0 is PinyinRemoval || $0 is RunOnLineSplit }
        let document = CleanupPipeline(passes: passes).apply(to: TestDocuments.document(text))
        #expect(document.blocks.map(\.text).suffix(2) == ["（一）予以公开6000006", "（二）部分公开0000000"])
    }

    @Test("on a page in pinyin mode, removes the annotations an OCR damaged, at a line's start too, and keeps digits alone")
    func removesDamagedAnnotationsInPinyinMode() {
        let page = String(repeating: "規(guī)章(zhāng)行(xíng)政(zhèng)許(xǔ)可(kě)\n", count: 5)
        let text = page + "(fi)信(xin)息(xD)公(g5ng)开(kai)申(shen)请(qifng)数  12  (2021)\n"
        let document = run(PinyinRemoval(), on: text)
        #expect(document.text.hasSuffix("信息公开申请数  12  (2021)"))
        #expect(document.edits.map(\.before).suffix(3) == ["(fi)", "(xD)", "(g5ng)"])
    }

    @Test("leaves damaged-looking brackets alone on a page not in pinyin mode")
    func keepsDamagedLookingBracketsOutsidePinyinMode() {
        let text = "規(guī)章(zhāng)\n信息(xD)公开(g5ng)\n"
        #expect(run(PinyinRemoval(), on: text).text == "規章\n信息(xD)公开(g5ng)")
    }

    @Test("leaves brackets that hold no pinyin, digits or tone numbers alone")
    func leavesOtherBrackets() {
        let text = "其中修订(9件)，申请(gui1)，Word(docx)，行政许可(2021)\n"
        let document = run(PinyinRemoval(), on: text)
        #expect(document.text + "\n" == text)
        #expect(document.edits.isEmpty)
    }
}

@Suite("LineWrapRepair one character per line")
struct SingleCharacterLineTests {
    @Test("joins a word written one character per line (BeautifulSoup on ruby text) and records each join")
    func joinsCharacters() {
        let document = run(LineWrapRepair(), on: "規\n章\n0\n行\n政\n許\n可\n12\n")
        #expect(document.blocks.map(\.text) == ["規章", "0", "行政許可", "12"])
        #expect(document.edits.map(\.after) == ["規章", "行政", "政許", "許可"])
        #expect(document.edits.allSatisfy { $0.kind == .join })
    }

    @Test("leaves a lone character and a digit line alone")
    func leavesLoneCharacters() {
        let document = run(LineWrapRepair(), on: "无\n\n有\n3\n")
        #expect(document.blocks.map(\.text) == ["无", "有", "3"])
        #expect(document.edits.isEmpty)
    }
}
