// Benchmark for the readers alone: `DocumentReader` over the files given, in process, with
// no cleanup, reconstruction or output, so that it measures what pandas.read_html and
// python-docx do. `Tools/bench_readers.py` runs it beside them on the same files.
//
//     swift run -c release reader-benchmark [--min-seconds S] FILE...
//
// Loads every file into memory, reads them all once to warm up, then reads them round after
// round until at least S seconds (default 3) have passed, and prints one JSON line:
// {"documents": N, "bytes": B, "seconds": T, "tables": K, "failures": F}, where N and B
// count every read, K the tables found in one round and F the files that could not be read.
import Foundation
import TablefixModel
import TablefixReaders

var arguments = Array(CommandLine.arguments.dropFirst())
var minimumSeconds = 3.0
if let flag = arguments.firstIndex(of: "--min-seconds"), flag + 1 < arguments.count,
    let value = Double(arguments[flag + 1])
{
    minimumSeconds = value
    arguments.removeSubrange(flag...(flag + 1))
}
guard !arguments.isEmpty else {
    FileHandle.standardError.write(Data("usage: reader-benchmark [--min-seconds S] FILE...\n".utf8))
    exit(2)
}

var loaded: [(path: String, bytes: [UInt8])] = []
for path in arguments {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("\(path): cannot be read\n".utf8))
        exit(1)
    }
    loaded.append((path, [UInt8](data)))
}
let inputs = loaded

/// Reads every input once: the tables found and the inputs that could not be read.
func readAll(_ inputs: [(path: String, bytes: [UInt8])]) -> (tables: Int, failures: Int) {
    let reader = DocumentReader()
    var tables = 0
    var failures = 0
    for input in inputs {
        do {
            let document = try reader.document(from: input.bytes, path: input.path)
            for block in document.blocks {
                if case .table = block.content { tables += 1 }
            }
        } catch {
            failures += 1
        }
    }
    return (tables, failures)
}

let warmUp = readAll(inputs)
let clock = ContinuousClock()
let start = clock.now
var rounds = 0
var elapsed = 0.0
repeat {
    _ = readAll(inputs)
    rounds += 1
    let duration = clock.now - start
    elapsed = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
} while elapsed < minimumSeconds
let bytes = inputs.reduce(0) { $0 + $1.bytes.count }
print(
    "{\"documents\": \(inputs.count * rounds), \"bytes\": \(bytes * rounds), \"seconds\": \(elapsed), "
        + "\"tables\": \(warmUp.tables), \"failures\": \(warmUp.failures)}")
