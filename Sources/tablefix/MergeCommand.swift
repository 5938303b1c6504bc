import ArgumentParser
import Foundation
import Tablefix

/// `tablefix merge -o OUT.db SHARD.db...` (or `tablefix merge OUT.db SHARD.db...`).
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine batch databases (shards of one batch) into one.",
        discussion: """
            OUT.db is created if missing. A document that several shards hold (the same \
            bytes under different paths) is kept once, under the path that sorts first, and \
            its other paths are linked to it; continuity pairs are recomputed at the end. \
            Merging the same shards again changes nothing.
            """)

    @Argument(help: "The shard databases to add (the first is the output when -o is not given).")
    var databases: [String]

    @Option(name: [.short, .customLong("output"), .customLong("out")], help: "The database to write.")
    var output: String?

    @Flag(name: .shortAndLong, help: "Print no summary.")
    var quiet = false

    /// The output and the shards, as given.
    var target: (output: String, shards: [String])? {
        if let output { return (output, databases) }
        guard let first = databases.first else { return nil }
        return (first, Array(databases.dropFirst()))
    }

    func validate() throws {
        guard let target, !target.shards.isEmpty else {
            throw ValidationError("no shard: give -o OUT.db and the databases to merge")
        }
        let path = URL(fileURLWithPath: target.output).standardizedFileURL.path
        if target.shards.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == path }) {
            throw ValidationError("\(target.output): cannot merge a database into itself")
        }
    }

    func run() throws {
        guard let target else { return }
        let database = try BatchDatabase(path: target.output, create: true, repairer: try Repairer())
        let added = try database.merge(target.shards)
        if !quiet {
            Terminal.note(
                "merged \(target.shards.count) databases into \(target.output): \(added.reduce(0, +)) documents added")
        }
    }
}
