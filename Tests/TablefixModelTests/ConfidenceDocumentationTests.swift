import Foundation
import Testing
import TablefixModel
import TablefixTestSupport

@Suite("Confidence documentation")
struct ConfidenceDocumentationTests {
    @Test("docs/confidence.md is what the confidence policy says (TABLEFIX_RECORD=1 writes it again)")
    func documentationMatchesPolicy() throws {
        let file = Fixtures.root.appendingPathComponent("docs/confidence.md")
        let expected = ConfidencePolicy.standard.documentation
        if ProcessInfo.processInfo.environment["TABLEFIX_RECORD"] != nil {
            try expected.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == expected)
    }
}
