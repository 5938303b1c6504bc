import TablefixModel
import TablefixXML

/// The list numbering of a DOCX package (`word/numbering.xml`), and the counters that
/// number paragraphs in document order the way Word does.
///
/// A paragraph's `w:numPr` names a list (`w:numId`) and a level (`w:ilvl`); the list
/// points at an abstract definition whose level gives the format (`chineseCounting`,
/// `decimal` …), the start and the text around the number (`%1、`, `（%1）`). Lists that
/// share a definition share counters unless one overrides its start; using a level
/// restarts the levels below it. Bullets render as nothing.
struct DOCXNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text: String?
        var isLegal = false
        /// `tab` (the default), `space` or `nothing` after the number.
        var suffix = "tab"
    }

    struct List {
        var abstractID: Int
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    private(set) var abstracts: [Int: [Int: Level]] = [:]
    /// `w:numStyleLink`: an abstract definition that takes its levels from a style's list.
    private(set) var styleLinks: [Int: String] = [:]
    private(set) var lists: [Int: List] = [:]
    private var counters: [String: [Int?]] = [:]

    init() {}

    /// Reads `numbering.xml`.
    ///
    /// - Throws: ``MarkupError`` when the part is not well-formed XML.
    init(bytes: [UInt8], part: String) throws(MarkupError) {
        let reader = try XMLStreamReader(
            bytes: bytes, part: part,
            keepingAttributesOf: [
                "abstractNum", "num", "abstractNumId", "lvl", "start", "numFmt", "lvlText", "isLgl", "suff",
                "lvlOverride", "startOverride", "numStyleLink",
            ])
        var abstracts: [Int: [Int: Level]] = [:]
        var styleLinks: [Int: String] = [:]
        var lists: [Int: List] = [:]
        var abstractID: Int?
        var listID: Int?
        var overrideLevel: Int?
        var level: (index: Int, value: Level)?
        try reader.forEach { event, _ in
            switch event {
            case .start(let start):
                guard WordML.isMain(start.name.namespace) else { return }
                let attributes = start.attributes
                switch start.name.local {
                case "abstractNum": abstractID = WordML.integer(attributes, "abstractNumId")
                case "num":
                    listID = WordML.integer(attributes, "numId")
                    if let listID { lists[listID] = List(abstractID: -1) }
                case "abstractNumId":
                    if let listID, let id = WordML.integer(attributes) { lists[listID]?.abstractID = id }
                case "numStyleLink": if let abstractID, let style = attributes["val"] { styleLinks[abstractID] = style }
                case "lvlOverride": overrideLevel = WordML.integer(attributes, "ilvl")
                case "startOverride":
                    if let listID, let overrideLevel, let value = WordML.integer(attributes) {
                        lists[listID]?.startOverrides[overrideLevel] = value
                    }
                case "lvl": level = WordML.integer(attributes, "ilvl").map { ($0, Level()) }
                case "start": if let value = WordML.integer(attributes) { level?.value.start = value }
                case "numFmt": if let value = attributes["val"] { level?.value.format = value }
                case "lvlText": level?.value.text = attributes["val"]
                case "isLgl": level?.value.isLegal = WordML.isOn(attributes)
                case "suff": if let value = attributes["val"] { level?.value.suffix = value }
                default: break
                }
            case .end(let name):
                guard WordML.isMain(name.namespace) else { return }
                switch name.local {
                case "lvl":
                    guard let finished = level else { return }
                    if let listID, let overrideLevel {
                        lists[listID]?.levelOverrides[overrideLevel] = finished.value
                    } else if let abstractID {
                        abstracts[abstractID, default: [:]][finished.index] = finished.value
                    }
                    level = nil
                case "lvlOverride": overrideLevel = nil
                case "abstractNum": abstractID = nil
                case "num": listID = nil
                default: break
                }
            case .text, .entity:
                break
            }
        }
        self.abstracts = abstracts
        self.styleLinks = styleLinks
        self.lists = lists
    }

    /// The number a paragraph of list `numberID` at `level` shows, with what follows it
    /// (`三、`, `（二）`, `1. `); nil for no list, a bullet, or an empty number. Advances
    /// the counters, so call it once per paragraph, in document order.
    mutating func marker(numberID: Int, level: Int, styles: DOCXStyles) -> String? {
        guard numberID != 0, let list = lists[numberID], (0...8).contains(level) else { return nil }
        let levels = self.levels(of: list, styles: styles)
        guard let definition = levels[level] else { return nil }
        let key = list.startOverrides.isEmpty ? "a\(list.abstractID)" : "n\(numberID)"
        var values = counters[key] ?? Array(repeating: nil, count: 9)
        values[level] = (values[level] ?? (start(of: level, list, levels) - 1)) + 1
        for deeper in (level + 1)..<9 { values[deeper] = nil }
        counters[key] = values
        guard definition.format != "bullet", let template = definition.text else { return nil }
        var text = ""
        var characters = template.makeIterator()
        while let character = characters.next() {
            guard character == "%" else {
                text.append(character)
                continue
            }
            guard let digit = characters.next() else { break }
            guard let number = digit.wholeNumberValue, (1...9).contains(number) else {
                text.append(character)
                text.append(digit)
                continue
            }
            let index = number - 1
            let value = values[index] ?? start(of: index, list, levels)
            let format = definition.isLegal && index < level ? "decimal" : (levels[index]?.format ?? "decimal")
            text += Self.format(value, as: format)
        }
        guard !text.trimmingSpaces.isEmpty else { return nil }
        switch definition.suffix {
        case "nothing": return text
        case "space": return text + " "
        default:
            // Word puts a tab after the number; after 、 or ） it is only indentation.
            return text.last.map { $0.isASCII } ?? false ? text + " " : text
        }
    }

    private func start(of level: Int, _ list: List, _ levels: [Int: Level]) -> Int {
        list.startOverrides[level] ?? levels[level]?.start ?? 1
    }

    /// The levels of a list: its abstract definition's (or, for a style link, those of the
    /// style's list), with the list's own level overrides.
    private func levels(of list: List, styles: DOCXStyles) -> [Int: Level] {
        var levels = abstracts[list.abstractID] ?? [:]
        if let style = styleLinks[list.abstractID], let linked = styles.numbering(style)?.numberID,
            let target = lists[linked], target.abstractID != list.abstractID
        {
            levels = abstracts[target.abstractID] ?? levels
        }
        for (index, level) in list.levelOverrides { levels[index] = level }
        return levels
    }

    /// A counter value in a `w:numFmt` format; formats not listed fall back to decimal.
    static func format(_ value: Int, as format: String) -> String {
        switch format {
        case "none", "bullet": return ""
        case "decimalZero": return value < 10 && value >= 0 ? "0\(value)" : "\(value)"
        case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
            "taiwaneseCountingThousand", "chineseLegalSimplified":
            return ChineseNumeral.listText(for: value) ?? "\(value)"
        case "ideographTraditional": return cycle(value, "甲乙丙丁戊己庚辛壬癸")
        case "ideographZodiac": return cycle(value, "子丑寅卯辰巳午未申酉戌亥")
        case "ideographDigital", "japaneseDigitalTenThousand":
            return String(String(value).map { digit in Array("〇一二三四五六七八九")[digit.wholeNumberValue ?? 0] })
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(value).unicodeScalars.map { Character(Unicode.Scalar($0.value + 0xFEE0) ?? $0) })
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
            return (1...20).contains(value)
                ? String(Unicode.Scalar(0x2460 + value - 1).map(Character.init) ?? "?") : "\(value)"
        case "decimalEnclosedParen":
            return (1...20).contains(value)
                ? String(Unicode.Scalar(0x2474 + value - 1).map(Character.init) ?? "?") : "\(value)"
        case "decimalEnclosedFullstop":
            return (1...20).contains(value)
                ? String(Unicode.Scalar(0x2488 + value - 1).map(Character.init) ?? "?") : "\(value)"
        case "lowerLetter": return letters(value).lowercased()
        case "upperLetter": return letters(value)
        case "lowerRoman": return roman(value).lowercased()
        case "upperRoman": return roman(value)
        default: return "\(value)"
        }
    }

    private static func cycle(_ value: Int, _ symbols: String) -> String {
        let characters = Array(symbols)
        guard value >= 1 else { return "\(value)" }
        return String(characters[(value - 1) % characters.count])
    }

    /// A, B … Z, AA, BB … as Word counts letters.
    private static func letters(_ value: Int) -> String {
        guard value >= 1 else { return "\(value)" }
        let letter = Character(Unicode.Scalar(UInt8(65 + (value - 1) % 26)))
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }

    private static func roman(_ value: Int) -> String {
        guard (1...3999).contains(value) else { return "\(value)" }
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = value
        var result = ""
        for (amount, symbol) in table {
            while rest >= amount {
                result += symbol
                rest -= amount
            }
        }
        return result
    }
}
