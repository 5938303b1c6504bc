// Benchmark for `tablefix repair --format json`: documents per second and MB/s over the
// repository's samples and fixtures, and the cost per KB as one document grows, to show
// that the cost stays linear in the input's size; then the narrative statement reader alone.
//
//     swift run -c release repair-benchmark [ROUNDS]
import Foundation
import Tablefix
import TablefixModel
import TablefixReconstruction

let rounds = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 5
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

func inputs() -> [(String, [UInt8])] {
    var files: [URL] = []
    for folder in ["Samples/shared", "Samples/fixtures/variants"] {
        let url = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { continue }
        for case let file as URL in walker
        where ["txt", "html", "docx"].contains(file.pathExtension) && !file.path.contains("/gold/") {
            files.append(file)
        }
    }
    return files.sorted { $0.path < $1.path }.compactMap { file in
        (try? Data(contentsOf: file)).map { (file.lastPathComponent, [UInt8]($0)) }
    }
}

let repairer = try Repairer()
let documents = inputs()
let bytes = documents.reduce(0) { $0 + $1.1.count }
var failures = 0
let clock = ContinuousClock()
let elapsed = clock.measure {
    for _ in 0..<rounds {
        for (name, data) in documents {
            do {
                let repair = try repairer.repair(bytes: data, path: name)
                _ = repair.jsonText
            } catch {
                failures += 1
            }
        }
    }
}
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let count = documents.count * rounds
print("repair --format json, in process, \(documents.count) inputs × \(rounds) rounds (\(failures / rounds) unreadable)")
print(String(format: "  %.1f documents/s, %.2f MB/s, %.2f ms per document",
             Double(count) / seconds, Double(bytes * rounds) / seconds / 1e6, seconds / Double(count) * 1000))

// Linearity: one report's text repeated k times.
if let base = documents.first(where: { $0.0 == "pingyin-county-2022.lo.txt" }) ?? documents.first {
    print("cost as one document grows (\(base.0) repeated k times):")
    print("      k        KB      ms    µs/KB")
    for k in [1, 4, 16, 64] {
        let data = Array(repeating: base.1, count: k).flatMap { $0 }
        let time = clock.measure {
            _ = try? repairer.repair(bytes: data, path: base.0).jsonText
        }
        let ms = Double(time.components.seconds) * 1000 + Double(time.components.attoseconds) / 1e15
        let kb = Double(data.count) / 1024
        print(String(format: "  %5d  %8.0f  %6.1f  %7.1f", k, kb, ms, ms * 1000 / kb))
    }
}

// The narrative statement reader alone, over the cleaned LibreOffice-text fixtures.
do {
    let phrases = try StatementPhrases.builtIn()
    let fixtures = documents.filter { $0.0.hasSuffix(".lo.txt") }
    let cleaned = fixtures.compactMap { (name, data) in try? repairer.repair(bytes: data, path: name) }
    let readers = cleaned.map {
        StatementReader(phrases: phrases, template: $0.extraction.template, year: $0.extraction.year)
    }
    var statements = 0
    let rounds = 200
    let time = clock.measure {
        for _ in 0..<rounds {
            for (reader, repair) in zip(readers, cleaned) { statements += reader.statements(in: repair.document).count }
        }
    }
    let runs = Double(rounds * cleaned.count)
    let µs = (Double(time.components.seconds) * 1e6 + Double(time.components.attoseconds) / 1e12) / runs
    print(String(format: "narrative statements, %d cleaned *.lo.txt × %d rounds: %.1f statements, %.0f µs per document",
                 cleaned.count, rounds, Double(statements) / runs, µs))
}
