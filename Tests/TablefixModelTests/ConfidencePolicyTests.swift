import Testing
import TablefixModel

/// The confidence policy's caps, each on the evidence it concerns.
@Suite("Confidence policy")
struct ConfidencePolicyTests {
    let policy = ConfidencePolicy.standard

    @Test("a row the reading by order left out as not printed is no surer than the deal")
    func notPrintedByOrderIsCappedAtTheOrder() {
        let byOrder = CellEvidence(source: .absent, placement: .notPrinted, selection: .orderByArithmetic(holdsAll: false))
        let byLabels = CellEvidence(source: .absent, placement: .notPrinted)
        #expect(policy.confidence(of: byOrder) == policy.order)
        #expect(policy.confidence(of: byLabels) == policy.notPrinted)
    }

    @Test("a row placed between the rows read around it, its own label unread, is no surer than rowBetweenLabels")
    func rowWithUnreadLabelIsCapped() {
        var evidence = CellEvidence(source: .printed, placement: .label, labelScore: 0)
        evidence.labelUnread = true
        #expect(policy.confidence(of: evidence) == policy.rowBetweenLabels)
        #expect(evidence.why(raw: "5")?.contains("label unread") == true)
    }
}
