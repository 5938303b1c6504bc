/// What a line of a report is by its shape alone: a heading, a section heading, a
/// caption, a sentence. One classifier for readers, cleanup and reconstruction; what a
/// line means for a given table (its heading, one of its labels) is identification's.
public enum LineRole {
    /// A short line that opens with a list number (`三、`, `（二）`, `4、`, not `1.`) and is
    /// not a sentence: a heading or a numbered item.
    public static func isHeading(_ text: String) -> Bool {
        guard let marker = ListMarker(parsing: text[...]), marker.style != .arabicDot else { return false }
        let body = text.dropFirst(marker.length + marker.trailingSpace)
        guard !body.isEmpty, text.count <= 40 else { return false }
        return !body.dropLast().contains { "。；！？".contains($0) }
    }

    /// A heading that opens a section of running text rather than a label cut from a
    /// table row: a list number followed by more than a few words.
    public static func opensSection(_ text: String) -> Bool {
        guard isHeading(text), let marker = ListMarker(parsing: text[...]) else { return false }
        return text.count - marker.length - marker.trailingSpace > 10
    }

    /// A top-level section number (`五、`, `5、`) with a title of four letters or more:
    /// it ends the section before it. A fragment such as `三、本年` is not one.
    public static func isSectionNumbered(_ text: String) -> Bool {
        guard let marker = ListMarker(parsing: text.trimmingSpaces[...]), LabelLetters.of(text).count >= 4 else {
            return false
        }
        return marker.style == .chineseComma || marker.style == .arabicComma
    }

    /// A sentence: running text with a full stop.
    public static func isSentence(_ text: String) -> Bool { text.containsText("。") && text.includes("。") }

    /// Running text, perhaps a piece of a sentence a layout wrapped: a full stop, or a
    /// comma or semicolon outside brackets (a label's note in brackets may have commas:
    /// `部分公开（区分处理的，只计这一情形）`).
    public static func isProse(_ text: String) -> Bool {
        // The marks are characters of one scalar: read by scalars when those are the characters.
        text.eachScalarIsACharacter ? isProse(marks: text.unicodeScalars) : isProse(marks: text)
    }

    /// ``isProse(_:)`` over the text's characters, or its scalars when each is a character.
    static func isProse<Marks: Sequence>(marks: Marks) -> Bool
    where Marks.Element: Equatable & ExpressibleByUnicodeScalarLiteral {
        var depth = 0
        for mark in marks {
            switch mark {
            case "。": return true
            case "（", "(": depth += 1
            case "）", ")": depth = max(0, depth - 1)
            case "，" where depth == 0, "；" where depth == 0: return true
            default: continue
            }
        }
        return false
    }

    /// A line that introduces a table or figure: `表2 …`, `表三`, `表一：主动公开…`.
    public static func isCaption(_ text: String) -> Bool { text.trimmingSpaces.hasPrefix("表") }

    /// A rule drawn between a table's lines and kept as a line of text (pandoc's plain
    /// tables, `-------- ------`; a markdown rule no table claimed): a run of four dashes at
    /// least, and nothing but dashes, bars, crosses and spaces. Never a row of none marks
    /// (`- - -`, `-- --`), whose dashes are short.
    public static func isDrawnRule(_ text: String) -> Bool {
        var run = 0
        var longest = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "-", "=", "─", "━", "═":
                run += 1
                longest = max(longest, run)
            case "+", "|", " ", "\t":
                run = 0
            default:
                return false
            }
        }
        return longest >= 4
    }

    /// A line that names a table or figure and nothing more (`表三`, `表2`, `图1`): a
    /// picture's alt text as a text browser prints it.
    public static func isPictureName(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces
        guard let first = trimmed.first, first == "表" || first == "图", trimmed.count <= 6 else { return false }
        return trimmed.dropFirst().allSatisfy { $0.isNumber || ChineseNumeral.listValue(String($0)) != nil || $0 == " " }
    }

    /// A report's title: a line naming a (yearly) report, also with its last character
    /// lost to OCR or a page's edge (`…政府信息公开工作年度报`), or a disclosure report named
    /// without 年度 or 工作 (`…2017年政务信息公开报告`). Never a sentence (`上一年度报告中提出的
    /// 问题，已…整改到位`) or the national format's name (`…工作年度报告格式〉的通知》`).
    public static func isTitle(_ text: String) -> Bool {
        // Every such name has 报: a line without its bytes is turned away unread.
        guard text.containsText("报") else { return false }
        let compact = text.filter { !$0.isWhitespace }
        // Marks before the name are a field's OCR'd (`名 ， 称: …年度报告`); after it, a sentence's.
        guard let name = compact.firstIndex(of: "报"), !compact[name...].contains(where: { titleNeverHas.contains($0) }),
            !compact.contains("报告格式")
        else { return false }
        return compact.contains("年度报告") || compact.contains("工作报告")
            || (compact.contains("年报") && YearText.first(in: text) != nil)
            || (compact.hasSuffix("年度报") && compact.contains("政府信息公开"))
            || (compact.hasSuffix("信息公开报告") && YearText.first(in: text) != nil)
    }

    /// Marks of a sentence, which no title has after its report's name.
    static let titleNeverHas: Set<Character> = ["，", "。", "；"]
}
