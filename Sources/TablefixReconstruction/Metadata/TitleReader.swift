import TablefixModel

/// Reads the issuing body and the report year from a report's title and opening lines.
///
/// The title is the first short line that names a report (…年度报告), one that names
/// 信息公开 first (a web page's navigation names other reports: 政府工作报告), links left
/// out; the year is the four-digit year in it, the body the words before the year, or the
/// short line above when the title starts with the year. Without a year in the title, the
/// statistics period (统计期限自2023年1月1日) gives it, or else the year the opening lines
/// write most often (twice at least). A title broken after its body and year
/// (`平潭综合实验区2018年度` / `政府信息公开工作年度报告`) gives both from its first line.
/// Without a title that names it, the body is the one the title the file declares names
/// (an HTML page's `<title>`, a DOCX's `dc:title`), else the one the page or the preamble
/// names (``BodyStatements``), else the one that signs the report above its date at the
/// end (``signedBody(in:)``).
struct TitleReader {
    /// How far into a document its title may stand: a web page's navigation comes first.
    static let openingBlocks = 150
    static let titleLines = 120
    /// The most characters of a title a page width puts on a line of their own (`工作年度报告`).
    static let brokenTitleTail = 6

    func read(_ document: Document) -> (body: String?, year: Int?) {
        var lines = document.blocks.prefix(Self.openingBlocks).flatMap { block -> [String] in
            if case .table(let grid) = block.content { return Self.rowLines(of: grid) }
            guard block.textLines != nil else { return [] }
            let text = block.text.trimmingSpaces
            return text.isEmpty ? [] : [text]
        }
        // A title that a page width broke before its last words (`…年度报` / `告`,
        // `…2017 年政府信息公开工作` / `年度报告`).
        // (Lengths are asked by dropping characters: a long line is not counted to its end.)
        for index in lines.indices.dropLast() where lines[index + 1].dropFirst(Self.brokenTitleTail).isEmpty
            && !lines[index].contains("。")
            && !isTitle(lines[index]) && isTitle(lines[index] + lines[index + 1])
        {
            lines[index] += lines[index + 1]
        }
        let found = lines.prefix(Self.titleLines).enumerated().filter { _, line in
            line.dropFirst(80).isEmpty && isTitle(line) && !line.contains("](") && !line.contains("http")
        }
        let titles = found.filter { Self.namesDisclosure($0.element) } + found.filter { !Self.namesDisclosure($0.element) }
        let declared = document.declaredTitle.flatMap(Self.declaredBodyAndYear)
        // What names the body when the title does not: the title the file declares, the
        // page's or preamble's statement, the signature at the end.
        let otherwise = { (lines: [String]) in
            declared?.body ?? BodyStatements.body(in: lines) ?? Self.signedBody(in: document)
        }
        // A title with its year first; page furniture (名称：…, breadcrumbs) is stripped.
        for (index, line) in titles {
            let title = Self.withoutFieldName(line)
            let (before, year) = Self.splitAtYear(title)
            guard let year else { continue }
            var body = before.map(Self.cleanBody) ?? ""
            if body.isEmpty, index > 0 { body = Self.bodyLine(lines[index - 1]) ?? "" }
            return (body.isEmpty ? otherwise(Array(lines.prefix(Self.titleLines))) : body, year)
        }
        if let (index, line) = titles.first {
            let title = Self.withoutFieldName(line)
            // Digits before the name are a year it could not read (`201 4年度`), no body.
            let named = String(title[..<(title.firstRange(of: "政府信息公开")?.lowerBound ?? title.endIndex)])
            let body = named.contains(where: \.isNumber) ? "" : Self.cleanBody(named)
            // A title broken after its body and year (`平潭综合实验区2018年度` / `政府信息公开工作年度报告`).
            let aboveWithYear = index > 0 ? Self.bodyAndYearLine(lines[index - 1]) : nil
            let above = index > 0 ? Self.bodyLine(lines[index - 1]) ?? aboveWithYear?.body : nil
            return (body.isEmpty ? above ?? otherwise(lines) : body,
                    aboveWithYear?.year ?? Self.periodYear(in: lines) ?? Self.frequentYear(in: lines) ?? declared?.year)
        }
        return (otherwise(Array(lines.prefix(Self.titleLines))),
                Self.periodYear(in: lines) ?? Self.frequentYear(in: lines) ?? declared?.year)
    }

    /// The body and year a file's declared title names (`平潭综合实验区2012年政府信息公开工作年度报告_政府信息公开年报_…`):
    /// the words before its year; nil when it is no report's title or names no year.
    static func declaredBodyAndYear(_ title: String) -> (body: String?, year: Int)? {
        guard LineRole.isTitle(title) else { return nil }
        let (before, year) = splitAtYear(withoutFieldName(title))
        guard let year else { return nil }
        let body = before.map(cleanBody) ?? ""
        return (body.isEmpty ? nil : body, year)
    }

    /// A short line of a body and a year only (`平潭综合实验区2018年度`): the first part of a
    /// title a page width broke.
    static func bodyAndYearLine(_ line: String) -> (body: String, year: Int)? {
        guard line.dropFirst(longestBodyLine).isEmpty, let (before, year) = YearText.first(inTitle: line) else { return nil }
        let after = line.filter { !$0.isWhitespace }.split(separator: String(year), maxSplits: 1).last ?? ""
        guard ["年", "年度"].contains(String(after)), let body = bodyLine(before) else { return nil }
        return (body, year)
    }

