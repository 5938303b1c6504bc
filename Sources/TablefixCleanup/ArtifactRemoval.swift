public import TablefixModel

/// Removes what extraction and scraping left behind: `[bookmark: …]` anchors, markdown
/// `**bold**` marks, reStructuredText directive markers (`.. rubric:: `), inline HTML tags (`<span …>`), and blocks of pasted web-page clutter (索引号, 发布机构, 成文日期,
/// 发布日期, 浏览次数, 分享 …), site navigation (`首页 政务公开 …`, `当前位置：…`), page widgets
/// (`【打印本页】【关闭窗口】`), the footer (the ICP licence line) and a PDF's page numbers between its
/// pages (`— 4 —`, `第 4 页`), from text, HTML and DOCX alike.
///
/// Removed text is kept: clutter blocks stay in the document as `removed` blocks, and
/// every removal is an edit. Table rows of the report are never taken for clutter.
public struct ArtifactRemoval: CleanupPass {
    public init() {}

    public func apply(to document: inout Document) {
        var edits: [Edit] = []
        document.rewriteText(includingCells: true) { text, line in
            // Bytes first: most lines hold none of the characters these artifacts need.
            guard text.holdsByte(where: Self.isArtifactByte) else { return }
            if text.holdsByte(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }),
                text.contains("<") || text.contains(">")
            {
                let tags = Self.htmlTags(in: text)
                edits += tags.map { Edit(kind: .artifact, before: String(text[$0]), after: "", line: line, confidence: ConfidencePolicy.standard.editArtifact) }
                for range in tags.reversed() { text.replaceSubrange(range, with: Self.separator(in: text, around: range)) }
            }
            if text.containsText("]{"), text.contains("]{") {
                // Each span is two removals: its opening bracket, and its closing one with the
                // attributes (which may hold digits: `font-size:10.5pt`).
                let spans = Self.bracketedSpans(in: text)
                for (span, inner, _) in spans {
                    edits.append(Edit(kind: .artifact, before: "[", after: "", line: line, confidence: ConfidencePolicy.standard.editArtifact))
                    edits.append(Edit(kind: .artifact, before: String(span.dropFirst(inner.count + 1)), after: "", line: line,
                                      confidence: ConfidencePolicy.standard.editArtifact))
                }
                for (_, inner, range) in spans.reversed() { text.replaceSubrange(range, with: inner) }
            }
            if let marker = Self.directiveMarker(in: text) {
                edits.append(Edit(kind: .artifact, before: String(text[marker]), after: "", line: line,
                                  confidence: ConfidencePolicy.standard.editArtifact))
                text.removeSubrange(marker)
            }
            guard text.containsText("[bookmark:") || text.containsText("**") else { return }
            for (marker, removal) in Self.inlineArtifacts(in: text) {
                edits.append(Edit(kind: .artifact, before: marker, after: removal, line: line, confidence: ConfidencePolicy.standard.editArtifact))
            }
            text = Self.removingInlineArtifacts(text)
        }
        document.edits += edits
        removeClutter(from: &document)
    }

    // MARK: Inline artifacts

    /// Whether `byte` is one every inline artifact holds one of: a tag's `<` or `>`, a
    /// bracketed span's `]`, a directive's or a bookmark's `:`, bold's `*`.
    static func isArtifactByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "]"), UInt8(ascii: ":"), UInt8(ascii: "*"): true
        default: false
        }
    }

    /// Each artifact in `text` and what replaces it: `[bookmark: x]` → nothing,
    /// `**x**` → `x`.
    static func inlineArtifacts(in text: String) -> [(String, String)] {
        var found: [(String, String)] = []
        var rest = text[...]
        while let open = rest.firstRange(of: "[bookmark:") {
            guard let close = rest[open.upperBound...].firstIndex(of: "]") else { break }
            found.append((String(rest[open.lowerBound...close]), ""))
            rest = rest[rest.index(after: close)...]
        }
        rest = text[...]
        while let open = rest.firstRange(of: "**") {
            guard let close = rest[open.upperBound...].firstRange(of: "**") else { break }
            let inner = rest[open.upperBound..<close.lowerBound]
            if !inner.isEmpty, !inner.contains("\n") {
                found.append(("**\(inner)**", String(inner)))
            }
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// A reStructuredText directive's marker opening a line, `.. rubric:: ` (pandoc's rst
    /// writer puts a page's heading in one), its argument left as the line's text; nil for
    /// any other line.
    static func directiveMarker(in text: String) -> Range<String.Index>? {
        guard text.containsText(":: ") || text.hasSuffix("::") else { return nil }
        let start = text.firstIndex { $0 != " " } ?? text.endIndex
        guard text[start...].hasPrefix(".. "), let colons = text[start...].firstRange(of: "::") else { return nil }
        let name = text[text.index(start, offsetBy: 3)..<colons.lowerBound]
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) else { return nil }
        let end = text[colons.upperBound...].first == " " ? text.index(after: colons.upperBound) : colons.upperBound
        return start..<end
    }

    static func removingInlineArtifacts(_ text: String) -> String {
        var result = text
        while let open = result.firstRange(of: "[bookmark:"),
            let close = result[open.upperBound...].firstIndex(of: "]")
        {
            result.replaceSubrange(open.lowerBound...close, with: separator(in: result, around: open.lowerBound..<result.index(after: close)))
        }
        var output = ""
        var rest = result[...]
        while let open = rest.firstRange(of: "**"), let close = rest[open.upperBound...].firstRange(of: "**"),
            !rest[open.upperBound..<close.lowerBound].isEmpty
        {
            output += rest[..<open.lowerBound]
            output += separator(in: result, around: open)
            output += rest[open.upperBound..<close.lowerBound]
            output += separator(in: result, around: close)
            rest = rest[close.upperBound...]
        }
        output += rest
        return output
    }

    // MARK: HTML left in text

    /// Inline HTML tags that converters leave in text and table cells (`<span style=…>87</span>`).
    static let inlineTagNames: Set<String> = [
        "span", "font", "b", "i", "u", "s", "strong", "em", "br", "p", "div", "sup", "sub", "a", "small", "big",
        "o:p", "del", "ins", "mark", "strike", "center",
    ]

    /// The ranges of inline HTML tags in one line of text, in order: whole tags, a tag cut
    /// at the line's end (`**<span`), and the attributes of a tag cut at its start
    /// (`style="…">`). Anything else with `<` in it (`<2`, `a < b`) stays.
    static func htmlTags(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var index = text.startIndex
        if let close = text.firstIndex(of: ">"), isAttributeTail(text[..<close]) {
            ranges.append(text.startIndex..<text.index(after: close))
            index = text.index(after: close)
        }
        while let open = text[index...].firstIndex(of: "<") {
            var nameStart = text.index(after: open)
            if nameStart < text.endIndex, text[nameStart] == "/" { nameStart = text.index(after: nameStart) }
            let name = text[nameStart...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ":") }
            let nameEnd = text.index(nameStart, offsetBy: name.count)
            let boundary = nameEnd == text.endIndex || [" ", ">", "/", "\n"].contains(text[nameEnd])
            guard inlineTagNames.contains(name.lowercased()), boundary else {
                index = text.index(after: open)
                continue
            }
            let rest = text[nameEnd...]
            if let close = rest.firstIndex(where: { $0 == ">" || $0 == "<" }), text[close] == ">" {
                ranges.append(open..<text.index(after: close))
                index = text.index(after: close)
            } else if !rest.contains("<") {
                ranges.append(open..<text.endIndex)
                break
            } else {
                index = text.index(after: open)
            }
        }
        return ranges
    }

    /// Pandoc's bracketed spans, `[三、收到…]{style="…"}`: each span, its text, and where it is.
    static func bracketedSpans(in text: String) -> [(String, String, Range<String.Index>)] {
        var spans: [(String, String, Range<String.Index>)] = []
        var rest = text[...]
        while let marker = rest.firstRange(of: "]{") {
            guard let open = rest[..<marker.lowerBound].lastIndex(of: "["),
                let close = rest[marker.upperBound...].firstIndex(of: "}")
            else {
                rest = rest[marker.upperBound...]
                continue
            }
            let range = open..<text.index(after: close)
            spans.append((String(text[range]), String(text[text.index(after: open)..<marker.lowerBound]), range))
            rest = text[range.upperBound...]
        }
        return spans
    }

    /// `style="font-family:黑体;"` (and `/`): attributes and nothing else.
    static func isAttributeTail(_ text: Substring) -> Bool {
        var rest = text.drop { $0 == " " }
        var pairs = 0
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals]
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-" || $0 == ":") }) else { return false }
            let value = rest[rest.index(after: equals)...]
            guard value.first == "\"", let end = value.dropFirst().firstIndex(of: "\"") else { return false }
            rest = value[value.index(after: end)...].drop { $0 == " " }
            pairs += 1
        }
        return pairs > 0 && (rest.isEmpty || rest == "/")
    }

    /// A space where removing `range` would glue two numbers together, else nothing.
    static func separator(in text: String, around range: Range<String.Index>) -> String {
        let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
        let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
        return before?.isNumber == true && after?.isNumber == true ? " " : ""
    }

    // MARK: Web-page clutter

    /// Field names of the metadata box that government sites put above an article.
    static let clutterFields = [
        "索引号", "发布机构", "成文日期", "发布日期", "废止日期", "有效性", "组配分类", "公开方式", "浏览次数",
        "访问量", "点击数", "信息来源", "主题分类", "生成日期", "所属机构", "发文机关", "发文字号", "体裁分类",
        "公开时间", "公开范围", "公开形式", "文号", "来源", "时效", "发布时间", "信息分类", "内容分类",
    ]
    /// Page widgets: share and print links, font-size switches.
    static let widgetWords = [
        "打印本页", "关闭窗口", "打印此页", "关闭本页", "加入收藏", "设为首页", "返回首页", "分享", "打印", "关闭",
        "收藏", "字号", "【大】", "【中】", "【小】", "返回顶部", "扫一扫",
    ]
    /// Words that open a breadcrumb line (`当前位置：首页 > 政务公开 > …`).
    static let breadcrumbOpenings = ["当前位置", "您现在的位置", "您的位置", "现在位置", "所在位置"]
    /// Words of a site's footer: the ICP licence, the police filing, the copyright.
    static let footerWords = ["ICP备", "ICP证", "网站标识码", "公网安备", "版权所有", "Copyright", "©"]
    /// The entry every site navigation bar starts with.
    static let navigationHome = "首页"

    /// The first characters of the field names.
    static let fieldInitials = Set(clutterFields.compactMap(\.first))
    /// The field names, for looking a cell up.
    static let clutterFieldSet = Set(clutterFields)
    /// Characters a widget line may hold around its words.
    static let widgetDecoration: Set<Character> = Set("<>|【】[]·")
    /// ``widgetDecoration``'s scalars (each is a character of one scalar).
    static let widgetDecorationScalars: [Unicode.Scalar] = widgetDecoration.flatMap(\.unicodeScalars)
    /// The longest widget line, in characters other than white space and decoration.
    static let longestWidgetLine = 12

    /// Whether one line of text is a metadata field or a page widget.
    static func isClutterLine(_ raw: String) -> Bool {
        guard raw.utf8.count <= 400 else { return false }
        let text = raw.trimmingSpaces
        // The stop's bytes first: counting a long line's characters is the dearer question.
        guard !text.containsText("。"), let initial = text.first, text.utf8.count <= 80 || text.count <= 80 else {
            return false
        }
        if fieldInitials.contains(initial) {
            for field in clutterFields where text.hasPrefix(field) {
                guard let next = text.dropFirst(field.count).first else { return true }
                if [":", "：", " ", "\t"].contains(next) { return true }
            }
        }
        if text.containsText("浏览次数") || text.containsText("阅读次数") || text.containsText("访问次数") { return true }
        // Counted before it is built: most lines are too long to be a widget line. By scalars
        // when those are the characters (a white space or decoration character is one scalar).
        var kept = 0
        if text.eachScalarIsACharacter {
            for scalar in text.unicodeScalars where !scalar.isSpace && !widgetDecorationScalars.contains(scalar) {
                kept += 1
                if kept > longestWidgetLine { return false }
            }
        } else {
            for character in text where !character.isWhitespace && !widgetDecoration.contains(character) {
                kept += 1
                if kept > longestWidgetLine { return false }
            }
        }
        let stripped = text.filter { !$0.isWhitespace && !widgetDecoration.contains($0) }
        guard stripped.count <= longestWidgetLine, !stripped.isEmpty else { return false }
        var rest = stripped
        for word in widgetWords where rest.containsText(word) { rest = rest.replacing(word, with: "") }
        return rest.count <= 2 && rest.count < stripped.count
    }

    /// Whether one line of text is the page's furniture around the report: a breadcrumb
    /// (`当前位置：…`), a navigation bar, or the footer (the ICP licence line).
    static func isFurnitureLine(_ raw: String) -> Bool {
        guard raw.utf8.count <= 1200 else { return false }
        let text = raw.trimmingSpaces
        guard !text.isEmpty, !text.containsText("。") else { return false }
        // A footer line runs long: the licence, the filing and the copyright together.
        if text.utf8.count <= 300 || text.count <= 300, footerWords.contains(where: { text.containsText($0) }) {
            return true
        }
        guard text.utf8.count <= 80 || text.count <= 80 else { return false }
        return breadcrumbOpenings.contains(where: { text.hasPrefix($0) }) || isNavigationLine(text)
    }

    /// Whether one line of text is a page's number as a PDF's text prints it between pages:
    /// one to three digits between one or two dashes on either side, a space at most between
    /// (`— 4 —`, the style of official documents, `-4-`), or `第 4 页` (`共 6 页` after it). A bare number
    /// is none: it may be a cell on a line of its own; and a row's values stand wider apart.
    static func isPageNumberLine(_ raw: String) -> Bool {
        // Most lines open with neither a dash nor 第: told by their first scalar, before any copy.
        guard raw.utf8.count <= 60, let first = raw.unicodeScalars.first(where: { !$0.isSpace }),
            first == "第" || pageNumberDashes.contains(first)
        else { return false }
        var rest = raw.trimmingSpaces.unicodeScalars[...]
        let isDigit = { (scalar: Unicode.Scalar) in ("0"..."9").contains(scalar) }
        if first == "第" {
            rest = rest.filter { $0 != " " }[...]
            // `第` digits `页`, or `共` digits `页` after it.
            func take(_ opening: Unicode.Scalar) -> Bool {
                guard rest.first == opening else { return false }
                let digits = rest.dropFirst().prefix(while: isDigit).count
                guard (1...3).contains(digits), rest.dropFirst(1 + digits).first == "页" else { return false }
                rest = rest.dropFirst(2 + digits)
                return true
            }
            return take("第") && (rest.isEmpty || take("共") && rest.isEmpty)
        }
        var dashes = (leading: 0, trailing: 0)
        while let scalar = rest.first, pageNumberDashes.contains(scalar) { rest.removeFirst(); dashes.leading += 1 }
        while let scalar = rest.last, pageNumberDashes.contains(scalar) { rest.removeLast(); dashes.trailing += 1 }
        // A dash or two on either side: a crawler's run of none marks (`————11————`) has more.
        guard (1...2).contains(dashes.leading), (1...2).contains(dashes.trailing) else { return false }
        if rest.first == " " { rest.removeFirst() }
        if rest.last == " " { rest.removeLast() }
        return (1...3).contains(rest.count) && rest.allSatisfy(isDigit)
    }

    /// The dashes a page number stands between.
    static let pageNumberDashes: Set<Unicode.Scalar> = ["-", "—", "–", "－", "─"]

    /// A site's navigation bar as text: four or more short entries, one of them `首页`,
    /// separated by spaces, `|` or `·`, and nothing else (`首页 政务公开 政务服务 互动交流`).
    static func isNavigationLine(_ text: String) -> Bool {
        guard text.containsText(navigationHome) else { return false }
        let entries = text.split { $0.isWhitespace || "|｜·•>＞»/".contains($0) }
        return entries.count >= 4 && entries.allSatisfy { $0.count <= 6 && !$0.contains(where: \.isNumber) }
    }

    /// Whether a block is clutter by itself: a clutter line, or a small table whose rows
    /// mostly open with metadata fields.
    static func isClutterBlock(_ block: Block) -> Bool {
        switch block.content {
        case .heading(let lines), .paragraph(let lines):
            return lines.count == 1 && isClutterLine(lines[0].text)
        case .table(let grid):
            guard grid.rows.count <= 8 else { return false }
            let fieldRows = grid.rows.filter { row in
                row.contains { cell in clutterFieldSet.contains(cell.text.trimmingSpaces) }
            }
            return fieldRows.count * 2 >= grid.rows.count
        default:
            return false
        }
    }

    /// A short line that may sit inside a clutter box (the pasted page's title).
    static func isShortLine(_ block: Block) -> Bool {
        guard case .paragraph(let lines) = block.content, lines.count == 1 else { return false }
        let text = lines[0].text.trimmingSpaces
        return text.count <= 40 && !text.contains("。")
    }

    /// A navigation bar that a page rendered one entry a line: `首页`, then at least three
    /// more short entries, each alone on its line (no digit, no punctuation).
    static func navigationRun(in blocks: [Block], at start: Int) -> Range<Int>? {
        guard case .paragraph(let lines) = blocks[start].content, lines.count == 1,
            lines[0].text.trimmingSpaces == navigationHome
        else { return nil }
        var end = start + 1
        while end < blocks.count, case .paragraph(let lines) = blocks[end].content, lines.count == 1 {
            let entry = lines[0].text.trimmingSpaces
            guard !entry.isEmpty, entry.count <= 6, !entry.contains(where: { $0.isNumber || $0.isPunctuation }) else {
                break
            }
            end += 1
        }
        return end - start >= 4 ? start..<end : nil
    }

    func removeClutter(from document: inout Document) {
        let clutter = document.blocks.indices.filter { Self.isClutterBlock(document.blocks[$0]) }
        // The page's furniture goes too, but never takes the lines around it along: a
        // breadcrumb often sits right above the report's title.
        var furniture: [Int] = []
        var pageNumbers: [Int] = []
        for index in document.blocks.indices {
            switch document.blocks[index].content {
            case .heading(let lines), .paragraph(let lines):
                if lines.count == 1, Self.isFurnitureLine(lines[0].text) { furniture.append(index) }
                if lines.count == 1, Self.isPageNumberLine(lines[0].text) { pageNumbers.append(index) }
            default: break
            }
            if let run = Self.navigationRun(in: document.blocks, at: index) { furniture += run }
        }
        /// Keeps block `index` as removed, and the removal as an edit.
        func removeBlock(_ index: Int, reason: String, confidence: Double) {
            let text = document.blocks[index].text
            document.edits.append(Edit(kind: .clutter, before: text, after: "", line: document.blocks[index].lines.lowerBound,
                                       confidence: confidence))
            document.blocks[index].content = .removed(text: text, reason: reason)
        }
        for index in pageNumbers { removeBlock(index, reason: "page number", confidence: ConfidencePolicy.standard.editClutter) }
        guard !clutter.isEmpty || !furniture.isEmpty else { return }
        var remove = Set(clutter).union(furniture)
        // Short lines wedged between two clutter blocks close together are the box's own.
        for (a, b) in zip(clutter, clutter.dropFirst()) where b - a > 1 && b - a <= 3 {
            let between = (a + 1)..<b
            if between.allSatisfy({ Self.isShortLine(document.blocks[$0]) }) { remove.formUnion(between) }
        }
        for index in remove.sorted() {
            let confidence = clutter.contains(index) || furniture.contains(index)
                ? ConfidencePolicy.standard.editClutter : ConfidencePolicy.standard.editClutterNearby
            removeBlock(index, reason: "web-page clutter", confidence: confidence)
        }
    }
}

