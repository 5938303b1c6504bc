import Foundation
import ZIPFoundation

/// A document's cleaned text as `documents.text_deflate` keeps it: UTF-8, raw DEFLATE
/// (RFC 1951, what Python's `zlib.decompress(blob, -15)` reads). Chinese text shrinks to
/// about a third, which keeps a batch database near 16 KB a document.
enum DeflatedText {
    /// `text`, deflated.
    static func deflate(_ text: String) throws -> Data {
        let input = Data(text.utf8)
        var output = Data()
        _ = try Data.compress(
            size: Int64(input.count), bufferSize: 1 << 16,
            provider: { position, size in input.subdata(in: Int(position)..<min(input.count, Int(position) + size)) },
            consumer: { output.append($0) })
        return output
    }

    /// The text of a deflated blob; nil when it is not one.
    static func inflate(_ data: Data?) -> String? {
        guard let data else { return nil }
        var output = Data()
        do {
            _ = try Data.decompress(
                size: Int64(data.count), bufferSize: 1 << 16, skipCRC32: true,
                provider: { position, size in data.subdata(in: Int(position)..<min(data.count, Int(position) + size)) },
                consumer: { output.append($0) })
        } catch {
            return nil
        }
        return String(decoding: output, as: UTF8.self)
    }
}