    /// How many of a document's last lines its signature may stand in: after it come a
    /// page's footer and links. Never more than its second half: a byline under a title
    /// (`平潭综合实验区管委会办公室` / `二〇一三年一月`) names the office that wrote it.
    static let closingLines = 60

    /// The body that signs the report at its end: a short line naming it right above the
    /// report's date (`柘城县人民法院` / `2018年2月13日`), the last such pair among the
    /// document's closing lines; nil when there is none.
    static func signedBody(in document: Document) -> String? {
        let total = document.blocks.reduce(0) { $0 + ($1.textLines?.count ?? 0) }
        let reach = min(closingLines, total / 2)
        var lines: [String] = []
        var seen = 0
        for block in document.blocks.reversed() where seen < reach {
            for line in (block.textLines ?? []).reversed() where seen < reach {
                seen += 1
                let text = line.text.trimmingSpaces
                if !text.isEmpty { lines.append(text) }
            }
        }
        for (index, line) in lines.enumerated() where index + 1 < lines.count && isDateLine(line) {
            if let body = bodyLine(lines[index + 1]), !LineRole.isTitle(body), body.count >= 4 { return body }
        }
        return nil
    }

    /// Whether `line` is a date alone (`2018年2月13日`, `2023年1月21 日`, `二〇一三年一月`).
    static func isDateLine(_ line: String) -> Bool {
        let compact = line.filter { !$0.isWhitespace }
        guard let year = compact.firstIndex(of: "年"), compact.distance(from: compact.startIndex, to: year) == 4,
            compact.hasSuffix("日") || compact.hasSuffix("月")
        else { return false }
        return compact.allSatisfy { $0.isASCII ? $0.isNumber : "〇零一二三四五六七八九十年月日".contains($0) }
    }

    static func namesDisclosure(_ line: String) -> Bool { line.contains("信息公开") }

    /// A table's rows as lines, cells apart by tabs, a merged cell's text once: a page or a
    /// DOCX that lays the whole report out in a table holds its title, metadata box
    /// (`发布机构：` | body) and preamble in cells.
    static func rowLines(of grid: Grid) -> [String] {
        grid.rows.compactMap { row in
            let cells = row.indices.compactMap { index -> String? in
                let text = row[index].text.trimmingSpaces
                return text.isEmpty || (index > 0 && row[index - 1].text.trimmingSpaces == text) ? nil : text
            }
            return cells.isEmpty ? nil : cells.joined(separator: "\t")
        }
    }

    /// The year the opening lines write most often as `2017年`, when they write it twice
    /// or more and no other year as often.
    static func frequentYear(in lines: [String]) -> Int? {
        var counts: [Int: Int] = [:]
        for line in lines.prefix(titleLines) { for (_, year) in YearText.all(in: line) { counts[year, default: 0] += 1 } }
        let ranked = counts.sorted { $0.value > $1.value }
        guard let top = ranked.first, top.value >= 2, ranked.dropFirst().first?.value != top.value else { return nil }
        return top.key
    }

    func isTitle(_ line: String) -> Bool { LineRole.isTitle(line) }

    /// `名    称： 平阴县…` → `平阴县…`: the field name a page's metadata box puts before it,
    /// its colon perhaps read by an OCR as a semicolon (`名称; 平阴县…`).
    static func withoutFieldName(_ line: String) -> String {
        guard let colon = line.firstIndex(where: fieldNameEnds.contains) else { return line }
        let name = line[..<colon].filter { !$0.isWhitespace }
        return name.count <= 4 ? String(line[line.index(after: colon)...]).trimmingSpaces : line
    }

    /// What ends a field's name: a colon, or the semicolon an OCR reads one as.
    static let fieldNameEnds: Set<Character> = ["：", ":", "；", ";"]

    /// The most characters of a line that names a body.
    static let longestBodyLine = 30

    /// A short line above a title that names a body: no digits, no sentence.
    static func bodyLine(_ line: String) -> String? {
        guard line.dropFirst(longestBodyLine).isEmpty, !line.contains(where: \.isNumber), !line.contains("。") else { return nil }
        let body = cleanBody(line)
        return body.isEmpty ? nil : body
    }

    /// The text before the first year in `line` (`金乡县卫生健康局 2023 年…`), and the year.
    static func splitAtYear(_ line: String) -> (String?, Int?) {
        guard let (before, year) = YearText.first(inTitle: line) else { return (nil, nil) }
        return (before, year)
    }

    static func cleanBody(_ text: String) -> String {
        var body = text.trimmingSpaces
        for prefix in ["关于"] where body.hasPrefix(prefix) { body.removeFirst(prefix.count) }
        while let last = body.last, !last.isCJK, !last.isLetter { body.removeLast() }
        while let first = body.first, !first.isCJK, !first.isLetter { body.removeFirst() }
        return body
    }

    /// The year of the statistics period: `…自2023年1月1日…`, across a line break, the
    /// day's `日` perhaps OCR'd away (`1月1L日`).
    static func periodYear(in lines: [String]) -> Int? {
        let text = lines.joined().filter { !$0.isWhitespace }
        var rest = text[...]
        while let range = rest.firstRange(of: "年1月1") {
            defer { rest = rest[range.upperBound...] }
            guard rest[range.upperBound...].first?.isNumber != true else { continue }
            let before = Array(rest[..<range.lowerBound].suffix(4))
            if before.count == 4, before.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(String(before)),
                (1990...2100).contains(year)
            {
                return year
            }
        }
        return nil
    }
}
