import ArgumentParser

/// The `tablefix` command: repair one file, batch-clean many into a database, export and
/// merge batch databases, review the results in a browser.
@main
struct TablefixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tablefix",
        abstract: "Turn badly extracted documents back into clean text and trustworthy tables.",
        subcommands: [RepairCommand.self, BatchCommand.self, ExportCommand.self, MergeCommand.self, ReviewCommand.self])
}
