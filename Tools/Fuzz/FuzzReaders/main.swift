import Foundation
import Tablefix
import TablefixOutput
import TablefixReaders
import ZIPFoundation

// A seeded mutation fuzzer for the readers: `fuzz-readers READER SECONDS [--seed N]
// [--corpus DIR] [--last FILE]`, READER one of text, html, docx. Each input is a corpus
// file mutated a few times; it is written to the --last file before it is read, so that a
// crash (which ends this process) leaves it behind for Tools/fuzz to keep. Prints one line:
// `fuzz-readers: html: 12345 inputs in 60 s, seed 7, 0 crashes`.

/// SplitMix64: small, fast, and the same sequence on every machine for a seed.
struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Tokens that reach the readers' corners: markup, spans, encodings, table drawing.
let tokens: [String] = [
    "<table>", "</table>", "<tr>", "</tr>", "<td rowspan=0 colspan=1000>", "<td rowspan=65534>", "<th colspan=-1>",
    "<tbody>", "<tfoot>", "<font size=3>", "<img alt=\"表三\">", "<br>", "<!--", "-->", "<![CDATA[", "<script>",
    "<meta charset=\"gbk\">", "&#0;", "&#x10FFFF;", "&nbsp;", "&undefined;", "<?xml version=\"1.0\"?>",
    "<w:tc>", "</w:tc>", "<w:tr>", "<w:gridSpan w:val=\"999999\"/>", "<w:vMerge/>", "<w:vMerge w:val=\"restart\"/>",
    "<w:numId w:val=\"1\"/>", "<w:ilvl w:val=\"8\"/>", "<!DOCTYPE w:document [<!ENTITY a \"b\">]>",
    "┌──┬──┐", "│", "├──┼──┤", "└──┴──┘", "|---|---|", "+---+", "\t", "　", "\u{FEFF}", "\r\n", "\u{0}",
    "一、", "（一）", "4、", "Ξ,", "0", "9999999999", "-", "—", "／", "表一", "二、收到和处理政府信息公开申请情况",
    "本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "总计", "自然人", "2023年",
]

/// One mutation of `bytes`.
func mutate(_ bytes: inout [UInt8], with generator: inout Generator, corpus: [[UInt8]]) {
    let interesting: [UInt8] = [0x00, 0xFF, 0x7F, 0x80, 0xC0, 0xE4, 0x3C, 0x3E, 0x22, 0x26, 0x0A, 0x09, 0x20]
    let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
    switch Int.random(in: 0..<8, using: &generator) {
    case 0 where !bytes.isEmpty:
        bytes[position] ^= 1 << UInt8.random(in: 0..<8, using: &generator)
    case 1 where !bytes.isEmpty:
        bytes[position] = interesting.randomElement(using: &generator) ?? 0
    case 2:
        bytes.insert(contentsOf: Array((tokens.randomElement(using: &generator) ?? "").utf8), at: position)
    case 3 where bytes.count > 1:
        let length = Int.random(in: 1...min(512, bytes.count - position), using: &generator)
        bytes.removeSubrange(position..<(position + length))
    case 4 where bytes.count > 1:
        let length = Int.random(in: 1...min(2048, bytes.count - position), using: &generator)
        let copies = Int.random(in: 1...8, using: &generator)
        let chunk = Array(bytes[position..<(position + length)])
        for _ in 0..<copies { bytes.insert(contentsOf: chunk, at: position) }
    case 5:
        // Splice a piece of another seed in.
        guard let other = corpus.randomElement(using: &generator), !other.isEmpty else { return }
        let start = Int.random(in: 0..<other.count, using: &generator)
        let length = min(other.count - start, Int.random(in: 1...4096, using: &generator))
        bytes.insert(contentsOf: other[start..<(start + length)], at: position)
    case 6 where bytes.count > 16:
        bytes.removeSubrange(Int.random(in: bytes.count / 2..<bytes.count, using: &generator)...)
    default:
        bytes.insert(interesting.randomElement(using: &generator) ?? 0, at: position)
    }
}

/// A DOCX mutated inside: one of its XML parts changed, the package zipped again (or, now
/// and then, its raw bytes changed).
func mutateDOCX(_ bytes: [UInt8], with generator: inout Generator, corpus: [[UInt8]]) -> [UInt8] {
    var raw = bytes
    if Int.random(in: 0..<8, using: &generator) == 0 {
        mutate(&raw, with: &generator, corpus: corpus)
        return raw
    }
    let source: Archive, target: Archive
    do {
        source = try Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil)
        target = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
    } catch {
        return raw
    }
    let entries = Array(source)
    let xmlParts = entries.filter { $0.path.hasSuffix(".xml") }
    let chosen = xmlParts.randomElement(using: &generator)?.path
    for entry in entries {
        var data = Data()
        guard (try? source.extract(entry, consumer: { data.append($0) })) != nil else { continue }
        var part = [UInt8](data)
        if entry.path == chosen {
            for _ in 0..<Int.random(in: 1...6, using: &generator) { mutate(&part, with: &generator, corpus: corpus) }
        }
        let content = part
        try? target.addEntry(
            with: entry.path, type: .file, uncompressedSize: Int64(content.count), compressionMethod: .deflate
        ) { position, size in Data(content[Int(position)..<min(content.count, Int(position) + size)]) }
    }
    return target.data.map { [UInt8]($0) } ?? raw
}

let arguments = CommandLine.arguments
guard arguments.count >= 3, let seconds = Double(arguments[2]), ["text", "html", "docx"].contains(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: fuzz-readers text|html|docx SECONDS [--seed N] [--corpus DIR] [--last FILE]\n".utf8))
    exit(64)
}
let reader = arguments[1]
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let seed = option("--seed").flatMap(UInt64.init) ?? 1
let corpusFolder = option("--corpus") ?? "Tests/Fuzz/corpus"
let last = option("--last") ?? ".build/fuzz-last-\(reader)"
let folder = URL(fileURLWithPath: corpusFolder).appendingPathComponent(reader)
let files = ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
    .sorted { $0.lastPathComponent < $1.lastPathComponent }
let corpus = files.compactMap { try? [UInt8](Data(contentsOf: $0)) }
guard !corpus.isEmpty else {
    FileHandle.standardError.write(Data("fuzz-readers: no seeds in \(folder.path)\n".utf8))
    exit(1)
}
var generator = Generator(state: seed)
let repairer = try Repairer()
let documents = DocumentReader()
let start = Date()
var inputs = 0, refused = 0
while Date().timeIntervalSince(start) < seconds {
    let seedBytes = corpus[inputs % corpus.count]
    var bytes: [UInt8]
    if reader == "docx" {
        bytes = mutateDOCX(seedBytes, with: &generator, corpus: corpus)
    } else {
        bytes = seedBytes
        for _ in 0..<Int.random(in: 1...8, using: &generator) { mutate(&bytes, with: &generator, corpus: corpus) }
    }
    _ = FileManager.default.createFile(atPath: last, contents: Data(bytes))
    do {
        // Every input through the reader; every eighth through the whole repair as well.
        let document = try documents.document(from: bytes, path: "fuzz.\(reader)")
        if inputs % 8 == 0 { _ = repairer.repair(document).json.rendered() }
    } catch {
        refused += 1
    }
    inputs += 1
}
try? FileManager.default.removeItem(atPath: last)
let elapsed = Int(Date().timeIntervalSince(start).rounded())
print("fuzz-readers: \(reader): \(inputs) inputs in \(elapsed) s (\(refused) refused with an error), seed \(seed), 0 crashes")
