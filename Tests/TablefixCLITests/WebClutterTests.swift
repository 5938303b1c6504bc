import Foundation
import TablefixTestSupport
import Testing

/// A scraped page's navigation, breadcrumb, widgets and footer are removed from HTML and
/// DOCX as from text, each removal an edit, the report's own text kept.
@Suite("web clutter is removed from HTML and DOCX")
struct WebClutterTests {
    static let clutter = [
        "首页 政务公开 政务服务 互动交流 走进本局", "当前位置：首页 > 政务公开 > 年度报告", "【打印本页】【关闭窗口】",
        "主办单位：某某县人民政府办公室 版权所有 鲁ICP备12345678号-1 鲁公网安备 37000002000001号",
    ]
    static let sample = "Samples/shared/xigong-health-2022.txt"

    static func removed(_ object: [String: Any]) -> [String] {
        ((object["edits"] as? [[String: Any]]) ?? []).filter { $0["kind"] as? String == "clutter" }
            .compactMap { $0["before"] as? String }
    }

    static func repair(_ file: String) throws -> [String: Any] {
        let result = try Shell.run(["repair", file, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test("from an HTML page")
    func html() throws {
        let lines = try String(contentsOf: Fixtures.root.appendingPathComponent(Self.sample), encoding: .utf8)
            .components(separatedBy: "\n").map { "<p>\($0)</p>" }
        let page = "<html><body><div>\(Self.clutter[0])</div><div>\(Self.clutter[1])</div>\n" + lines.joined(separator: "\n")
            + "\n<p>\(Self.clutter[2])</p><div>\(Self.clutter[3])</div></body></html>"
        let object = try Self.repair(try Shell.file(Array(page.utf8), name: "page.html"))
        #expect(Set(Self.removed(object)) == Set(Self.clutter))
        let text = try #require(object["text"] as? String)
        for line in Self.clutter { #expect(!text.contains(line)) }
        #expect(object["body"] as? String == "西工区卫生健康委员会")
    }

    @Test("a navigation bar rendered one entry a line goes too")
    func verticalNavigation() throws {
        let lines = try String(contentsOf: Fixtures.root.appendingPathComponent(Self.sample), encoding: .utf8)
            .components(separatedBy: "\n").map { "<p>\($0)</p>" }
        let navigation = ["首页", "政务公开", "政务服务", "互动交流", "走进本局"]
        let page = "<html><body>" + navigation.map { "<p>\($0)</p>" }.joined(separator: "\n") + "\n"
            + lines.joined(separator: "\n") + "</body></html>"
        let object = try Self.repair(try Shell.file(Array(page.utf8), name: "page.html"))
        #expect(Self.removed(object) == navigation)
        #expect((object["text"] as? String)?.hasPrefix("西工区卫生健康委员会") == true)
    }

    @Test("from a DOCX")
    func docx() throws {
        let lines = try String(contentsOf: Fixtures.root.appendingPathComponent(Self.sample), encoding: .utf8)
            .components(separatedBy: "\n").filter { !$0.contains("\t") }.prefix(30)
        func paragraph(_ text: String) -> String {
            let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
            return "<w:p><w:r><w:t xml:space=\"preserve\">\(escaped)</w:t></w:r></w:p>"
        }
        let body = (Array(Self.clutter.prefix(2)) + Array(lines) + Array(Self.clutter.suffix(2))).map(paragraph).joined()
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
            """
        let file = try Shell.folder("clutter-docx").appendingPathComponent("page.docx")
        try ZipFixture.write(["word/document.xml": Array(xml.utf8)], to: file)
        let object = try Self.repair(file.path)
        #expect(Set(Self.removed(object)) == Set(Self.clutter))
    }
}
