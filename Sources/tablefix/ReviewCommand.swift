import ArgumentParser
import Foundation
import Tablefix

/// `tablefix review INPUT... -o report.html [--threshold T]` and
/// `tablefix review apply corrections.json --db DB`.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Write a review report (one HTML file), or apply a reviewer's corrections to a batch database.",
        subcommands: [ReviewReportCommand.self, ReviewApplyCommand.self],
        defaultSubcommand: ReviewReportCommand.self)
}

/// `tablefix review [report] INPUT... -o report.html [--threshold T]`.
struct ReviewReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a review report: one HTML file that works offline.",
        discussion: """
            The report shows each document's input beside its cleaned text with every edit \
            marked, its tables with each cell shaded by confidence, and a queue of the cells \
            below the threshold across all documents, least sure first, with filters by \
            document, table and confidence. It is one file with everything inline: it works \
            offline and can be sent as an attachment. In the page, j/k move through the \
            queue, c confirms a cell, e corrects it; "Export corrections" downloads the \
            decisions as corrections.json, for `tablefix review apply`.

            INPUT is a document, a folder or .zip archive of them (each repaired), or one \
            batch database (.db), shown as the batch stored it, with the reviews applied so \
            far. Exit status 2 when some inputs could not be read (they are in the report).
            """)

    @Argument(help: "Documents, folders, .zip archives, or one batch database.")
    var inputs: [String] = []

    @Option(name: [.short, .customLong("output"), .customLong("out")], help: "The HTML file to write.")
    var output: String?

    @Option(help: "Cells below this confidence are in the review queue when the page opens (0…1).")
    var threshold: Double = Reviewer.defaultThreshold

    @Option(help: "A folder of extra template files (*.json).")
    var templates: String?

    @Flag(name: .shortAndLong, help: "Print no summary.")
    var quiet = false

    /// The option `review apply` replaced, kept to say so.
    @Option(name: .customLong("apply"), help: .hidden)
    var formerApply: String?

    func validate() throws {
        if let formerApply {
            throw ValidationError("--apply is now a subcommand: tablefix review apply \(formerApply) --db DB")
        }
        if inputs.isEmpty { throw ValidationError("no input: give documents, folders, archives or one .db") }
        if output == nil { throw ValidationError("-o report.html is required") }
        if !(0...1).contains(threshold) { throw ValidationError("--threshold must be between 0 and 1") }
        if inputs.count > 1, inputs.contains(where: Reviewer.isDatabase) {
            throw ValidationError("a batch database is reviewed alone: give it as the only INPUT")
        }
    }

    func run() throws {
        guard let output else { return }
        let reviewer = Reviewer(repairer: try Repairer(templatesFolder: templates), threshold: threshold)
        let summary = try reviewer.writeReport(of: inputs, to: output)
        if !quiet { Terminal.note("\(output): \(summary)") }
        if summary.failedDocuments > 0 { throw ExitCode(Terminal.partialFailure) }
    }
}

/// `tablefix review apply corrections.json --db DB`.
struct ReviewApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Write a reviewer's corrections into a batch database.",
        discussion: """
            The decisions of corrections.json (exported from a review report) are written \
            into the database with provenance "reviewed" (table reviews, view \
            reviewed_cells); the machine's values stay as they were, and exports carry the \
            reviewed values. The file is checked whole first: an entry with an unknown key, a \
            value that is not a count, or two entries that disagree about one cell is \
            refused with its position, and nothing is written. Applying a file twice \
            changes nothing. Exit status 2 when some decisions name a cell the database does \
            not hold, or a value it no longer holds; the others are applied.
            """)

    @Argument(help: "A corrections file exported from a review report.")
    var corrections: String

    @Option(name: .customLong("db"), help: "The batch database to write to.")
    var database: String

    @Option(help: "A folder of extra template files (*.json).")
    var templates: String?

    func run() throws {
        let reviewer = Reviewer(repairer: try Repairer(templatesFolder: templates))
        let counts = try reviewer.apply(correctionsAt: corrections, to: database)
        Terminal.note("\(corrections) -> \(database): \(counts)")
        for problem in counts.problems.prefix(20) { Terminal.detail(problem) }
        if counts.problems.count > 20 { Terminal.detail("… \(counts.problems.count - 20) more") }
        if counts.unknown + counts.conflicting > 0 { throw ExitCode(Terminal.partialFailure) }
    }
}
