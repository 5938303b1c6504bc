import ArgumentParser
import Foundation
import Tablefix

/// `tablefix review INPUT... --out report.html [--threshold T]` and
/// `tablefix review --apply corrections.json --db DB`.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Write a review report (one HTML file), or apply a reviewer's corrections to a batch database.",
        discussion: """
            The report shows each document's input beside its cleaned text with every edit \
            marked, its tables with each cell shaded by confidence, and a queue of the cells \
            below the threshold across all documents, least sure first. It is one file with \
            everything inline: it works offline and can be sent as an attachment. In the \
            page, j/k move through the queue, c confirms a cell, e corrects it; "Export \
            corrections" downloads the decisions as corrections.json.

            INPUT is a document, a folder or .zip archive of them (each repaired), or one \
            batch database (.db), shown as the batch stored it.

            With --apply, the decisions of corrections.json are written into the database \
            given with --db, with provenance "reviewed" (tables reviews and reviewed_cells); \
            the machine's values stay as they were. Applying a file twice changes nothing. \
            Exit status 2 when some decisions name a cell the database does not hold, or \
            confirm a value it no longer holds; the others are applied.
            """)

    @Argument(help: "Documents, folders, .zip archives, or one batch database.")
    var inputs: [String] = []

    @Option(name: .customLong("out"), help: "The HTML file to write.")
    var output: String?

    @Option(help: "Cells below this confidence are in the review queue when the page opens (0…1).")
    var threshold: Double = 0.9

    @Option(name: .customLong("apply"), help: "A corrections file exported from a report, to write into --db.")
    var corrections: String?

    @Option(name: .customLong("db"), help: "The batch database --apply writes to.")
    var database: String?

    @Option(help: "A folder of extra template files (*.json).")
    var templates: String?

    @Flag(name: .shortAndLong, help: "Print no summary.")
    var quiet = false

    func validate() throws {
        if corrections != nil {
            if database == nil { throw ValidationError("--apply needs --db DB, the database to write to") }
            if !inputs.isEmpty || output != nil {
                throw ValidationError("--apply writes to --db only: give no INPUT and no --out")
            }
            return
        }
        if database != nil { throw ValidationError("--db goes with --apply; to review a database, give it as INPUT") }
        if inputs.isEmpty { throw ValidationError("no input: give documents, folders, archives or one .db") }
        if output == nil { throw ValidationError("--out report.html is required") }
        if !(0...1).contains(threshold) { throw ValidationError("--threshold must be between 0 and 1") }
        if inputs.count > 1, inputs.contains(where: Reviewer.isDatabase) {
            throw ValidationError("a batch database is reviewed alone: give it as the only INPUT")
        }
    }

    func run() throws {
        let reviewer = Reviewer(repairer: try Repairer(templatesFolder: templates), threshold: threshold)
        if let corrections, let database {
            let counts = try reviewer.apply(correctionsAt: corrections, to: database)
            var lines = ["tablefix: \(corrections) -> \(database): \(counts)"]
            lines += counts.problems.prefix(20).map { "  " + $0 }
            if counts.problems.count > 20 { lines.append("  … \(counts.problems.count - 20) more") }
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            if counts.unknown + counts.conflicting > 0 { throw ExitCode(2) }
            return
        }
        guard let output else { return }
        let summary = try reviewer.writeReport(of: inputs, to: output)
        if !quiet {
            FileHandle.standardError.write(Data("tablefix: \(output): \(summary)\n".utf8))
        }
    }
}
