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
}
