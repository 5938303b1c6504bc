public import ArgumentParser
import Foundation
import Tablefix

/// `tablefix export DB [--format jsonl|csv|csv-long|tsv|continuity|failures] [-o OUT] [filters]`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a batch database's documents as JSON Lines, CSV or TSV.",
        discussion: """
            jsonl: one object per document and line, as `repair --format json` prints it, \
            then one line per path with the same bytes ({"source", "status": "linked", \
            "hash", "linked_to"}). csv: one row per document (and per linked path, with \
            linked_to) and one column per cell (TABLE.ROW.COL), ready for pandas or a \
            spreadsheet; tsv: the same with tabs. csv-long: one row per cell with its raw \
            text and confidence. continuity: the pairs of cells consecutive reports of one \
            body must agree on. failures: the files that failed and why.

            A cell a reviewer corrected (`tablefix review apply`) has the reviewer's value, \
            with provenance "reviewed" and the machine's value beside it (csv: columns \
            provenance and machine_values; csv-long: provenance and machine_value; jsonl: \
            "provenance" and "machine_value" in the cell). --machine-values gives the values \
            as the machine read them, and jsonl then prints exactly what `repair` printed.
            """)

    @Argument(help: "The batch database.")
    var database: String

    @Option(help: "What to write.")
    var format: BatchDatabase.ExportFormat = .jsonl

    @Flag(help: "The machine's values only, without the reviewers' corrections.")
    var machineValues = false

    @Option(help: "Only documents that follow this template (gov-disclosure-2021, …).")
    var template: String?

    @Option(help: "Only documents whose confidence is at least this (0…1).")
    var minConfidence: Double?

    @Option(help: "Only rows of this status: done (documents), linked (paths with the same bytes as one) or failed.")
    var status: BatchDatabase.ExportStatus?

    @Flag(help: "The files that failed (as --status failed).")
    var failures = false

    @Option(
        name: [.short, .customLong("output"), .customLong("out")],
        help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        if let minConfidence, !(0...1).contains(minConfidence) {
            throw ValidationError("--min-confidence must be between 0 and 1")
        }
        if failures, let status, status != .failed { throw ValidationError("--failures is --status failed") }
    }

    func run() throws {
        let database = try BatchDatabase(path: database)
        let options = BatchDatabase.ExportOptions(
            machineValues: machineValues, template: template, minimumConfidence: minConfidence,
            status: failures ? .failed : status)
        let writer = try LineWriter.output(output)
        try database.export(format, options: options) { line in writer.write(line) }
        try writer.close()
    }
}

extension BatchDatabase.ExportFormat: ExpressibleByArgument {}
extension BatchDatabase.ExportStatus: ExpressibleByArgument {}
