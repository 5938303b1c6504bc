import Foundation
import TablefixTestSupport
import Testing

/// A corrections file is input: `review apply` checks it whole and refuses it with the
/// entry's position, writing nothing.
@Suite("corrections files are checked whole")
struct CorrectionFileTests {
    static let sample = "Samples/shared/xigong-health-2022.txt"

    static func database(_ name: String) throws -> (URL, String) {
        let folder = try Shell.folder(name)
        let database = folder.appendingPathComponent("b.db").path
        #expect(try Shell.run(["batch", sample, "-o", database, "-q"]).status == 0)
        return (folder, database)
    }

    static func entry(_ fields: String) -> String {
        "{\"source\": \"\(sample)\", \"table\": \"requests\", \"key\": \"new.natural\", \(fields)}"
    }

    @Test("a bad entry is refused with its position and nothing is written", arguments: [
        (entry("\"action\": \"correct\", \"valeu\": 12"),
         "correction 2: unknown field \"valeu\" (the fields are action, document_hash, key, original, source, table, value)"),
        (entry("\"action\": \"correct\", \"value\": 2.5"),
         "correction 2: \"value\" must be a whole number for requests new.natural, not 2.5"),
        (entry("\"action\": \"correct\", \"value\": -1"),
         "correction 2: \"value\" must be a count between 0 and 10000000000, not -1.0"),
        (entry("\"action\": \"correct\", \"value\": 1e308"),
         "correction 2: \"value\" must be a count between 0 and 10000000000, not 1e+308"),
        (entry("\"action\": \"correct\", \"value\": 7"),
         "correction 2: disagrees with correction 1 about Samples/shared/xigong-health-2022.txt requests new.natural"),
        (entry("\"action\": \"correct\""), "correction 2: a correction needs \"value\" (null for a blank cell)"),
    ])
    func refused(second: String, message: String) throws {
        let (folder, database) = try Self.database("bad-corrections")
        let file = folder.appendingPathComponent("c.json").path
        let first = Self.entry("\"action\": \"correct\", \"value\": 12, \"original\": 0")
        try Data("{\"corrections\": [\(first), \(second)]}".utf8).write(to: URL(fileURLWithPath: file))
        let result = try Shell.run(["review", "apply", file, "--db", database])
        #expect(result.status == 1)
        #expect(result.stderr == "tablefix: error: \(file): \(message)\n")
        let reviewed = CSVTable.records(from: try Shell.run(["export", database, "--format", "csv-long"]).stdout)
        #expect(reviewed.allSatisfy { $0["provenance"] == "machine" })
    }

    @Test("an original the database does not hold is not applied, and the exit status is 2")
    func staleOriginal() throws {
        let (folder, database) = try Self.database("stale-original")
        let file = folder.appendingPathComponent("c.json").path
        let entry = Self.entry("\"action\": \"correct\", \"value\": 12, \"original\": 5")
        try Data("{\"corrections\": [\(entry)]}".utf8).write(to: URL(fileURLWithPath: file))
        let result = try Shell.run(["review", "apply", file, "--db", database])
        #expect(result.status == 2)
        #expect(result.stderr.contains("0 applied, 0 unchanged, 0 unknown, 1 conflicting"))
        #expect(result.stderr.contains("correction 1 (\(Self.sample) requests new.natural): the report showed 5 but the database holds 0"))
    }
}
