import ArgumentParser
import Foundation
import Tablefix

/// `tablefix repair FILE [--format text|json] [-o OUT] [--templates DIR]`.
struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Clean one document's text and rebuild its tables.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The document: plain text, HTML or DOCX, in UTF-8, UTF-16 or GB18030.")
    var file: String

    @Option(help: "What to print: the cleaned text, or the JSON object of spec/output.md.")
    var format: Format = .text

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "A folder of extra template files (*.json).")
    var templates: String?

    func run() throws {
        let repairer = try Repairer(templatesFolder: templates)
        let repair = try repairer.repair(path: file)
        let rendered = format == .json ? repair.jsonText + "\n" : repair.text + "\n"
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
