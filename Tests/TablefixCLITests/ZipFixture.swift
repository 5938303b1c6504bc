import Foundation
import ZIPFoundation

/// Writes a zip file of named parts, for DOCX and archive tests.
enum ZipFixture {
    static func write(_ parts: [String: [UInt8]], to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (name, bytes) in parts.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count)) { position, size in
                Data(bytes[Int(position)..<min(bytes.count, Int(position) + size)])
            }
        }
    }
}
