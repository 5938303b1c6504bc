import Foundation
import Testing
import Tablefix
import TablefixTestSupport

/// Golden files: the whole JSON of each shared sample. `TABLEFIX_RECORD=1 swift test`
/// re-records them (and fails, so that a recording is never mistaken for a pass).
@Suite("Golden JSON of the shared samples")
struct SnapshotTests {
    @Test("the JSON output of a sample matches its golden file", arguments: Fixtures.sharedSampleFiles)
    func golden(sample: URL) throws {
        let repairer = try Repairer()
        let name = sample.deletingPathExtension().lastPathComponent
        let repair = try repairer.repair(bytes: [UInt8](try Data(contentsOf: sample)), path: "Samples/shared/\(name).txt")
        let mismatch = Snapshot.mismatch(repair.jsonText + "\n", named: "\(name).json", in: "TablefixTests")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }
}
