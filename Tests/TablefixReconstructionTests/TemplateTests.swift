import Foundation
import Testing
@testable import TablefixReconstruction
import TablefixModel
import TablefixTestSupport

@Suite("Templates")
struct TemplateTests {
    @Test("loads the three built-in editions with every key of the spec")
    func builtIn() throws {
        let library = try TemplateLibrary.builtIn()
        let ids = library.templates.map(\.id).sorted()
        #expect(ids == ["gov-disclosure-2008", "gov-disclosure-2019", "gov-disclosure-2021"])
        let edition2021 = try #require(library.templates.first { $0.id == "gov-disclosure-2021" })
        #expect(edition2021.tables.map(\.id) == ["active", "requests", "review"])
        #expect(edition2021.tables[0].keys.count == 10)
        #expect(edition2021.tables[1].keys.count == 175)
        #expect(edition2021.tables[2].keys.count == 15)
        let edition2019 = try #require(library.templates.first { $0.id == "gov-disclosure-2019" })
        #expect(edition2019.tables[0].keys.count == 22)
        #expect(edition2019.tables[1].keys.count == 161)
        let edition2008 = try #require(library.templates.first { $0.id == "gov-disclosure-2008" })
        #expect(edition2008.tables.map(\.id) == ["statistics"])
        #expect(edition2008.tables[0].keys.count == 89)
    }

    @Test("a pre-2019 row's year count may not exceed its cumulative count")
    func yearWithinCumulative() throws {
        let library = try TemplateLibrary.builtIn()
        let table = try #require(library.templates.first { $0.id == "gov-disclosure-2008" }?.tables.first)
        let row = try #require(table.rows.firstIndex { $0.key == "active" })
        let withinBounds = try #require(Arithmetic(table: table).withinBounds(row: row))
        #expect(withinBounds([12, 106]))
        #expect(!withinBounds([1210, 6]))
        #expect(withinBounds([1210, nil]))
    }

    @Test("adds a user's template from a folder without code")
    func userTemplate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tablefix-templates-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = """
            {"id": "budget", "name": "预算表", "documentMarkers": ["预算"], "evidence": [{"text": "收入合计", "weight": 3}],
             "tables": [{"id": "income", "title": "收入", "headings": ["收入预算"], "layout": "rows",
               "columns": [{"key": "amount", "labels": ["金额"]}],
               "rows": [{"key": "tax", "labels": ["税收收入"], "columns": ["amount"]},
                        {"key": "fees", "labels": ["非税收入"], "columns": ["amount"]},
                        {"key": "sum", "labels": ["收入合计"], "columns": ["amount"]}],
               "relations": [{"rule": "sum = tax + fees", "left": ["sum.amount"], "right": ["tax.amount", "fees.amount"]}]}]}
            """
        try Data(json.utf8).write(to: folder.appendingPathComponent("budget.json"))
        var library = try TemplateLibrary.builtIn()
        try library.add(folder: folder.path)
        let document = TestDocuments.document("某县2024年预算\n一、收入预算\n项目\t金额\n税收收入\t120\n非税收入\t30\n收入合计\t150\n")
        let extraction = Reconstructor(library: library).extract(from: document)
        #expect(extraction.template == "budget")
        let income = try #require(extraction.tables.first { $0.id == "income" })
        #expect(income.cells.map(\.value) == [120, 30, 150])
        #expect(income.checks.first?.ok == true)
    }

    @Test("refuses a template whose relation names an unknown cell, naming the file")
    func invalidTemplate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tablefix-bad-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = """
            {"id": "bad", "name": "x", "documentMarkers": [], "evidence": [],
             "tables": [{"id": "t", "title": "t", "headings": [], "layout": "rows", "columns": [{"key": "a", "labels": []}],
               "rows": [{"key": "r", "labels": ["r"], "columns": ["a"]}],
               "relations": [{"rule": "r = s", "left": ["r.a"], "right": ["s.a"]}]}]}
            """
        let file = folder.appendingPathComponent("bad.json")
        try Data(json.utf8).write(to: file)
        var library = try TemplateLibrary.builtIn()
        #expect(throws: TemplateError.self) { try library.add(folder: folder.path) }
        do {
            try library.add(folder: folder.path)
        } catch {
            #expect(error.description == "\(file.path): table t: relation \"r = s\" names unknown cell s.a")
        }
    }
}
