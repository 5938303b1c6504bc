import ArgumentParser
import Foundation
import Tablefix
import TablefixOutput

/// The `tablefix` command: repair files, batch-clean many into a database, export and
/// merge batch databases, review the results in a browser.
///
/// Exit status, the same for every subcommand: 0 when everything was done; 1 when the
/// command could not do its work (an input that cannot be read, an output that cannot be
/// written, a database that cannot be used); 2 when it was done but some inputs failed
/// (they are reported); 64 for a command line that is not valid.
@main
struct TablefixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tablefix",
        abstract: "Turn badly extracted documents back into clean text and trustworthy tables.",
        discussion: """
            Exit status: 0 done; 1 the command could not do its work (input unreadable, \
            output unwritable, database unusable); 2 done, but some inputs failed; 64 a \
            command line that is not valid.
            """,
        version: TablefixVersion.current,
        subcommands: [RepairCommand.self, BatchCommand.self, ExportCommand.self, MergeCommand.self, ReviewCommand.self])

    /// Runs the command; an error of tablefix's own is one line on standard error,
    /// `tablefix: error: FILE: cause`, and exit status 1.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let error as any UserFacingError {
            Terminal.error(error.description)
            Foundation.exit(Terminal.failure)
        } catch {
            exit(withError: error)
        }
    }
}
