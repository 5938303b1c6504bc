/// Years as reports write them in running text: `2023年`, `2023 年度`.
public enum YearText {
    /// The first four-digit year (1990–2100) in `line` that 年 or 度 follows, and the text
    /// before it: `金乡县卫生健康局 2023 年…` → (`金乡县卫生健康局 `, 2023).
    public static func first(in line: String) -> (before: String, year: Int)? {
        all(in: line).first
    }

    /// Every such year in `line`, in order, with the text before each.
    public static func all(in line: String) -> [(before: String, year: Int)] {
        years(in: line) { $0 == "年" || $0 == "度" }
    }

    /// The first year in a title: as in running text, or with a word straight after it
    /// (`柘城县发改委2017政府信息公开工作年度报告`).
    public static func first(inTitle line: String) -> (before: String, year: Int)? {
        years(in: line) { $0 == "年" || $0 == "度" || $0.isCJK }.first
    }

    /// The four-digit years (1990–2100), not part of a longer number, that a character
    /// `follows` accepts comes after (spaces skipped).
    static func years(in line: String, follows: (Character) -> Bool) -> [(before: String, year: Int)] {
        let chars = Array(line)
        var found: [(before: String, year: Int)] = []
        var index = 0
        while index + 4 <= chars.count {
            let window = String(chars[index..<index + 4])
            let followed = chars[(index + 4)...].first { $0 != " " }
            let precededByDigit = index > 0 && chars[index - 1].isNumber
            if let year = Int(window), (1990...2100).contains(year), window.allSatisfy(\.isASCII), !precededByDigit,
                let followed, follows(followed)
            {
                found.append((String(chars[..<index]), year))
                index += 4
            } else {
                index += 1
            }
        }
        return found
    }
}
