import Foundation
import Testing
@testable import TablefixReconstruction

@Suite("Statement phrase data")
struct StatementPhraseTests {
    @Test("every target names cells of its template, for every template the phrases serve")
    func targetsExist() throws {
        let library = try TemplateLibrary.builtIn()
        let phrases = StatementListing.phrases
        var targets = 0
        for id in phrases.templates {
            let template = try #require(library.templates.first { $0.id == id }, "\(id)")
            for figure in phrases.figures {
                guard let target = phrases.target(of: figure, template: id) else { continue }
                let table = try #require(
                    template.tables.first { $0.id == target.table }, "\(figure.name): \(target.table)")
                for key in target.keys { #expect(table.keys.contains(key), "\(id) \(figure.name): \(key)") }
                targets += 1
            }
        }
        #expect(targets > 40)
    }

    @Test("covers the figures reports state in words")
    func coverage() {
        let names = Set(StatementListing.phrases.figures.map(\.name))
        for figure in [
            "requests.new", "requests.carried_in", "requests.carried_out", "requests.total", "requests.granted",
            "requests.partial", "requests.denied", "requests.unable", "requests.rejected", "review.reconsideration",
            "review.lawsuit", "review.corrected", "active.normative.issued", "active.normative.in_force",
            "active.rules.issued", "active.licensing", "active.penalty", "active.coercion", "active.fees",
            "information_fee", "active_disclosures",
        ] {
            #expect(names.contains(figure), "\(figure)")
        }
    }

    @Test("a `*` target stands for the templates of `star`; a template outside them takes only its own targets")
    func starTargets() throws {
        let phrases = StatementListing.phrases
        let requests = try #require(phrases.figures.first { $0.name == "requests.new" })
        let lawsuit = try #require(phrases.figures.first { $0.name == "review.lawsuit" })
        #expect(phrases.target(of: requests, template: "gov-disclosure-2021")?.keys == ["new.total"])
        #expect(phrases.target(of: requests, template: "gov-disclosure-2008")?.keys == ["requests.year"])
        #expect(phrases.target(of: lawsuit, template: "gov-disclosure-2008") == nil)
    }

    func loadError(_ json: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("phrases-\(UUID().uuidString).json")
        try json.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try StatementPhrases.load(path: url.path)
            return ""
        } catch {
            #expect(error.description.hasPrefix(url.path + ": "))
            return String(error.description.dropFirst(url.path.count + 2))
        }
    }

    static let file = """
        {"templates": ["t"], "star": ["t"], "gap": 24, "numberGap": 8, "bareNumberAfter": [], "listJoiners": [],
         "unitSets": {"n": ["件"]},
         "qualifiers": {"otherYear": [], "comparison": [], "subcount": [], "approximateBefore": [],
          "approximateAfter": [], "percentBefore": [], "percentAfter": [], "rangeJoiners": [], "ordinalBefore": [],
          "distributive": []},
         "figures": [{"figure": "f", "label": "f", "units": "UNITS", "targets": {}, "patterns": ["PATTERN"]}]}
        """

    @Test(
        "names the file and the figure when a pattern cannot be used",
        arguments: [
            ("收到…#…#", "figure f: pattern \"收到…#…#\": needs one #"),
            ("收到……#", "figure f: pattern \"收到……#\": two gaps in a row"),
            ("…收到#", "figure f: pattern \"…收到#\": starts or ends with a gap"),
            ("#", "figure f: pattern \"#\": no literal text"),
            ("No.#", "figure f: pattern \"No.#\": starts with no ideograph"),
        ])
    func badPatterns(pattern: String, reason: String) throws {
        let json = Self.file.replacing("PATTERN", with: pattern).replacing("UNITS", with: "n")
        #expect(try loadError(json) == reason)
    }

    @Test("names the file when a figure takes an unknown unit set")
    func unknownUnits() throws {
        let json = Self.file.replacing("PATTERN", with: "收到#").replacing("UNITS", with: "money")
        #expect(try loadError(json) == "figure f: unknown unit set money")
    }

    @Test("names the file when it is no phrase file")
    func notJSON() throws {
        #expect(try loadError("{").hasPrefix("not a valid phrase file"))
    }
}
