import Foundation
import Tablefix
import TablefixTestSupport
import Testing

/// PDFs in a batch: read like any document; a hostile one is a recorded failure and the
/// batch goes on.
@Suite("batch of PDFs")
struct BatchPDFTests {
    @Test("an encrypted and a cut PDF are recorded as failures beside a PDF that is read")
    func hostileBesideGood() async throws {
        let folder = try BatchCorpus.temporaryFolder("batch-pdf")
        let fixtures = Fixtures.root.appendingPathComponent("Tests/TablefixReadersTests/Fixtures/pdf")
        for name in ["encrypted.pdf", "truncated.pdf"] {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(
            at: Fixtures.root.appendingPathComponent("Samples/fixtures/variants/linqu-hrss-2022/linqu-hrss-2022.pdf"),
            to: folder.appendingPathComponent("report.pdf"))
        let database = folder.appendingPathComponent("out.db").path
        let summary = try await BatchRunner(repairer: Repairer(), options: BatchOptions(jobs: 2))
            .run(inputs: [folder.path], into: database)
        #expect(summary.done == 1)
        #expect(summary.failed == 2)
        var failures = ""
        try BatchDatabase(path: database).export(.failures) { failures += $0 }
        #expect(failures.contains("encrypted.pdf: PDF is encrypted (needs a password)"))
        #expect(failures.contains("truncated.pdf: damaged PDF (cut short?): no page could be found"))
    }
}
