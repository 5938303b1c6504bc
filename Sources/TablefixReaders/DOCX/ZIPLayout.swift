/// The entries of a zip archive as its central directory lists them, every offset and
/// size checked against the archive's bytes.
///
/// ZIPFoundation's in-memory archive trusts what it reads: an offset past the end of the
/// bytes traps, and on Linux its inflater waits forever for a deflate stream that was cut
/// short. So the directory is checked here before ZIPFoundation opens the archive, and
/// entries are inflated from the bounded byte ranges this layout records.
///
/// ZIP64 archives are refused: a DOCX never needs them.
struct ZIPLayout {
    /// One entry of the central directory.
    struct Entry: Equatable {
        var path: String
        /// 0 stored, 8 deflated.
        var method: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        /// Where the entry's (compressed) data lies in the archive.
        var data: Range<Int>
    }

    /// Why the bytes are not a usable zip archive, in a few words.
    struct Problem: Error, Equatable {
        var reason: String
        /// A sound archive of a kind not read (ZIP64), rather than a damaged one.
        var isUnsupported = false
    }

    /// The entries in directory order.
    private(set) var entries: [Entry] = []

    /// Reads and checks the directory of `bytes`.
    ///
    /// - Throws: ``Problem`` when the directory is missing, points outside the bytes, or
    ///   uses ZIP64.
    /// - Complexity: O(e) in the size of the central directory, plus at most 64 KiB
    ///   scanned for its end record.
    init(bytes: [UInt8]) throws(Problem) {
        let count = bytes.count
        guard let end = Self.endRecord(in: bytes) else {
            throw Problem(reason: "no end of central directory (truncated?)")
        }
        if end >= 20, Self.uint32(bytes, end - 20) == 0x0706_4B50 {
            throw Problem(reason: "ZIP64 archives are not supported", isUnsupported: true)
        }
        let total = Int(Self.uint16(bytes, end + 10))
        let directorySize = Self.uint32(bytes, end + 12)
        let directoryOffset = Int(Self.uint32(bytes, end + 16))
        if total == 0xFFFF || directoryOffset == 0xFFFF_FFFF || directorySize == 0xFFFF_FFFF {
            throw Problem(reason: "ZIP64 archives are not supported", isUnsupported: true)
        }
        guard directoryOffset <= end else {
            throw Problem(reason: "central directory lies outside the file (truncated?)")
        }
        var position = directoryOffset
        for _ in 0..<total {
            guard position + 46 <= count, Self.uint32(bytes, position) == 0x0201_4B50 else {
                throw Problem(reason: "damaged central directory")
            }
            let method = Self.uint16(bytes, position + 10)
            let crc = Self.uint32(bytes, position + 16)
            let compressed = Self.uint32(bytes, position + 20)
            let uncompressed = Self.uint32(bytes, position + 24)
            let nameLength = Int(Self.uint16(bytes, position + 28))
            let extraLength = Int(Self.uint16(bytes, position + 30))
            let commentLength = Int(Self.uint16(bytes, position + 32))
            let localOffset = Self.uint32(bytes, position + 42)
            let next = position + 46 + nameLength + extraLength + commentLength
            guard next <= count else { throw Problem(reason: "damaged central directory") }
            let path = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF {
                throw Problem(reason: "ZIP64 archives are not supported", isUnsupported: true)
            }
            let local = Int(localOffset)
            guard local + 30 <= count, Self.uint32(bytes, local) == 0x0403_4B50 else {
                throw Problem(reason: "\(path): local header lies outside the file")
            }
            let start = local + 30 + Int(Self.uint16(bytes, local + 26)) + Int(Self.uint16(bytes, local + 28))
            let stored = method == 0 ? Int(uncompressed) : Int(compressed)
            guard start + Int(compressed) <= count, start + stored <= count else {
                throw Problem(reason: "\(path): data runs past the end of the file (truncated?)")
            }
            entries.append(
                Entry(
                    path: path, method: method, crc32: crc, compressedSize: Int(compressed),
                    uncompressedSize: Int(uncompressed), data: start..<(start + Int(compressed))))
            position = next
        }
    }

    /// The first entry with this path, as ZIPFoundation finds it.
    func entry(_ path: String) -> Entry? {
        entries.first { $0.path == path }
    }

    /// The offset of the end-of-central-directory record nearest the end, looking no
    /// further back than its longest comment allows.
    private static func endRecord(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var position = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while position >= lowest {
            if bytes[position] == 0x50, uint32(bytes, position) == 0x0605_4B50 {
                let commentLength = Int(uint16(bytes, position + 20))
                return position + 22 + commentLength <= bytes.count ? position : nil
            }
            position -= 1
        }
        return nil
    }

    private static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }
}
