import ArgumentParser
import Foundation
import Tablefix

/// `tablefix repair FILE [--format text|json|grids] [-o OUT] [--templates DIR] [--threshold T]`.
///
/// On a terminal, standard error ends with a short summary (``RepairSummary``): the
/// tables found, the cells below the threshold, the failed checks.
struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Clean one document's text and rebuild its tables.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, grids
    }

    @Argument(help: "The document: plain text, HTML or DOCX, in UTF-8, UTF-16 or GB18030.")
    var file: String

    @Option(help: "What to print: the cleaned text, the JSON object of spec/output.md, or the tables as read (grids).")
    var format: Format = .text

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "A folder of extra template files (*.json).")
    var templates: String?

    @Option(help: "On a terminal, the summary counts the cells below this confidence.")
    var threshold: Double = 0.9

    func validate() throws {
        if !(0...1).contains(threshold) { throw ValidationError("--threshold must be between 0 and 1") }
    }

    func run() throws {
        let repairer = try Repairer(templatesFolder: templates)
        if format == .grids {
            try write(try repairer.gridsJSON(path: file) + "\n")
            return
        }
        let repair = try repairer.repair(path: file)
        try write(format == .json ? repair.jsonText + "\n" : repair.text + "\n")
        // For a person at a terminal only: when standard error is piped, it stays empty.
        if isatty(STDERR_FILENO) != 0 {
            let summary = RepairSummary(repair, threshold: threshold).description
            let lines = summary.split(separator: "\n").map { "tablefix: " + $0 }
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
    }

    /// Writes the output to `-o OUT` or standard output.
    private func write(_ rendered: String) throws {
        if let output {
            do {
                try Data(rendered.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                throw ValidationError("\(output): cannot write (\(error.localizedDescription))")
            }
        } else {
            FileHandle.standardOutput.write(Data(rendered.utf8))
        }
    }
}
