import ArgumentParser
import Foundation
import Tablefix
import TablefixOutput
import TablefixReaders

/// `tablefix repair FILE... [--format text|json|grids] [-o OUT] [--templates DIR] [--threshold T]`.
///
/// On a terminal, standard error ends with a short summary (``RepairSummary``): the
/// tables found, the cells below the threshold, the failed checks.
struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Clean documents' text and rebuild their tables.",
        discussion: """
            FILE - reads standard input. With several files, each file's result is one line \
            of JSON (JSON Lines: the object of --format json, or the grids), in the order \
            given; a file that cannot be read is reported on standard error, the others are \
            written, and the exit status is 2.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, grids
    }

    @Argument(
        help: "The documents (plain text in UTF-8, UTF-16 or GB18030, HTML, DOCX or PDF); - for standard input.")
    var files: [String]

    @Option(help: "What to print: the cleaned text, the JSON object of docs/spec/output.md, or the tables as read (grids).")
    var format: Format = .text

    @Option(
        name: [.short, .customLong("output"), .customLong("out")],
        help: "Write to this file instead of standard output.")
    var output: String?

    @Option(help: "A folder of extra template files (*.json).")
    var templates: String?

    @Option(help: "On a terminal, the summary counts the cells below this confidence.")
    var threshold: Double = Reviewer.defaultThreshold

    func validate() throws {
        if files.isEmpty { throw ValidationError("no input: give a file, or - for standard input") }
        if !(0...1).contains(threshold) { throw ValidationError("--threshold must be between 0 and 1") }
        if files.count > 1, format == .text {
            throw ValidationError("several files are written as JSON Lines: give --format json or grids")
        }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read once") }
    }

    func run() throws {
        let repairer = try Repairer(templatesFolder: templates)
        // Opened once there is something to write, so that an input that cannot be read is
        // the error reported, and no empty output file is left behind.
        var writer: LineWriter?
        var failed = 0
        for file in files {
            let rendered: String
            do throws(ReadError) {
                rendered = try render(file, repairer: repairer, lines: files.count > 1)
            } catch {
                if files.count == 1 { throw error }
                Terminal.error(error.description)
                failed += 1
                continue
            }
            if writer == nil { writer = try LineWriter.output(output) }
            writer?.write(rendered + "\n")
        }
        try writer?.close()
        if failed > 0 { throw ExitCode(Terminal.partialFailure) }
    }

    /// One file's output: pretty JSON (or the text) for one file, a compact line for several.
    private func render(_ file: String, repairer: Repairer, lines: Bool) throws(ReadError) -> String {
        let bytes = try file == "-" ? Self.standardInput() : nil
        if format == .grids {
            let grids = if let bytes { try repairer.grids(bytes: bytes, path: file) } else { try repairer.grids(path: file) }
            return grids.rendered(pretty: !lines)
        }
        let repair = if let bytes { try repairer.repair(bytes: bytes, path: file) } else { try repairer.repair(path: file) }
        // For a person at a terminal only: when standard error is piped, it stays empty.
        if !lines, isatty(STDERR_FILENO) != 0 {
            Terminal.note(RepairSummary(repair, threshold: threshold).description)
        }
        switch format {
        case .json, .grids: return repair.json.rendered(pretty: !lines)
        case .text: return repair.text
        }
    }

    /// All of standard input.
    static func standardInput() throws(ReadError) -> [UInt8] {
        do {
            return [UInt8](try FileHandle.standardInput.readToEnd() ?? Data())
        } catch {
            throw ReadError(.unreadable, file: "standard input", reason: "cannot be read (\(error.localizedDescription))")
        }
    }
}
