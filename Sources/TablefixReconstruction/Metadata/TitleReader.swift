import TablefixModel

/// Reads the issuing body and the report year from a report's title and opening lines.
///
/// The title is the first short line that names a report (…年度报告); the year is the
/// four-digit year in it, the body the words before the year, or the short line above
/// when the title starts with the year. Without a title, the statistics period
/// (统计期限自2023年1月1日) gives the year.
struct TitleReader {
    func read(_ document: Document) -> (body: String?, year: Int?) {
        let lines = document.blocks.prefix(40).compactMap { block -> String? in
            guard block.textLines != nil else { return nil }
            let text = block.text.trimmingSpaces
            return text.isEmpty ? nil : text
        }
        for (index, line) in lines.prefix(15).enumerated() where line.count <= 80 && isTitle(line) {
            let (before, year) = Self.splitAtYear(line)
            var body = before.map(Self.cleanBody)
            if body?.isEmpty ?? true, index > 0, lines[index - 1].count <= 30, !lines[index - 1].contains(where: \.isNumber) {
                body = Self.cleanBody(lines[index - 1])
            }
            if let year { return (body?.isEmpty == false ? body : nil, year) }
            return (body?.isEmpty == false ? body : nil, Self.periodYear(in: lines))
        }
        return (nil, Self.periodYear(in: lines))
    }

    func isTitle(_ line: String) -> Bool {
        line.contains("年度报告") || line.contains("工作报告") || line.contains("年报")
    }

    /// The text before the first year in `line` (`金乡县卫生健康局 2023 年…`), and the year.
    static func splitAtYear(_ line: String) -> (String?, Int?) {
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
        return (nil, nil)
    }

    static func cleanBody(_ text: String) -> String {
        var body = text.trimmingSpaces
        for prefix in ["关于"] where body.hasPrefix(prefix) { body.removeFirst(prefix.count) }
        while let last = body.last, !last.isCJK, !last.isLetter { body.removeLast() }
        while let first = body.first, !first.isCJK, !first.isLetter { body.removeFirst() }
        return body
    }

    /// The year of the statistics period: `…自2023年1月1日…`.
    static func periodYear(in lines: [String]) -> Int? {
        for line in lines {
            guard let range = line.firstRange(of: "1月1日") else { continue }
            let before = Array(line[..<range.lowerBound])
            guard before.count >= 5, before.last == "年" else { continue }
            if let year = Int(String(before[(before.count - 5)..<(before.count - 1)])), (1990...2100).contains(year) {
                return year
            }
        }
        return nil
    }
}
