import Foundation
import TablefixStore
import ZIPFoundation

/// Raw DEFLATE (RFC 1951) in base64: how the review page carries its data, which the
/// browser inflates with `DecompressionStream("deflate-raw")`. Documents' JSON shrinks
/// about tenfold, so a report of thousands of documents stays small enough to mail.
enum Deflate {
    /// `text`'s UTF-8, deflated, in base64.
    ///
    /// - Throws: ``ReviewError`` when zlib refuses (it does not, short of memory).
    /// - Complexity: O(n) in the length of `text`.
    static func base64(_ text: String) throws(ReviewError) -> String {
        let input = Data(text.utf8)
        var output = Data()
        do {
            _ = try Data.compress(
                size: Int64(input.count), bufferSize: 1 << 16,
                provider: { position, size in input.subdata(in: Int(position)..<min(input.count, Int(position) + size)) },
                consumer: { output.append($0) })
        } catch {
            throw ReviewError(.output, file: "review report", reason: "cannot compress the page's data (\(error))")
        }
        return output.base64EncodedString()
    }
}
