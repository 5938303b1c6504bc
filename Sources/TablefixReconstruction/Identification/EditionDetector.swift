import Foundation
import TablefixModel

/// Tells which template a document follows from the evidence in it: the words each
/// edition alone uses (column headers such as 本年制发件数 vs 本年新制作数量, the 其他处理
/// sub-rows, the format's document number) and the report year.
struct EditionDetector {
    var templates: [Template]

    /// The best template and how sure that is, or nil when no template's family markers
    /// are all in the document.
    func detect(in document: Document, year: Int?) -> (template: Template, confidence: Double)? {
        let text = Self.compact(document)
        let scored = templates.compactMap { template -> (Template, Double)? in
            guard template.documentMarkers.allSatisfy({ text.containsText(Self.compact($0)) }) else { return nil }
            var score = template.evidence.reduce(0.0) { sum, evidence in
                text.containsText(Self.compact(evidence.text)) ? sum + evidence.weight : sum
            }
            if let year, let range = template.years, (range.from...range.to).contains(year) { score += 1.5 }
            return (template, score)
        }.sorted { $0.1 > $1.1 }
        guard let best = scored.first else { return nil }
        let runnerUp = scored.dropFirst().first?.1 ?? 0
        let margin = best.1 - runnerUp
        let confidence = scored.count == 1 ? min(0.99, 0.6 + best.1 / 20) : 0.5 + 0.49 * tanh(margin / 3)
        return (best.0, confidence)
    }

    /// Text without white space, so that a term split by a stray space still matches.
    static func compact(_ document: Document) -> String {
        compact(document.blocks.map(\.text).joined(separator: "\n"))
    }

    static func compact(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }
}
