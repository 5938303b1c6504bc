import Foundation
import TablefixStore

/// The review page's script, style and frame, kept as files (`Resources/review.js`,
/// `review.css`, `frame.html`) so that they are linted and tested as what they are.
struct ReviewAssets: Sendable {
    /// The script: reads the index, builds the queue and the document list, and builds a
    /// document's view when it is opened. Text from the data enters the page only as text
    /// nodes and attribute values (`textContent`, `setAttribute`), never as markup.
    ///
    /// `report.html#selftest` runs a scripted review after loading (key presses, a
    /// confirmation, a correction, the export) and writes what happened, with timings, as
    /// JSON into `#selftest-result`, for the browser tests and the benchmark.
    var script: String
    /// The style sheet.
    var style: String
    /// The page's frame: header, side panels, document and details areas, filled by the
    /// script. Constant markup, no document text.
    var frame: String

    /// The assets shipped in the bundle, read once.
    static let shipped: Result<ReviewAssets, ReviewError> = load()

    private static func load() -> Result<ReviewAssets, ReviewError> {
        func file(_ name: String, _ ext: String) throws(ReviewError) -> String {
            guard let url = Bundle.module.url(forResource: name, withExtension: ext),
                let data = try? Data(contentsOf: url)
            else {
                throw ReviewError(.output, file: "\(name).\(ext)", reason: "missing from tablefix's bundle (reinstall tablefix)")
            }
            return String(decoding: data, as: UTF8.self)
        }
        do throws(ReviewError) {
            return .success(ReviewAssets(script: try file("review", "js"), style: try file("review", "css"),
                                         frame: try file("frame", "html")))
        } catch {
            return .failure(error)
        }
    }
}
