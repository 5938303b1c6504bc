import Foundation
import Tablefix
import TablefixModel
import TablefixTestSupport
import TablefixStore
import TablefixReview
import TablefixOutput
import Testing

/// The review report's HTML as the renderer writes it: escaping, shading, the queue, and
/// the data the page's script builds its views from. What the page does with it in a
/// browser is pinned by Tests/TablefixCLITests/ReviewBrowserTests.swift.
@Suite("review report")
struct ReviewReportTests {
    static let hostile = "</script><script>alert(1)</script><!--"

    /// A document with one `requests` table whose cells have the given confidences.
    static func document(_ source: String, confidences: [(String, Double)], raw: String = "1",
                         inferred: Double? = nil) -> ReviewDocument {
        let cells = confidences.map { key, confidence in
            ExtractedCell(
                key: key, value: inferred == nil ? 1 : nil, raw: inferred == nil ? raw : "", confidence: confidence,
                inferred: inferred, why: inferred == nil ? nil : "blank in source; follows from the total",
                rule: .labelRow, line: 2)
        }
        let table = ExtractedTable(
            id: "requests", status: .present, confidence: confidences.map(\.1).min() ?? 0, cells: cells,
            checks: [
                Check(
                    rule: "total = natural", column: "total", ok: false, cells: confidences.map(\.0), left: 1, right: 2)
            ])
        return ReviewDocument(
            source: source, hash: SHA256.hex(of: source), format: "text", encoding: "utf-8",
            template: "gov-disclosure-2021", body: "甲局", year: 2023, confidence: 0.5, sourceLines: ["标题", "本年新收 1"],
            blocks: [Block(.heading([TextLine("标题", line: 1)]), lines: 1...1),
                     Block(.paragraph([TextLine("本年新收 1", line: 2)]), lines: 2...2)],
            text: "标题\n本年新收 1", tables: [table,
                ExtractedTable(id: "active", status: .image, confidence: 0),
                ExtractedTable(id: "review", status: .absent, confidence: 0)])
    }

    /// The JSON of the page's index (`tf-index`) or of one document (`tf-doc-N`), inflated.
    static func blob(_ html: String, id: String) throws -> Any {
        let text: String
        if id.hasPrefix("tf-doc-"), let position = Int(id.dropFirst("tf-doc-".count)) {
            let documents = try ReviewPage.documents(html)
            try #require(position < documents.count)
            text = documents[position]
        } else {
            text = try ReviewPage.text(html, id: id)
        }
        return try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test("hostile text in a cell, a path, an edit and the input never reaches the page as markup")
    func escaping() throws {
        var document = Self.document(
            "<img src=x onerror=alert(1)>.txt", confidences: [("new.natural", 0.5)], raw: Self.hostile)
        document.body = Self.hostile
        document.edits = [Edit(kind: .glyph, before: Self.hostile, after: "&amp;", line: 2, confidence: 0.9)]
        document.sourceLines = [Self.hostile, "本年新收 1"]
        let html = ReviewReport(title: "<b>title</b>").html([document])

        // One data element per document, the index, and the page's own script: nothing else.
        #expect(html.components(separatedBy: "<script").count - 1 == 3)
        #expect(html.components(separatedBy: "</script>").count - 1 == 3)
        #expect(!html.contains("alert(1)</script>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>title"))
        #expect(!html.contains("<!--"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;.txt"))
        #expect(html.contains("<title>&lt;b&gt;title&lt;/b&gt;</title>"))
        // The text itself survives the trip through the page's data unchanged.
        let data = try #require(try Self.blob(html, id: "tf-doc-0") as? [String: Any])
        let table = try #require((data["tables"] as? [[String: Any]])?.first)
        let cell = try #require((table["cells"] as? [[Any]])?.first)
        #expect(cell[2] as? String == Self.hostile)
        #expect((data["lines"] as? [String])?.first == Self.hostile)
        #expect(((data["edits"] as? [[Any]])?.first?[1]) as? String == Self.hostile)
    }

    @Test("the page is self-contained: no URL, no external script, style or font, network refused by policy")
    func selfContained() throws {
        let html = ReviewReport().html([Self.document("a.txt", confidences: [("new.natural", 0.5)])])
        for forbidden in ["http://", "https://", "src=", "<link", "@import", "url("] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.contains("Content-Security-Policy"))
        #expect(html.contains("default-src &#39;none&#39;"))  // an attribute value, escaped
    }

