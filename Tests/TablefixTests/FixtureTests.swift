import Foundation
import Testing
import Tablefix
import TablefixModel
import TablefixTestSupport

/// The fixture reports in every committed rendering, against their gold files: what each
/// kind of rendering must still give (Tools/score prints the same figures).
@Suite("Fixture renderings against gold")
struct FixtureTests {
    /// Renderings whose text keeps every number where it belongs (born-digital PDFs read
    /// from their geometry included; the scans are scored by Tools/score_pdf, OCR is slow).
    static let cleanKinds = ["html", "gb.html", "docx", "lo.txt", "lo.gb.txt", "pandoc.txt", "layout.txt", "w3m.txt",
                             "lynx.txt", "gfm.txt", "md.txt", "rst.txt", "plain.txt", "soup.txt", "pdf", "weasyprint.pdf"]

    /// Every rendering of the kind, with its report's gold file.
    static func renderings(_ kind: String) -> [(file: URL, gold: URL)] {
        let folder = Fixtures.root.appendingPathComponent("Samples/fixtures")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("variants").path)) ?? []
        return names.sorted().compactMap { name in
            let file = folder.appendingPathComponent("variants/\(name)/\(name).\(kind)")
            guard FileManager.default.fileExists(atPath: file.path) else { return nil }
            return (file, folder.appendingPathComponent("gold/\(name).json"))
        }
    }

    /// The comparisons of every rendering of the kind.
    static func comparisons(_ kind: String) throws -> [(String, GoldComparison)] {
        let repairer = try Repairer()
        return try renderings(kind).map { file, gold in
            let repair = try repairer.repair(bytes: [UInt8](try Data(contentsOf: file)), path: file.lastPathComponent)
            let output = try JSONSerialization.jsonObject(with: Data(repair.jsonText.utf8)) as? [String: Any] ?? [:]
            let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: gold)) as? [String: Any] ?? [:]
            return (file.lastPathComponent, GoldComparison(output: output, gold: expected))
        }
    }

    @Test("a clean rendering gives every cell and status of every report", arguments: cleanKinds)
    func cleanRenderings(kind: String) throws {
        let comparisons = try Self.comparisons(kind)
        #expect(comparisons.count == 12)
        for (file, comparison) in comparisons {
            #expect(comparison.errors.isEmpty, "\(file): \(comparison.errors.prefix(5))")
        }
    }

    @Test("a scrambled rendering still gives nearly every cell and every status: plain pdftotext (reading order), a crawler's runs of digits", arguments: [
        ("pdftotext.txt", 0.99), ("crawl.txt", 0.95),
    ])
    func scrambledRenderings(kind: String, share: Double) throws {
        let comparisons = try Self.comparisons(kind)
        let cells = comparisons.map(\.1.cells).reduce(0, +), right = comparisons.map(\.1.rightCells).reduce(0, +)
        #expect(cells > 2000)
        #expect(Double(right) >= share * Double(cells), "\(right)/\(cells)")
        #expect(comparisons.allSatisfy { $0.1.statuses == $0.1.rightStatuses })
    }

    @Test("every cell given 0.9 or more is right, in every rendering, OCR included",
          arguments: cleanKinds + ["pdftotext.txt", "crawl.txt", "ocr300.txt", "ocr.txt"])
    func highConfidenceIsRight(kind: String) throws {
        for (file, comparison) in try Self.comparisons(kind) {
            #expect(comparison.highConfidence == comparison.highConfidenceRight, "\(file)")
        }
    }

    @Test("a table read by OCR off a picture does not lower the tables read from the page's text",
          arguments: ["imagetable.html", "imagetable.docx"])
    func pictureDamageStaysInItsTable(kind: String) throws {
        let repairer = try Repairer()
        let renderings = Self.renderings(kind)
        #expect(!renderings.isEmpty)
        for (file, _) in renderings {
            let repair = try repairer.repair(bytes: [UInt8](try Data(contentsOf: file)), path: file.lastPathComponent)
            let textTables = repair.extraction.tables.filter { $0.id == "active" || $0.id == "review" }
            #expect(textTables.count == 2)
            #expect(textTables.allSatisfy { $0.cells.allSatisfy { $0.confidence >= 0.9 } }, "\(file.lastPathComponent)")
        }
    }
}
