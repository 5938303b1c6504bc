import ArgumentParser
import Foundation
import Tablefix

/// `tablefix export DB --format jsonl|csv [--long | --continuity | --failures] [-o OUT]`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a batch database's documents as JSON lines or CSV.",
        discussion: """
            jsonl: one object per document and line, as `repair --format json` prints it. \
            csv: one row per document and one column per cell (TABLE.ROW.COL), ready for \
            pandas or a spreadsheet; --long writes one row per cell with its raw text and \
            confidence instead, --continuity the carried-over pairs between consecutive \
            reports of one body, --failures the files that failed and why.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, csv
    }

    @Argument(help: "The batch database.")
    var database: String

    @Option(help: "jsonl or csv.")
    var format: Format = .jsonl

    @Flag(help: "CSV: one row per cell, with confidences.")
    var long = false

    @Flag(help: "CSV: the carried-over pairs between consecutive reports of one body.")
    var continuity = false

    @Flag(help: "CSV: the files that failed, with the error.")
    var failures = false

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        let tables = [long, continuity, failures].filter { $0 }.count
        if tables > 0, format != .csv {
            throw ValidationError("--long, --continuity and --failures need --format csv")
        }
        if tables > 1 {
            throw ValidationError("--long, --continuity and --failures exclude each other")
        }
    }

    func run() throws {
        let exportFormat: BatchDatabase.ExportFormat =
            if format == .jsonl { .jsonl } else if long { .longCSV } else if continuity { .continuityCSV }
            else if failures { .failuresCSV } else { .wideCSV }
        let database = try BatchDatabase(path: database)
        let writer = try output.map(LineWriter.file) ?? LineWriter.standardOutput
        try database.export(exportFormat) { line in writer.write(line) }
        try writer.close()
    }
}
