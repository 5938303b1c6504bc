import ArgumentParser

/// The `tablefix` command: repair one file; batch-clean and review come later.
@main
struct TablefixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tablefix",
        abstract: "Turn badly extracted documents back into clean text and trustworthy tables.",
        subcommands: [RepairCommand.self])
}
