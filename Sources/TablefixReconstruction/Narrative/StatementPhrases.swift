import Foundation

/// The phrases a family of reports uses for its figures, read from the data beside the
/// templates (`Resources/statements/*.json`): for each canonical figure the patterns that
/// state it and the cells it is; the units; the markers that qualify a number.
package struct StatementPhrases: Sendable {
    /// A figure as the data describes it, its patterns compiled.
    struct Figure: Sendable {
        var name: String
        /// The units it takes, as indices of ``StatementPhrases/units``.
        var units: Set<Int>
        /// The figure is itself an item of a breakdown (予以公开 under 办结…其中): a `其中`
        /// before it does not make it a sub-count.
        var breakdown: Bool
        /// Per template id; `*` for every template of the file.
        var targets: [String: StatementTarget]
        var patterns: [PhrasePattern]
        var none: [PhrasePattern]
        var blockers: [[UInt32]]
        /// Words one of which the sentence must hold (`申请` for 办结…), when there are some.
        var context: [[UInt32]]
    }

    /// The markers that qualify a number, as scalar sequences.
    struct Markers: Sendable {
        var otherYear: [[UInt32]]
        var comparison: [[UInt32]]
        var subcount: [[UInt32]]
        var approximateBefore: [[UInt32]]
        var approximateAfter: [[UInt32]]
        var percentBefore: [[UInt32]]
        var percentAfter: [[UInt32]]
        var rangeJoiners: [[UInt32]]
        var ordinalBefore: [[UInt32]]
        var distributive: [[UInt32]]
    }

    /// The template ids the phrases serve.
    package var templates: [String]
    /// The templates a figure's `*` target stands for.
    var star: [String]
    /// The longest gap between two fragments, in characters.
    var gap: Int
    /// The longest gap beside the number.
    var numberGap: Int
    /// What a number printed without a unit must follow to count (`均为0`, `为零`).
    var bareNumberAfter: [[UInt32]]
    /// What joins the items of a list (`、`, `和`): after a negation, the next item is denied too.
    var listJoiners: [[UInt32]]
    /// Every unit any figure takes, longest first, and their names.
    var units: [[UInt32]]
    var unitNames: [String]
    var markers: Markers
    var figures: [Figure]
    /// A pattern and whose it is.
    struct PatternUse: Sendable {
        var figure: Int
        var pattern: PhrasePattern
        /// A `none` pattern: its match states zero.
        var negation: Bool
    }

    /// The patterns that start with literal text, by its first scalar.
    var patternsByLeadingScalar: [UInt32: [PatternUse]]
    /// The patterns that start with the number.
    var numberFirstPatterns: [PatternUse]
    /// The first scalars of the `none` patterns.
    var negationScalars: Set<UInt32>

    /// The phrases shipped with tablefix (`Resources/statements/gov-disclosure.json`).
    ///
    /// - Throws: ``TemplateError`` when the file is missing or cannot be used.
    package static func builtIn() throws(TemplateError) -> StatementPhrases {
        guard
            let url = Bundle.module.url(
                forResource: "gov-disclosure", withExtension: "json", subdirectory: "statements")
        else { throw TemplateError(file: "statements/gov-disclosure.json", reason: "missing from the bundle") }
        return try load(path: url.path)
    }

    /// Reads and checks one phrase file.
    ///
    /// - Throws: ``TemplateError`` naming the file and the first problem found.
    package static func load(path: String) throws(TemplateError) -> StatementPhrases {
        do {
            let file = try JSONDecoder().decode(PhraseFile.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            return try StatementPhrases(file)
        } catch let error as PhraseDataError {
            throw TemplateError(file: path, reason: error.reason)
        } catch {
            throw TemplateError(file: path, reason: "not a valid phrase file (\(TemplateLibrary.describe(error)))")
        }
    }

    init(_ file: PhraseFile) throws(PhraseDataError) {
        guard file.gap > 0, file.numberGap > 0 else { throw PhraseDataError("gap and numberGap must be positive") }
        templates = file.templates
        star = file.star
        gap = file.gap
        numberGap = file.numberGap
        bareNumberAfter = file.bareNumberAfter.map(ProseText.scalars(of:))
        listJoiners = file.listJoiners.map(ProseText.scalars(of:))
        let allUnits = Set(file.unitSets.values.joined())
        let names = allUnits.sorted { ($0.unicodeScalars.count, $0) > ($1.unicodeScalars.count, $1) }
        unitNames = names
        units = names.map(ProseText.scalars(of:))
        let q = file.qualifiers
        let s = { (words: [String]) in words.map(ProseText.scalars(of:)) }
        markers = Markers(
            otherYear: s(q.otherYear), comparison: s(q.comparison), subcount: s(q.subcount),
            approximateBefore: s(q.approximateBefore), approximateAfter: s(q.approximateAfter),
            percentBefore: s(q.percentBefore), percentAfter: s(q.percentAfter), rangeJoiners: s(q.rangeJoiners),
            ordinalBefore: s(q.ordinalBefore), distributive: s(q.distributive))
        var figures: [Figure] = []
        for entry in file.figures {
            guard let units = file.unitSets[entry.units] else {
                throw PhraseDataError("figure \(entry.figure): unknown unit set \(entry.units)")
            }
            for template in entry.targets.keys where template != "*" && !file.templates.contains(template) {
                throw PhraseDataError("figure \(entry.figure): target for unknown template \(template)")
            }
            guard !entry.patterns.isEmpty else { throw PhraseDataError("figure \(entry.figure): no patterns") }
            do throws(PhraseDataError) {
                figures.append(
                    Figure(
                        name: entry.figure,
                        units: Set(units.compactMap { names.firstIndex(of: $0) }), breakdown: entry.breakdown ?? false,
                        targets: entry.targets, patterns: try Self.compile(entry.patterns, number: true),
                        none: try Self.compile(entry.none ?? [], number: false),
                        blockers: s(entry.blockers ?? []), context: s(entry.context ?? [])))
            } catch {
                throw PhraseDataError("figure \(entry.figure): \(error.reason)")
            }
        }
        guard Set(figures.map(\.name)).count == figures.count else { throw PhraseDataError("a figure is named twice") }
        self.figures = figures
        var byScalar: [UInt32: [PatternUse]] = [:]
        var numberFirst: [PatternUse] = []
        for (index, figure) in figures.enumerated() {
            let uses =
                figure.patterns.map { PatternUse(figure: index, pattern: $0, negation: false) }
                + figure.none.map { PatternUse(figure: index, pattern: $0, negation: true) }
            for use in uses {
                if let first = use.pattern.leadingLiteral?.first {
                    byScalar[first, default: []].append(use)
                } else {
                    numberFirst.append(use)
                }
            }
        }
        patternsByLeadingScalar = byScalar
        numberFirstPatterns = numberFirst
        negationScalars = Set(figures.flatMap(\.none).compactMap { $0.leadingLiteral?.first })
    }

    static func compile(_ sources: [String], number: Bool) throws(PhraseDataError) -> [PhrasePattern] {
        var patterns: [PhrasePattern] = []
        for source in sources { patterns.append(try PhrasePattern(source, number: number)) }
        return patterns
    }

    /// The cells `figure` is in a report of `template`, or nil when it has none there.
    func target(of figure: Figure, template: String?) -> StatementTarget? {
        guard let template, templates.contains(template) else { return nil }
        return figure.targets[template] ?? (star.contains(template) ? figure.targets["*"] : nil)
    }
}

/// The phrase file as written.
struct PhraseFile: Decodable {
    struct Qualifiers: Decodable {
        var otherYear: [String]
        var comparison: [String]
        var subcount: [String]
        var approximateBefore: [String]
        var approximateAfter: [String]
        var percentBefore: [String]
        var percentAfter: [String]
        var rangeJoiners: [String]
        var ordinalBefore: [String]
        var distributive: [String]
    }

    struct FigureEntry: Decodable {
        var figure: String
        /// What the figure is, for the reader of the file.
        var label: String
        var units: String
        var breakdown: Bool?
        var targets: [String: StatementTarget]
        var patterns: [String]
        var none: [String]?
        var blockers: [String]?
        var context: [String]?
    }

    var templates: [String]
    var star: [String]
    var gap: Int
    var numberGap: Int
    var bareNumberAfter: [String]
    var listJoiners: [String]
    var unitSets: [String: [String]]
    var qualifiers: Qualifiers
    var figures: [FigureEntry]
}
