import Foundation
import TablefixTestSupport
import Testing

/// The rule of STYLE.md that no input can break: no `try!`, no force unwrap or cast, no
/// `fatalError` anywhere in Sources (every path there is a data path), checked on the code
/// with its comments and string literals taken out.
@Suite("source rules")
struct SourceRulesTests {
    /// Every Swift file under Sources, as (path relative to the root, code).
    static func sources() throws -> [(String, String)] {
        let root = Fixtures.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        return try files.map { url in
            (String(url.path.dropFirst(Fixtures.root.path.count + 1)), try String(contentsOf: url, encoding: .utf8))
        }.sorted { $0.0 < $1.0 }
    }

    /// The code without comments and string literals (each replaced by a space), so that a
    /// `!` in a message or a doc comment is not taken for an unwrap.
    static func code(_ source: String) -> String {
        let scalars = Array(source.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        func at(_ offset: Int) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "/", at(1) == "/" {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
                continue
            }
            if scalar == "/", at(1) == "*" {
                index += 2
                while index < scalars.count, !(scalars[index] == "*" && at(1) == "/") { index += 1 }
                index += 2
                output.append(" ")
                continue
            }
            if scalar == "#" || scalar == "\"" {
                var hashes = 0
                while at(hashes) == "#" { hashes += 1 }
                guard at(hashes) == "\"" else {
                    output.append(scalar)
                    index += 1
                    continue
                }
                let multiline = at(hashes + 1) == "\"" && at(hashes + 2) == "\""
                let quotes = multiline ? 3 : 1
                index += hashes + quotes
                let closing = Array(repeating: Unicode.Scalar("\""), count: quotes) + Array(repeating: "#", count: hashes)
                while index < scalars.count {
                    if hashes == 0, scalars[index] == "\\" {
                        index += 2
                        continue
                    }
                    if Array(scalars[index..<min(scalars.count, index + closing.count)]) == closing {
                        index += closing.count
                        break
                    }
                    index += 1
                }
                output.append(" ")
                continue
            }
            output.append(scalar)
            index += 1
        }
        return String(output)
    }

    /// `file:line: text` for each match of `pattern` in the code of Sources.
    static func violations(_ pattern: String) throws -> [String] {
        let expression = try NSRegularExpression(pattern: pattern)
        var found: [String] = []
        for (path, source) in try sources() {
            for (number, line) in code(source).components(separatedBy: "\n").enumerated() {
                let range = NSRange(line.startIndex..., in: line)
                if expression.firstMatch(in: line, range: range) != nil {
                    found.append("\(path):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        return found
    }

    @Test("no try! in Sources")
    func noForcedTry() throws {
        #expect(try Self.violations(#"\btry!"#) == [])
    }

    @Test("no fatalError, preconditionFailure or precondition in Sources")
    func noFatalError() throws {
        #expect(try Self.violations(#"\b(fatalError|preconditionFailure|precondition)\s*\("#) == [])
    }

    @Test("no force unwrap or forced cast in Sources")
    func noForceUnwrap() throws {
        // A `!` right after a name, `)`, `]` or `?` that is not `!=`: `x!`, `f()!`, `a[0]!`, `as!`.
        #expect(try Self.violations(#"([\w\)\]\?])!(?!=)"#) == [])
    }

    @Test("no decimal literal decides a confidence outside ConfidencePolicy")
    func confidenceLiteralsInPolicy() throws {
        // A decimal literal on a line that speaks of confidence (`confidence: 0.9`,
        // `Confidence = 0.5`), anywhere but the policy itself.
        let found = try Self.violations(#"(?i)confiden\w*\s*[:=(,]?[^/\n]*\b0\.\d"#)
            .filter { !$0.hasPrefix("Sources/TablefixModel/Confidence/ConfidencePolicy.swift") }
        #expect(found == [])
    }

    @Test("the check sees an unwrap in code but not in a comment or a string")
    func checkerSeesCode() {
        #expect(Self.code("let a = b! // c!\n") .contains("b!"))
        #expect(!Self.code("let a = \"b!\" // c!\n").contains("!"))
        #expect(!Self.code("let a = #\"\"\"\nb!\n\"\"\"#\n").contains("!"))
    }
}
