import Foundation
import Testing

/// `Tools/statements.sh FILE…` runs this to print the statements of files; skipped otherwise.
@Suite("Statement listing tool")
struct StatementToolTests {
    static let files =
        ProcessInfo.processInfo.environment["TABLEFIX_STATEMENTS"]?.split(separator: ":").map(String.init) ?? []

    @Test("prints the statements of the files TABLEFIX_STATEMENTS names", .enabled(if: !files.isEmpty))
    func printStatements() throws {
        for file in Self.files {
            let statements = try StatementListing.statements(file: URL(fileURLWithPath: file))
            print("== \(file): \(statements.count) statements")
            print(StatementListing.listing(statements))
        }
    }
}
