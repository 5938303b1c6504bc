public import Foundation

/// Locates the repository's sample and fixture files from any test.
public enum Fixtures {
    /// The repository root (the folder holding Package.swift).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `Samples/shared`: the five real reports and their gold answers.
    public static var sharedSamples: URL { root.appendingPathComponent("Samples/shared") }

    /// The paths of the shared samples' text files.
    public static var sharedSampleFiles: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sharedSamples.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { sharedSamples.appendingPathComponent($0) }
    }

    /// The gold answer of a sample, as a JSON object.
    public static func gold(for sample: URL) throws -> [String: Any] {
        let name = sample.deletingPathExtension().lastPathComponent
        let url = sample.deletingLastPathComponent().appendingPathComponent("gold/\(name).json")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    }
}

extension Fixtures {
    /// Every UTF-8 text input the repository holds: the shared samples and the text
    /// renderings of the fixtures.
    public static var allTextInputs: [URL] {
        var files = sharedSampleFiles
        let variants = root.appendingPathComponent("Samples/fixtures/variants")
        if let enumerator = FileManager.default.enumerator(at: variants, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator
            where url.pathExtension == "txt" && !url.lastPathComponent.contains(".gb.") {
                files.append(url)
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}

extension Fixtures {
    /// The GB18030 bytes of a UTF-8 file, made by the system's iconv.
    public static func gb18030(of file: URL) -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030", file.path]
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? [UInt8](data) : nil
    }
}
