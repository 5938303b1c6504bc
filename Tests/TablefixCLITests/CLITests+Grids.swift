import Foundation
import Testing
import TablefixTestSupport

extension CLITests {
    @Test("repair --format grids prints every table as read, as a JSON array of generic grids")
    func repairGrids() throws {
        let result = try run(
            ["repair", "Samples/fixtures/variants/qingzhou-psb-2021/qingzhou-psb-2021.docx", "--format", "grids"])
        #expect(result.status == 0)
        let grids = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(grids.map { $0["id"] as? String } == ["t1", "t2", "t3"])
        #expect(grids.allSatisfy { $0["status"] as? String == "present" && $0["spans"] is [Any] })
        let rows = try #require(grids[1]["rows"] as? [[String]])
        #expect(rows.count == 28 && rows.allSatisfy { $0.count == 10 })
        let label = "一、本年新收政府信息公开申请数量"
        #expect(rows[3] == [label, label, label, "57", "3", "0", "0", "3", "1", "64"])
    }
}
