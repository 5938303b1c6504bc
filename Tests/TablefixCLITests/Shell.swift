import Foundation
import TablefixTestSupport

/// Runs the built `tablefix` with standard input and output as a test needs them: bytes
/// or a file on standard input, standard output to a pipe or a file (`/dev/full`).
enum Shell {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], stdin: Data? = nil, stdinPath: String? = nil, stdoutPath: String? = nil,
                    executable: String? = nil) throws -> Run
    {
        let process = Process()
        process.executableURL = executable.map(URL.init(fileURLWithPath:)) ?? CLITests.binary
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.root
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tablefix-shell-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let errors = scratch.appendingPathComponent("stderr"), output = scratch.appendingPathComponent("stdout")
        FileManager.default.createFile(atPath: errors.path, contents: nil)
        FileManager.default.createFile(atPath: output.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath ?? output.path))
        if let stdinPath {
            process.standardInput = FileHandle(forReadingAtPath: stdinPath)
        } else {
            let input = scratch.appendingPathComponent("stdin")
            FileManager.default.createFile(atPath: input.path, contents: stdin ?? Data())
            process.standardInput = try FileHandle(forReadingFrom: input)
        }
        try process.run()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            stdout: String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self),
            stderr: String(decoding: (try? Data(contentsOf: errors)) ?? Data(), as: UTF8.self))
    }

    /// A new empty folder.
    static func folder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tablefix-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A file of `bytes` in a new folder.
    static func file(_ bytes: [UInt8], name: String) throws -> String {
        let file = try folder("input").appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }
}
