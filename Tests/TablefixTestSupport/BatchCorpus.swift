public import Foundation
import ZIPFoundation

/// A generated archive for batch tests: unique reports made from the shared samples, exact
/// copies of some under other names, one GB18030 report, and hostile files.
///
/// Reports alternate between the two samples that repair fastest, each made unique by a
/// trailing line with its number, so that a corpus of a hundred reports runs in seconds
/// even in a debug build.
public struct BatchCorpus: Sendable {
    /// One file: its path inside the corpus and its bytes.
    public struct File: Sendable {
        public var name: String
        public var bytes: [UInt8]

        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    public var files: [File]
    /// The number of distinct contents that repair (reports, the GB18030 one included).
    public var readable: Int
    /// The number of distinct contents that fail: empty, binary and undecodable files.
    public var broken: Int
    /// The number of files that repeat another file's bytes.
    public var duplicates: Int

    /// The samples the reports are made from: the shared samples that repair fastest.
    public static let sampleNames = ["yanzhou-health-2022.txt", "wendeng-health-2023.txt"]

    /// - Parameters:
    ///   - reports: How many unique reports.
    ///   - duplicates: How many copies of reports (and one of a broken file), under other names.
    ///   - hostile: Add an empty, a binary and an undecodable file.
    public static func make(reports: Int, duplicates: Int = 0, hostile: Bool = true) -> BatchCorpus {
        let samples = sampleNames.compactMap { name in
            (try? Data(contentsOf: Fixtures.sharedSamples.appendingPathComponent(name))).map { [UInt8]($0) }
        }
        var files: [File] = []
        for index in 0..<reports {
            let base = samples.isEmpty ? [] : samples[index % samples.count]
            let bytes = base + Array("\n附：文档编号 \(index + 1)\n".utf8)
            files.append(File(name: String(format: "reports/r%04d.txt", index + 1), bytes: bytes))
        }
        var readable = reports
        if let sample = Fixtures.sharedSampleFiles.first, let gb = Fixtures.gb18030(of: sample) {
            files.append(File(name: "reports/gb18030.txt", bytes: gb))
            readable += 1
        }
        var broken = 0
        if hostile {
            files.append(File(name: "broken/empty.txt", bytes: []))
            files.append(File(name: "broken/junk.bin", bytes: (0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }))
            files.append(File(name: "broken/bad-utf8.txt", bytes: Array("报告".utf8) + [0xFF, 0xFE, 0xFF, 0x80] + Array("正文".utf8)))
            broken = 3
        }
        var copies = 0
        for index in 0..<duplicates where reports > 0 {
            let original = files[(index * 7) % reports]
            files.append(File(name: String(format: "copies/c%03d.txt", index + 1), bytes: original.bytes))
            copies += 1
        }
        if hostile, duplicates > 0 {
            files.append(File(name: "copies/empty-too.txt", bytes: []))
            copies += 1
        }
        return BatchCorpus(files: files, readable: readable, broken: broken, duplicates: copies)
    }

    /// Writes the files under `folder`.
    public func write(to folder: URL) throws {
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
    }

    /// Writes the files into a new zip archive at `url`, deflated.
    public func writeZip(to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for file in files {
            let data = Data(file.bytes)
            try archive.addEntry(
                with: file.name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// A new empty folder under the temporary directory.
    public static func temporaryFolder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tablefix-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
