import Foundation
import TablefixModel

/// Tells which template a document follows from its tables: how many of each template's
/// row labels and column headers stand in runs of table rows (``ContentEvidence``), the
/// words only one edition prints (本年制发件数 vs 本年新制作数量, with their weights), and
/// the report year as a lesser witness. The title is not needed: reports for 2021–2023
/// that still print the 2019 layout take the 2019 edition.
struct TemplateChooser {
    var templates: [PreparedTemplate]
    /// The letters of every template's labels.
    var alphabet: LabelAlphabet
    var policy: ConfidencePolicy

    /// What one template has for it in a document.
    struct Standing {
        var template: PreparedTemplate
        var content: ContentEvidence
        /// The block range under each of its tables' section headings.
        var headings: [String: Range<Int>]
        var score: Double
    }

    /// What a report year within a template's years adds to its score.
    static let yearWeight = 1.5

    /// The best template and how sure that is, with where its tables are; nil when no
    /// template's tables are in the document (a narrative-only report).
    func choose(for document: Document, texts: BlockTexts, rows: [StreamRow], year: Int?)
        -> (template: PreparedTemplate, confidence: Double, content: ContentEvidence, headings: [String: Range<Int>])?
    {
        let text = Self.compact(texts.texts.joined(separator: "\n"))
        let letters = ContentEvidence.labelLetters(of: rows, alphabet: alphabet)
        let standings = templates.compactMap { template -> Standing? in
            let content = ContentEvidence(template: template, rows: rows, letters: letters)
            let headings = SectionLocator(template: template, texts: texts).regions(in: document.blocks)
            let pictured = Self.picturedTables(of: template, under: headings, in: document.blocks, texts: texts)
            guard content.isEnough || pictured > 0 else { return nil }
            var score = Double(content.score + pictured * ContentEvidence.minimumHits)
            score += template.evidence.reduce(0.0) { sum, evidence in
                text.containsText(evidence.compactText) ? sum + evidence.weight : sum
            }
            if let year, let range = template.template.years, (range.from...range.to).contains(year) {
                score += Self.yearWeight
            }
            return Standing(template: template, content: content, headings: headings, score: score)
        }.sorted { $0.score > $1.score }
        guard let best = standings.first else { return nil }
        let confidence = policy.templateConfidence(score: best.score, runnerUp: standings.dropFirst().first?.score)
        return (best.template, confidence, best.content, best.headings)
    }

    /// How many of the template's tables have their section heading in the document with
    /// only a picture under it, no sentence (or nothing: an extractor dropped the
    /// picture): tables that were images still show the template. `headings` are the
    /// block ranges under its tables' headings (``SectionLocator/regions(in:)``).
    static func picturedTables(of template: PreparedTemplate, under headings: [String: Range<Int>], in blocks: [Block],
                               texts: BlockTexts) -> Int
    {
        let location = TableLocation(template: template, blocks: blocks, texts: texts, headings: headings)
        return template.tables.filter { table in
            guard let region = headings[table.id], location.unreadStatus(of: table) == .image else { return false }
            return !region.contains { LineRole.isSentence(texts.texts[$0]) }
        }.count
    }

    /// Text without white space and in simplified characters, so that a term split by a
    /// stray space or served in traditional characters still matches.
    static func compact(_ text: String) -> String {
        // Built as UTF-8 bytes: appending scalar by scalar to a string costs more than the scalars.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars where !scalar.isSpace {
            result += (Unicode.Scalar(SimplifiedForms.of(scalar.value)) ?? scalar).utf8
        }
        return String(decoding: result, as: UTF8.self)
    }
}
