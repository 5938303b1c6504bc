import Foundation
import ZIPFoundation

/// A DOCX package opened from memory: the parts a reader needs, each inflated through a
/// consumer that stops at a size cap, so that a zip bomb is an error and not an
/// exhausted machine.
struct DOCXPackage {
    /// How far a part may inflate.
    struct Limits: Sendable {
        /// The most bytes one part may inflate to.
        var inflatedBytes: Int
        /// The most a part may inflate relative to its compressed size, once it is past
        /// ``ratioFloor`` bytes (deflate's own ceiling is about 1032).
        var ratio: Int
        /// Below this many inflated bytes the ratio is not checked.
        var ratioFloor: Int

        /// 256 MiB, 500 to 1 past 16 MiB.
        static let standard = Limits(inflatedBytes: 256 << 20, ratio: 500, ratioFloor: 16 << 20)
    }

    /// Why a package cannot be read.
    enum Failure: Error, Equatable {
        /// Not a zip archive, or a damaged one.
        case corrupt(String)
        /// A zip archive of a kind not read (ZIP64).
        case unsupported(String)
        /// A part inflates past a limit: the reason says which.
        case bomb(String)
    }

    private let bytes: [UInt8]
    private let layout: ZIPLayout
    private let archive: Archive
    let limits: Limits

    /// Opens a package. The directory is checked before ZIPFoundation reads it.
    ///
    /// - Throws: ``Failure/corrupt(_:)`` when the bytes are not a sound zip archive.
    init(bytes: [UInt8], limits: Limits = .standard) throws(Failure) {
        do {
            layout = try ZIPLayout(bytes: bytes)
        } catch {
            throw error.isUnsupported ? .unsupported(error.reason) : .corrupt(error.reason)
        }
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw .corrupt(Self.describe(error))
        }
        self.bytes = bytes
        self.limits = limits
    }

    /// Whether the package has a part at `path`.
    func contains(_ path: String) -> Bool {
        layout.entry(path) != nil && archive[path] != nil
    }

    /// The bytes of the part at `path`, or nil when there is none.
    ///
    /// - Throws: ``Failure/bomb(_:)`` when the part inflates past ``limits``;
    ///   ``Failure/corrupt(_:)`` when its data is damaged.
    func part(_ path: String) throws(Failure) -> [UInt8]? {
        guard let entry = layout.entry(path), let archived = archive[path] else { return nil }
        guard archived.type == .file else { return nil }
        if entry.uncompressedSize > limits.inflatedBytes { throw .bomb(Self.pastSize(path, limits)) }
        var output: [UInt8] = []
        output.reserveCapacity(min(entry.uncompressedSize, limits.inflatedBytes))
        let consumer: Consumer = { chunk in
            guard output.count + chunk.count <= limits.inflatedBytes else {
                throw Failure.bomb(Self.pastSize(path, limits))
            }
            output.append(contentsOf: chunk)
            if output.count > limits.ratioFloor, output.count / max(entry.compressedSize, 1) > limits.ratio {
                throw Failure.bomb("\(path) inflates more than \(limits.ratio) times its compressed size")
            }
        }
        let checksum: CRC32
        do {
            switch entry.method {
            case 0:
                checksum = try archive.extract(archived, bufferSize: 65_536, skipCRC32: false, consumer: consumer)
            case 8:
                // Inflated from the entry's own bytes: running out of them ends the stream
                // with an error instead of waiting for more. ZIPFoundation tells zlib every
                // chunk holds `size` bytes, so a short last chunk is padded with zeros
                // (a stream that runs on into them fails its CRC or its next read).
                var position = entry.data.lowerBound
                let provider: Provider = { _, size in
                    guard position < entry.data.upperBound else {
                        throw Failure.corrupt("\(path): deflate stream cut short")
                    }
                    let end = min(entry.data.upperBound, position + max(size, 1))
                    var chunk = Data(bytes[position..<end])
                    if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                    position = end
                    return chunk
                }
                checksum = try Data.decompress(
                    size: Int64(entry.compressedSize), bufferSize: 65_536, skipCRC32: false, provider: provider,
                    consumer: consumer)
            default:
                throw Failure.corrupt("\(path): compression method \(entry.method) is not supported")
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .corrupt("\(path): damaged data (\(error))")
        }
        guard checksum == entry.crc32 else { throw .corrupt("\(path): CRC mismatch") }
        return output
    }

    private static func pastSize(_ path: String, _ limits: Limits) -> String {
        "\(path) inflates past \(limits.inflatedBytes >> 20) MiB"
    }
}

extension DOCXPackage {
    /// ZIPFoundation's error in a user's words: `missingEndOfCentralDirectoryRecord` reads
    /// `the end of the archive is missing (cut short?)`.
    static func describe(_ error: any Error) -> String {
        let name = String(describing: error)
        switch name {
        case "missingEndOfCentralDirectoryRecord": return "the end of the archive is missing (cut short?)"
        case "invalidCentralDirectoryEntryCount", "invalidCentralDirectoryOffset", "invalidCentralDirectorySize":
            return "its table of contents is damaged"
        case "unreadableArchive": return "it cannot be read"
        default: return "damaged (\(name))"
        }
    }
}
