import Foundation
import TablefixReaders
import ZIPFoundation

/// One file a batch found: the path that names it and its bytes, or why they could not
/// be read.
struct BatchItem {
    /// The file's path; inside an archive, `archive.zip!/entry/name.txt`.
    var path: String
    /// The bytes (empty when the walk does not load them), or the reason there are none.
    var bytes: Result<[UInt8], ReadError>
    /// Seconds spent reading (and decompressing) the bytes.
    var readSeconds: Double
}

/// Walks a batch's inputs lazily, in a stable order: files as given, folders recursively
/// (entries sorted by name, hidden ones skipped), `.zip` archives entry by entry.
///
/// Only one file's bytes are in memory at a time: an archive's entries are decompressed
/// one by one as the walk reaches them, never the whole archive. Files outside the shard
/// are skipped before they are read.
///
/// - Complexity: O(1) memory per open folder level and archive, plus one folder's list
///   of names.
final class BatchInputs: IteratorProtocol {
    /// The separator between an archive's path and an entry's.
    static let archiveSeparator = "!/"

    private enum Frame {
        case folder(path: String, names: [String], next: Int)
        case archive(path: String, archive: Archive, entries: AnyIterator<Entry>)
    }

    private var inputs: AnyIterator<String>
    private var stack: [Frame] = []
    private var visitedFolders: Set<String> = []
    private let shard: BatchShard?
    private let excluded: Set<String>
    private let load: Bool
    private let maxBytes: Int

    /// - Parameters:
    ///   - inputs: Paths of files, folders and `.zip` archives, read one at a time.
    ///   - shard: Keep only the files of this shard.
    ///   - load: Read each file's bytes; false only names the files (to count them).
    ///   - maxBytes: A file larger than this is a failure (`too-large`), not read.
    ///   - excluding: Files never to visit (the batch's own database), by path.
    init(_ inputs: some Sequence<String>, shard: BatchShard? = nil, load: Bool = true, maxBytes: Int,
         excluding: [String] = []) {
        var iterator = inputs.makeIterator()
        self.inputs = AnyIterator { iterator.next() }
        self.shard = shard
        excluded = Set(excluding.map(Self.canonical))
        self.load = load
        self.maxBytes = maxBytes
    }

    /// The number of files the inputs hold (in the shard), without reading them.
    static func count(_ inputs: [String], shard: BatchShard?, maxBytes: Int, excluding: [String] = []) -> Int {
        let walk = BatchInputs(inputs, shard: shard, load: false, maxBytes: maxBytes, excluding: excluding)
        var count = 0
        while walk.next() != nil { count += 1 }
        return count
    }

    func next() -> BatchItem? {
        while true {
            guard let frame = stack.popLast() else {
                guard let input = inputs.next() else { return nil }
                let path = input.trimmingCharacters(in: .whitespacesAndNewlines)
                if path.isEmpty { continue }
                if let item = visit(path) { return item }
                continue
            }
            switch frame {
            case .folder(let path, let names, let next):
                guard next < names.count else { continue }
                stack.append(.folder(path: path, names: names, next: next + 1))
                let child = path.hasSuffix("/") ? path + names[next] : path + "/" + names[next]
                if let item = visit(child) { return item }
            case .archive(let path, let archive, let entries):
                guard let entry = entries.next() else { continue }
                stack.append(.archive(path: path, archive: archive, entries: entries))
                if let item = visit(entry, of: archive, at: path) { return item }
            }
        }
    }

    /// A file becomes an item; a folder or an archive is opened for the walk to enter.
    private func visit(_ path: String) -> BatchItem? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            return failure(path, .unreadable, "no such file")
        }
        if isFolder.boolValue {
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            guard visitedFolders.insert(resolved).inserted else { return nil }
            do {
                let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { !$0.hasPrefix(".") }
                stack.append(.folder(path: path, names: Self.walkOrder(names, in: path), next: 0))
                return nil
            } catch {
                return failure(path, .unreadable, "cannot list folder (\(Self.describe(error)))")
            }
        }
        if !excluded.isEmpty, excluded.contains(Self.canonical(path)) { return nil }
        if path.lowercased().hasSuffix(".zip") {
            do {
                let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
                stack.append(.archive(path: path, archive: archive, entries: archive.makeIterator()))
                return nil
            } catch {
                return failure(path, .corrupt, "not a readable zip archive (\(error))")
            }
        }
        guard inShard(path) else { return nil }
        guard load else { return BatchItem(path: path, bytes: .success([]), readSeconds: 0) }
        let start = ContinuousClock.now
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size > maxBytes { return failure(path, .tooLarge, "larger than \(Self.megabytes(maxBytes)) (\(size) bytes)") }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return BatchItem(path: path, bytes: .success([UInt8](data)), readSeconds: Self.seconds(since: start))
        } catch {
            return failure(path, .unreadable, Self.describe(error))
        }
    }

    /// The absolute path with symbolic links resolved, to compare two names of one file.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// A folder's names in the order that makes a depth-first walk meet paths in byte
    /// order (as SQLite compares them): a folder sorts as its name followed by `/`.
    static func walkOrder(_ names: [String], in folder: String) -> [String] {
        let keyed = names.map { name -> (key: [UInt8], name: String) in
            var isFolder: ObjCBool = false
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            return (Array(name.utf8) + (isFolder.boolValue ? [UInt8(ascii: "/")] : []), name)
        }
        return keyed.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.name)
    }

    /// An archive entry becomes an item, decompressed with a cap on its size.
    private func visit(_ entry: Entry, of archive: Archive, at archivePath: String) -> BatchItem? {
        guard entry.type == .file else { return nil }
        let components = entry.path.split(separator: "/")
        guard let name = components.last, !name.hasPrefix("."), !components.contains("__MACOSX") else { return nil }
        let path = archivePath + Self.archiveSeparator + entry.path
        guard inShard(path) else { return nil }
        guard load else { return BatchItem(path: path, bytes: .success([]), readSeconds: 0) }
        if entry.uncompressedSize > UInt64(maxBytes) {
            return failure(path, .tooLarge, "larger than \(Self.megabytes(maxBytes)) (\(entry.uncompressedSize) bytes)")
        }
        let start = ContinuousClock.now
        var bytes = [UInt8]()
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        let cap = maxBytes
        do {
            _ = try archive.extract(entry) { chunk in
                // The header's size may lie (a zip bomb): stop at the cap whatever it says.
                guard bytes.count + chunk.count <= cap else { throw SizeCapReached() }
                bytes.append(contentsOf: chunk)
            }
        } catch is SizeCapReached {
            return failure(path, .tooLarge, "larger than \(Self.megabytes(maxBytes)) once decompressed")
        } catch {
            return failure(path, .corrupt, "cannot be extracted from its archive (\(error))")
        }
        return BatchItem(path: path, bytes: .success(bytes), readSeconds: Self.seconds(since: start))
    }

    private struct SizeCapReached: Error {}

    private func inShard(_ path: String) -> Bool {
        shard?.contains(path: path) ?? true
    }

    private func failure(_ path: String, _ code: ReadError.Code, _ reason: String) -> BatchItem? {
        guard inShard(path) else { return nil }
        return BatchItem(path: path, bytes: .failure(ReadError(code, file: path, reason: reason)), readSeconds: 0)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func megabytes(_ bytes: Int) -> String {
        "\(bytes / 1_048_576) MB"
    }

    /// The cause of a file-system error in a few words, as `repair` words it.
    static func describe(_ error: any Error) -> String { DocumentReader.describe(error) }
}
