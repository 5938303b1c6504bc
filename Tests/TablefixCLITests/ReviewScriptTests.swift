import Foundation
import TablefixTestSupport
import Testing

/// The review page's script as the file it is: parsed by Node (`node --check`), and held
/// to the page's rule that text reaches the DOM only as text (no `innerHTML`, `eval` or
/// `document.write`). Its behaviour is tested in the browser (ReviewBrowserTests).
@Suite("review.js")
struct ReviewScriptTests {
    static let script = Fixtures.root.appendingPathComponent("Sources/TablefixReview/Resources/review.js")

    @Test("it parses (node --check)", .enabled(if: ReviewScriptTests.node != nil || ProcessInfo.processInfo.environment["CI"] != nil))
    func parses() throws {
        let node = try #require(Self.node, "node is not installed (Tools/install-deps --browser installs it)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["--check", Self.script.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
    }

    @Test("it is strict and never writes markup from text")
    func noMarkupFromText() throws {
        let source = try String(contentsOf: Self.script, encoding: .utf8)
        #expect(source.hasPrefix("\"use strict\";"))
        for forbidden in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"] {
            #expect(!source.contains(forbidden), "\(forbidden)")
        }
    }

    /// Node's path, if installed.
    static var node: String? {
        ["/usr/bin/node", "/usr/local/bin/node", "/usr/bin/nodejs"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
