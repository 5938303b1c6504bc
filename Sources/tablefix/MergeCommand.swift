import ArgumentParser
import Foundation
import Tablefix

/// `tablefix merge OUT.db SHARD.db...`.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine batch databases (shards of one batch) into one.",
        discussion: """
            OUT.db is created if missing. A document that several shards hold (the same \
            bytes under different paths) is kept once, under the path that sorts first, and \
            its other paths are linked to it; continuity pairs are recomputed at the end.
            """)

    @Argument(help: "The database to write.")
    var output: String

    @Argument(help: "The shard databases to add.")
    var shards: [String]

    @Flag(name: .shortAndLong, help: "Print no summary.")
    var quiet = false

    func validate() throws {
        if shards.isEmpty {
            throw ValidationError("no shard: give the databases to merge after OUT.db")
        }
        let target = URL(fileURLWithPath: output).standardizedFileURL.path
        if shards.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == target }) {
            throw ValidationError("\(output): cannot merge a database into itself")
        }
    }

    func run() throws {
        let database = try BatchDatabase(path: output, create: true)
        let added = try database.merge(shards)
        if !quiet {
            let documents = added.reduce(0, +)
            FileHandle.standardError.write(Data(
                "tablefix: merged \(shards.count) databases into \(output): \(documents) documents added\n".utf8))
        }
    }
}