    @Test("cells are shaded by confidence band, 0.9 and above unshaded", arguments: [
        (1.0, "conf-high"), (0.9, "conf-high"), (0.899, "conf-fair"), (0.7, "conf-fair"), (0.69, "conf-low"),
        (0.5, "conf-low"), (0.49, "conf-poor"), (0.1, "conf-poor"), (0.0, "conf-poor"),
    ])
    func shading(confidence: Double, shade: String) {
        #expect(ReviewReport.shade(for: confidence) == shade)
    }

    @Test("the page's script shades with the renderer's bands")
    func bandsInPage() throws {
        let html = ReviewReport().html([Self.document("a.txt", confidences: [("new.natural", 0.5)])])
        let index = try #require(try Self.blob(html, id: "tf-index") as? [String: Any])
        let bands = try #require(index["bands"] as? [[Any]])
        #expect(bands.map { $0[0] as? Double } == ReviewReport.bands.map(\.minimum))
        #expect(bands.map { $0[1] as? String } == ReviewReport.bands.map(\.name))
        #expect(html.contains(".conf-high {") && html.contains(".conf-fair {") && html.contains(".conf-low {")
                    && html.contains(".conf-poor {"))
    }

    @Test("the queue lists every cell least sure first, across documents; ties in document order")
    func queueOrder() throws {
        let documents = [
            Self.document("a.txt", confidences: [("new.natural", 0.8), ("new.total", 0.3), ("new.other", 0.95)]),
            Self.document("b.txt", confidences: [("new.natural", 0.3), ("new.total", 0.6)]),
        ]
        let queue = ReviewReport.queue(documents)
        #expect(queue.map { "\($0.document) \($0.key) \($0.confidence)" } == [
            "0 new.total 0.3", "1 new.natural 0.3", "1 new.total 0.6", "0 new.natural 0.8", "0 new.other 0.95",
        ])
        // The page gets the same order, as [document, table, key index, confidence] runs.
        let index = try #require(try Self.blob(ReviewReport().html(documents), id: "tf-index") as? [String: Any])
        let keys = try #require(index["strings"] as? [String])
        let flat = try #require(index["queue"] as? [Double])
        let page = stride(from: 0, to: flat.count, by: ReviewReport.queueStride).map { at in
            "\(Int(flat[at])) \(keys[Int(flat[at + 2])]) \(flat[at + 3])"
        }
        #expect(page == queue.map { "\($0.document) \($0.key) \($0.confidence)" })
    }

    @Test("an inferred value stays apart from the printed value, which stays blank")
    func inferredApart() throws {
        let document = Self.document("a.txt", confidences: [("granted.natural", 0.95)], inferred: 0)
        let html = ReviewReport().html([document])
        let data = try #require(try Self.blob(html, id: "tf-doc-0") as? [String: Any])
        let strings = try #require((try Self.blob(html, id: "tf-index") as? [String: Any])?["strings"] as? [String])
        // [key, value, raw, confidence, rule, line, why, inferred]
        let cell = try #require(((data["tables"] as? [[String: Any]])?.first?["cells"] as? [[Any]])?.first)
        #expect(cell[1] is NSNull)          // value: the document prints nothing
        #expect(cell[7] as? Double == 0)    // inferred: apart
        #expect((cell[6] as? Int).map { strings[$0] } == "blank in source; follows from the total")
        #expect(html.contains("inferred from the table's arithmetic"))
    }

    @Test("keys, rules and whys that repeat across documents are written once")
    func stringsOnce() throws {
        let documents = (0..<3).map {
            Self.document("d\($0).txt", confidences: [("granted.natural", 0.9)], inferred: 0)
        }
        let html = ReviewReport().html(documents)
        let data = try ReviewPage.allData(html)
        #expect(data.components(separatedBy: "blank in source; follows from the total").count - 1 == 1)
        #expect(data.components(separatedBy: "\"granted.natural\"").count - 1 == 1)
        let strings = try #require((try Self.blob(html, id: "tf-index") as? [String: Any])?["strings"] as? [String])
        #expect(Set(strings).count == strings.count)
    }

    @Test("image and absent tables are listed with their status and no cells")
    func statuses() throws {
        let html = ReviewReport().html([Self.document("a.txt", confidences: [("new.natural", 0.5)])])
        let index = try #require(try Self.blob(html, id: "tf-index") as? [String: Any])
        let tables = try #require((index["docs"] as? [[String: Any]])?.first?["tables"] as? [[Any]])
        #expect(tables.map { $0[1] as? String } == ["present", "image", "absent"])
        #expect(tables[1][2] is NSNull && tables[2][2] is NSNull)
        #expect(html.contains("Only an image stands where this table was"))
        #expect(html.contains("This table is not in the document"))
    }

    @Test("a block that cleanup left as the input had it is not written twice")
    func unchangedBlocks() throws {
        var document = Self.document("a.txt", confidences: [])
        document.blocks?.append(Block(.paragraph([TextLine("改过", line: 2)]), lines: 2...2))
        let data = try #require(try Self.blob(ReviewReport().html([document]), id: "tf-doc-0") as? [String: Any])
        let blocks = try #require(data["blocks"] as? [[Any]])
        #expect(blocks[0][3] is NSNull)
        #expect(blocks[1][3] is NSNull)
        #expect(blocks[2][3] as? String == "改过")
    }

    @Test("the writer counts documents, cells below the threshold and failed checks")
    func summary() throws {
        var chunks = 0
        var bytes = 0
        var writer = ReviewReport(threshold: 0.9).writer { chunk in
            chunks += 1
            bytes += chunk.utf8.count
        }
        try writer.add(Self.document("a.txt", confidences: [("new.natural", 0.8), ("new.total", 0.95)]))
        try writer.add(ReviewDocument(source: "broken.bin", error: "broken.bin: not a document"))
        let summary = try writer.finish()
        #expect(summary.documents == 2)
        #expect(summary.failedDocuments == 1)
        #expect(summary.cells == 2)
        #expect(summary.cellsBelowThreshold == 1)
        #expect(summary.failedChecks == 1)
        #expect(summary.bytes == bytes)
        #expect(chunks == 3)  // the head, the documents' data (one element for both), the rest
    }

    @Test("row labels carry their group, column labels come from the template")
    func labels() throws {
        let reviewer = Reviewer(repairer: try Repairer())
        let folder = try BatchCorpus.temporaryFolder("review-labels")
        let output = folder.appendingPathComponent("r.html").path
        let sample = Fixtures.sharedSamples.appendingPathComponent("xigong-health-2022.txt").path
        _ = try reviewer.writeReport(of: [sample], to: output)
        let html = try String(contentsOfFile: output, encoding: .utf8)
        let index = try #require(try Self.blob(html, id: "tf-index") as? [String: Any])
        let labels = try #require(index["labels"] as? [String: [String: Any]])
        let requests = try #require(labels["gov-disclosure-2021/requests"])
        #expect((requests["rows"] as? [String: String])?["denied.secret"] == "不予公开 · 属于国家秘密")
        #expect((requests["columns"] as? [String: String])?["natural"] == "自然人")
        #expect(requests["title"] as? String == "收到和处理政府信息公开申请情况")
    }
}
