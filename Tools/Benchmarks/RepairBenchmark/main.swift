// Benchmark for repairing documents in process (read, clean, rebuild the tables, render
// the JSON object): documents per second, MB/s and CPU time per document over the files
// given, and the cost per KB as one document grows, to show that the cost stays linear
// in the input's size. `Tools/bench.py` runs it beside `tablefix batch` and the readers
// a user would otherwise script.
//
//     swift run -c release repair-benchmark [--rounds N] [--json] [--growth FILE]... [PATH...]
//
// PATHs are files or folders (walked for .txt, .html and .docx); by default the repository's
// samples (Samples/shared and every Samples/*/variants folder). Every file is loaded into
// memory first, repaired once to warm up, then `--rounds` times (default 1) on one core.
// `--growth FILE` repeats FILE's bytes 1, 4, 16 and 64 times and times each repair.
// With --json, prints one JSON object instead of the lines for people.
import Foundation
import Tablefix

var arguments = Array(CommandLine.arguments.dropFirst())
var rounds = 1
var asJSON = false
var growthFiles: [String] = []
var paths: [String] = []
while let argument = arguments.first {
    arguments.removeFirst()
    switch argument {
    case "--rounds": rounds = arguments.isEmpty ? rounds : Int(arguments.removeFirst()) ?? rounds
    case "--json": asJSON = true
    case "--growth": if !arguments.isEmpty { growthFiles.append(arguments.removeFirst()) }
    default: paths.append(argument)
    }
}

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
let documentExtensions: Set<String> = ["txt", "html", "htm", "docx"]

/// The documents under `paths` (files, or folders walked), sorted by path.
func files(under paths: [String]) -> [URL] {
    var found: [URL] = []
    for path in paths {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
        let url = URL(fileURLWithPath: path)
        guard isFolder.boolValue else {
            found.append(url)
            continue
        }
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { continue }
        for case let file as URL in walker
        where documentExtensions.contains(file.pathExtension.lowercased()) && !file.path.contains("/gold/") {
            found.append(file)
        }
    }
    return found.sorted { $0.path < $1.path }
}

func defaultPaths() -> [String] {
    var folders = [root.appendingPathComponent("Samples/shared").path]
    for collection in ["fixtures", "real", "habits"] {
        folders.append(root.appendingPathComponent("Samples/\(collection)/variants").path)
    }
    return folders
}

/// Seconds of CPU this process has used, on every thread.
func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

let repairer = try Repairer()
let documents = files(under: paths.isEmpty ? defaultPaths() : paths).compactMap { file in
    (try? Data(contentsOf: file)).map { (file.path, [UInt8]($0)) }
}
let bytes = documents.reduce(0) { $0 + $1.1.count }

/// Repairs every document once and renders its JSON; the number that could not be read.
func repairAll() -> Int {
    var failures = 0
    for (path, data) in documents {
        do {
            _ = try repairer.repair(bytes: data, path: path).jsonText
        } catch {
            failures += 1
        }
    }
    return failures
}

let failures = repairAll()
let clock = ContinuousClock()
let cpuStart = cpuSeconds()
let elapsed = seconds(clock.measure { for _ in 0..<rounds { _ = repairAll() } })
let cpu = cpuSeconds() - cpuStart
let count = documents.count * rounds

// Linearity: each growth file's bytes repeated k times.
var growth: [(file: String, k: Int, kilobytes: Double, milliseconds: Double)] = []
for file in growthFiles {
    guard let data = FileManager.default.contents(atPath: file) else { continue }
    for k in [1, 4, 16, 64] {
        let input = Array(Array(repeating: [UInt8](data), count: k).joined())
        _ = try? repairer.repair(bytes: input, path: file).jsonText
        let start = cpuSeconds()
        _ = try? repairer.repair(bytes: input, path: file).jsonText
        growth.append((file, k, Double(input.count) / 1024, (cpuSeconds() - start) * 1000))
    }
}

if asJSON {
    let growthJSON = growth.map {
        "{\"file\": \"\($0.file)\", \"k\": \($0.k), \"kilobytes\": \($0.kilobytes), \"milliseconds\": \($0.milliseconds)}"
    }
    print(
        "{\"documents\": \(count), \"bytes\": \(bytes * rounds), \"seconds\": \(elapsed), \"cpu_seconds\": \(cpu), "
            + "\"failures\": \(failures), \"growth\": [\(growthJSON.joined(separator: ", "))]}")
} else {
    print("repair --format json, in process, \(documents.count) inputs × \(rounds) rounds (\(failures) unreadable)")
    print(String(format: "  %.1f documents/s, %.2f MB/s, %.2f ms of CPU per document, %.3f ms per KB",
                 Double(count) / elapsed, Double(bytes * rounds) / elapsed / 1e6, cpu / Double(count) * 1000,
                 cpu * 1000 / (Double(bytes * rounds) / 1024)))
    if !growth.isEmpty { print("cost as one document grows (its bytes repeated k times), CPU time:") }
    for row in growth {
        let name = URL(fileURLWithPath: row.file).lastPathComponent
        print("  \(name)" + String(format: "  k=%-3d %8.0f KB  %8.1f ms  %6.3f ms/KB", row.k, row.kilobytes,
                                          row.milliseconds, row.milliseconds / row.kilobytes))
    }
}
