import Foundation
import Testing
import ZIPFoundation

/// The data a review page carries, read back as the page's script reads it: the deflated,
/// base64 `<script type="application/octet-stream">` elements inflated.
public enum ReviewPage {
    /// The text of the element `id` (`tf-index`, `tf-chunk-0`…), inflated.
    public static func text(_ html: String, id: String) throws -> String {
        let open = "<script type=\"application/octet-stream\" id=\"\(id)\" data-encoding=\"deflate-raw;base64\">"
        let start = try #require(html.range(of: open), "no element \(id)")
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let compressed = try #require(Data(base64Encoded: String(html[start.upperBound..<end.lowerBound])))
        var output = Data()
        _ = try Data.decompress(
            size: Int64(compressed.count), bufferSize: 1 << 16, skipCRC32: true,
            provider: { position, size in
                compressed.subdata(in: Int(position)..<min(compressed.count, Int(position) + size))
            },
            consumer: { output.append($0) })
        return String(decoding: output, as: UTF8.self)
    }

    /// Every document's data, as JSON text, in order.
    public static func documents(_ html: String) throws -> [String] {
        var documents: [String] = []
        var chunk = 0
        while html.contains("id=\"tf-chunk-\(chunk)\"") {
            documents += try text(html, id: "tf-chunk-\(chunk)").split(separator: "\n").map(String.init)
            chunk += 1
        }
        return documents
    }

    /// All the page's data inflated, index first: what a search of the page's text finds.
    public static func allData(_ html: String) throws -> String {
        ([try text(html, id: "tf-index")] + (try documents(html))).joined(separator: "\n")
    }
}
