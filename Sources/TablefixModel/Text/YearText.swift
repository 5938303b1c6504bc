/// Years as reports write them in running text: `2023年`, `2023 年度`.
public enum YearText {
    /// The first four-digit year (1990–2100) in `line` that 年 or 度 follows, and the text
    /// before it: `金乡县卫生健康局 2023 年…` → (`金乡县卫生健康局 `, 2023).
    public static func first(in line: String) -> (before: String, year: Int)? {
        let chars = Array(line)
        var index = 0
        while index + 4 <= chars.count {
            let window = String(chars[index..<index + 4])
            let followed = chars[(index + 4)...].first { $0 != " " }
            let precededByDigit = index > 0 && chars[index - 1].isNumber
            if let year = Int(window), (1990...2100).contains(year), window.allSatisfy(\.isASCII), !precededByDigit,
                followed == "年" || followed == "度"
            {
                return (String(chars[..<index]), year)
            }
            index += 1
        }
        return nil
    }
}
