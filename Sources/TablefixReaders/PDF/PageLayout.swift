/// A page's content in reading order: lines of text, tables and pictures, top to bottom.
struct PageLayout: Sendable {
    enum Item: Sendable {
        case line([PageWord])
        case table(RuledTable)
        case image(PageImage)

        var box: Box {
            switch self {
            case .line(let words): PageText.box(of: words) ?? Box(x0: 0, y0: 0, x1: 0, y1: 0)
            case .table(let table): table.box
            case .image(let image): image.box
            }
        }
    }

    var page: Int
    var width: Double
    var height: Double
    var items: [Item]
    var isOCR: Bool

    /// Pictures smaller than this share of the page are decoration (logos, stamps, bullets).
    static let pictureShare = 0.02

    /// Lays out a page: its ruled tables take the words inside their frames, the other
    /// words make lines, pictures with no words over them stand alone.
    init(_ content: PageContent) {
        page = content.page
        width = content.width
        height = content.height
        isOCR = content.isOCR
        var tables = RuledTable.tables(in: content.rules, page: content.page)
        var free: [PageWord] = []
        for word in content.words {
            if let index = tables.firstIndex(where: { $0.box.contains(x: word.box.midX, y: word.box.midY) }) {
                tables[index].words.append(word)
            } else {
                free.append(word)
            }
        }
        var items: [Item] = tables.map(Item.table)
        items += PageText.lines(of: free).map(Item.line)
        let pageArea = content.width * content.height
        for image in content.images where image.box.width * image.box.height >= Self.pictureShare * pageArea {
            let covered = content.words.contains { image.box.contains(x: $0.box.midX, y: $0.box.midY) }
            if !covered { items.append(.image(image)) }
        }
        self.items = items.sorted { $0.box.y0 < $1.box.y0 }
    }

    /// Texts of the header and footer bands that recur on other pages (a running title).
    var recurring: Set<String> = []

    /// Whether a line is page furniture: in the top 6 % or bottom 8 % of the page, and a
    /// page number (`3`, `- 3 -`, `第3页`, `3/12`) or a text that recurs in the bands of
    /// other pages.
    func isFurniture(_ item: Item) -> Bool {
        guard case .line(let words) = item, let text = bandText(words) else { return false }
        return Self.isPageNumber(text) || recurring.contains(text)
    }

    /// A line's text when it lies in the header or footer band.
    func bandText(_ words: [PageWord]) -> String? {
        guard let box = PageText.box(of: words), box.y1 < 0.06 * height || box.y0 > 0.92 * height else { return nil }
        return PageText.text(of: words)
    }

    static func isPageNumber(_ text: String) -> Bool {
        let core = text.filter { !" -—–第页/共".contains($0) }
        return !core.isEmpty && core.count <= 6 && core.allSatisfy(\.isNumber)
    }

    /// The first table, when nothing but furniture comes before it.
    var leadingTable: RuledTable? {
        for item in items where !isFurniture(item) {
            if case .table(let table) = item { return table }
            return nil
        }
        return nil
    }

    /// Whether the last item other than furniture is a table.
    var endsWithTable: Bool {
        for item in items.reversed() where !isFurniture(item) {
            if case .table = item { return true }
            return false
        }
        return false
    }
}
