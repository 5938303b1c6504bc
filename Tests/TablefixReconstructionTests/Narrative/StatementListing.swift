import Foundation
import Tablefix
import TablefixModel
import TablefixTestSupport
@testable import TablefixReconstruction

/// Statements as tests and `Tools/statements.sh` show them, one line each:
/// `L12 requests.new = 3 件 «3» → requests new.total` with `[why not linked]` when qualified.
enum StatementListing {
    static let phrases: StatementPhrases = {
        do { return try StatementPhrases.builtIn() } catch { fatalError("\(error)") }
    }()

    /// The statements of a text given inline, read as a text file (no cleanup).
    static func statements(_ text: String, template: String? = "gov-disclosure-2021", year: Int? = 2022) -> [Statement]
    {
        StatementReader(phrases: phrases, template: template, year: year).statements(in: TestDocuments.document(text))
    }

    /// The statements of a file as `tablefix repair` cleans it, with the template and year
    /// reconstruction finds.
    static func statements(file: URL) throws -> [Statement] {
        let repair = try Repairer().repair(path: file.path)
        return StatementReader(phrases: phrases, template: repair.extraction.template, year: repair.extraction.year)
            .statements(in: repair.document)
    }

    static func line(_ statement: Statement) -> String {
        var text = "L\(statement.line) \(statement.figure) = \(statement.value.printed)"
        if let unit = statement.unit { text += " \(unit)" }
        text += " «\(statement.raw)»"
        if let target = statement.target { text += " → \(target.table) \(target.keys.joined(separator: "+"))" }
        if !statement.qualifiers.isEmpty { text += " [\(statement.qualifiers.map(\.reason).joined(separator: "; "))]" }
        return text
    }

    static func listing(_ statements: [Statement]) -> String { statements.map(line).joined(separator: "\n") }
}
