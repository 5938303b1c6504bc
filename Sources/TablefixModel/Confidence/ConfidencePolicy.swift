import Foundation

/// Every number that decides a confidence, in one place: the starting value of each way
/// of reading a cell, the caps and bonuses that placement, arithmetic and the document's
/// damage apply, how OCR's word confidences are weighed, the edits' confidences, and the
/// marks the review uses.
///
/// docs/confidence.md is generated from it (`ConfidencePolicyDocTests` fails when they
/// drift); the review page's bands and the default threshold are read from it.
public struct ConfidencePolicy: Sendable {
    /// The policy tablefix uses.
    public static let standard = ConfidencePolicy()

    /// The promise: a cell at this confidence or more is right (99.5 % of the time). The
    /// default review threshold.
    public var threshold = 0.9
    /// The review page's shading: the lowest confidence of each band, highest first.
    public var bands: [(floor: Double, name: String)] = [(0.9, "high"), (0.7, "fair"), (0.5, "low"), (0, "poor")]

    /// A reading with a cell below this is doubtful: another reading is sought.
    public var doubtful = 0.5

    /// Starting confidence by how the text was read.
    public var printed = 0.97
    /// A number printed in another unit than its column's: right as printed, but worth a look.
    public var otherUnit = 0.85
    public var blank = 0.9
    public var noneMark = 0.95
    public var dashLookalike = 0.6
    public var repairedDigits = 0.55
    public var fraction = 0.5
    public var unreadable = 0.2
    public var absent = 0.1
    /// A cell of a row or column the form does not print: as sure as a blank cell.
    public var notPrinted = 0.9

    /// A label that matched below `weakLabel` multiplies the confidence by `weakLabelFactor`.
    public var weakLabel = 0.7
    public var weakLabelFactor = 0.95
    /// A row of values whose label matched nothing, placed between the rows read around it.
    public var rowBetweenLabels = 0.6

    /// Caps by how the place was found.
    public var rightAligned = 0.85
    public var lacking = 0.6
    /// A row placed by the character columns of a fuller row: its cells when the row's
    /// own arithmetic holds so, and when it has none to judge. Never sure on position
    /// alone: a renderer's columns may drift.
    public var byColumnsChecked = 0.7
    public var byColumnsUnchecked = 0.6
    /// A row of one slot per column once its grid's padding was dropped at one end, where
    /// either end could have been it: a guess between two placements.
    public var paddingGuessed = 0.6
    public var mismatched = 0.3
    public var window = 0.8
    /// A number printed in pieces one space apart, joined: when the row's arithmetic holds
    /// with the joined values, and when it has none.
    public var joinedChecked = 0.7
    public var joinedUnchecked = 0.5
    /// A row whose values continue on the lines of values below its first, joined because
    /// its arithmetic holds with them.
    public var continuedLines = 0.7
    public var shortRowPlaced = 0.5
    public var order = 0.85
    public var orderReordered = 0.75
    public var orderAmbiguous = 0.5

    /// Splits of digits run together: the only one the row's arithmetic accepts; the only
    /// one without leading zeros when there is no arithmetic; shared among n that fit
    /// (divided by n); chosen by the table's arithmetic, or by a figure the prose states,
    /// among those (a floor); a value
    /// printed whole in such a row gains `splitWholeBonus`, up to `splitWholeCeiling`.
    public var splitChecked = 0.85
    public var splitGuess = 0.6
    public var splitShared = 0.4
    public var splitChosenByTable = 0.6
    public var splitWholeBonus = 0.1
    public var splitWholeCeiling = 0.95

    /// Arithmetic: a failing relation caps its cells; a cell whose relations all hold, at
    /// the threshold or above, gains a bonus up to a ceiling.
    public var failing = 0.5
    public var holdingBonus = 0.02
    public var holdingCeiling = 0.995

    /// Reading by order chosen by arithmetic, with no relation failing anywhere in it: a
    /// cell at `orderTrustFloor` or more that `trustedConfirmations` relations confirm on
    /// numbers not all zero rises to `orderConfirmed`. Cells filled
    /// from an order that agrees with the labels are capped at `orderAgreeing`; the labels'
    /// cells count as placed from `orderAgreementFloor`.
    public var orderConfirmed = 0.95
    public var orderTrustFloor = 0.8
    public var orderAgreeing = 0.7
    public var orderAgreementFloor = 0.7
    public var trustedConfirmations = 2

    /// The report's prose: a sentence that states another figure than the cell's (or its
    /// sum's) caps it at `proseDisagrees`; one that states the same counts as one more
    /// relation holding. A figure the prose states for a table that is not in the text is
    /// inferred, and the cell's null value is as sure as an absent one.
    public var proseDisagrees = 0.6

    /// In a damaged document, a cell fewer than `trustedConfirmations` relations confirm is capped.
    public var unverifiedInDamaged = 0.8
    /// A cell read from a line whose bytes reading had to replace is no surer than that
    /// replacement.
    public var replacedBytes = 0.5

    /// OCR of a picture (a scan, a table drawn as an image), each word with the engine's
    /// confidence: a cell with no ink but specks reads as empty, `ocrBlankCell` sure; a cell
    /// with ink that the engine reads as nothing, `ocrIllegible`.
    public var ocrBlankCell = 0.99
    public var ocrIllegible = 0.0
    /// OCR's numeral reading (the `eng` model allowing only numerals) of a cell: sought for
    /// one or two CJK characters read less sure than `ocrNumeralRetry`; it replaces a
    /// reading of characters no number is printed with when it is at least
    /// `ocrNumeralOverCJK` sure against CJK characters, `ocrNumeralOverOther` against others.
    public var ocrNumeralRetry = 0.85
    public var ocrNumeralOverCJK = 0.8
    public var ocrNumeralOverOther = 0.5

    /// Edits: how sure each kind of change is.
    public var editWhitespace = 0.99
    /// A look-alike code point (Kangxi radical, compatibility ideograph) replaced by its ideograph.
    public var editCharacter = 0.99
    /// Markup a converter left (tags, bookmarks, bold marks, pinyin in brackets).
    public var editArtifact = 0.99
    public var editPinyin = 0.95
    /// Web-page clutter: a line that is clutter itself, and one removed beside it.
    public var editClutter = 0.95
    public var editClutterNearby = 0.8
    /// Joins of wrapped lines: a paragraph's, and a word written one character a line.
    public var editJoin = 0.9
    public var editJoinCharacters = 0.8
    public var editSplit = 0.9
    public var editSpace = 0.9
    /// List numbers: both neighbours agree, one does; a repeated heading dropped.
    public var editNumberingBoth = 0.97
    public var editNumberingOne = 0.9
    public var editDuplicate = 0.95
    /// OCR glyphs: the repair is a word of the vocabulary; a list number's lookalike; a word
    /// the document uses often; less when the repaired form has no support.
    public var editGlyphSupported = 0.9
    public var editGlyphLookalike = 0.85
    public var editGlyphFrequent = 0.8
    public var editGlyphUnsupportedPenalty = 0.05
    /// Bytes reading had to replace (an invalid byte, a NUL, an entity left out).
    public var editReplacedBytes = 0.5

    /// The template's confidence: alone, `templateBase` rising by `templatePerPoint` a
    /// point of evidence up to `templateCeiling`; against another, from an even chance by
    /// `templateMarginReach`·tanh(margin / `templateMarginScale`).
    public var templateBase = 0.6
    public var templatePerPoint = 0.025
    public var templateCeiling = 0.99
    public var templateMarginReach = 0.49
    public var templateMarginScale = 3.0

    public init() {}

    /// How sure the template is, from its score and the runner-up's (nil when none fits).
    public func templateConfidence(score: Double, runnerUp: Double?) -> Double {
        guard let runnerUp else { return min(templateCeiling, templateBase + score * templatePerPoint) }
        return 0.5 + templateMarginReach * tanh((score - runnerUp) / templateMarginScale)
    }

    /// The band a confidence falls in.
    public func band(of confidence: Double) -> String {
        bands.first { confidence >= $0.floor }?.name ?? bands.last?.name ?? ""
    }

    /// The confidence the evidence earns: the text's starting value, capped by how the
    /// place was found, then by the arithmetic, the reading's selection and the
    /// document's damage, in that order.
    public func confidence(of evidence: CellEvidence) -> Double {
        var value = placed(evidence)
        if let score = evidence.labelScore, score < weakLabel { value *= weakLabelFactor }
        if evidence.labelUnread { value = min(value, rowBetweenLabels) }
        let relations = evidence.arithmetic
        if evidence.selection == .orderAgreeing { value = min(value, orderAgreeing) }
        if !relations.failed.isEmpty {
            value = min(value, failing)
        } else if confirmations(of: evidence) > 0, value >= threshold, evidence.placement != .notPrinted {
            value = min(holdingCeiling, value + holdingBonus)
        }
        if evidence.selection == .orderByArithmetic(holdsAll: true), isTrustedByOrder(evidence, at: value) {
            value = max(value, orderConfirmed)
        }
        // A row the reading by order left out is no surer than the deal that left it out.
        if evidence.placement == .notPrinted, case .orderByArithmetic = evidence.selection { value = min(value, order) }
        if evidence.damagedDocument, isUnverified(evidence), value > unverifiedInDamaged {
            value = unverifiedInDamaged
        }
        if evidence.replacedBytes { value = min(value, replacedBytes) }
        if case .disagrees = evidence.prose { value = min(value, proseDisagrees) }
        return value
    }

    /// The relations holding on the cell, with the prose's agreement as one of them.
    public func confirmations(of evidence: CellEvidence) -> Int {
        evidence.arithmetic.confirmations + (evidence.prose == .agrees ? 1 : 0)
    }

    /// Whether a reading by order, chosen for its arithmetic, vouches for the cell.
    public func isTrustedByOrder(_ evidence: CellEvidence, at value: Double) -> Bool {
        guard case .order = evidence.placement else { return false }
        return value >= orderTrustFloor && evidence.arithmetic.informativeConfirmations >= trustedConfirmations
            && evidence.arithmetic.failed.isEmpty
    }

    /// Whether fewer relations confirm the cell than it takes to trust it in a damaged document.
    public func isUnverified(_ evidence: CellEvidence) -> Bool {
        confirmations(of: evidence) < trustedConfirmations || !evidence.arithmetic.failed.isEmpty
    }

    /// The starting value capped by the placement.
    func placed(_ evidence: CellEvidence) -> Double {
        let start = starting(evidence.source)
        switch evidence.placement {
        case .label, .slot: return start
        case .rightAligned: return min(start, rightAligned)
        case .lacking: return lacking
        case .byColumns(let checked): return min(start, checked ? byColumnsChecked : byColumnsUnchecked)
        case .paddingGuessed: return min(start, paddingGuessed)
        case .mismatched: return evidence.source == .absent ? absent : min(start, mismatched)
        case .window: return min(start, window)
        case .joined(let checked): return min(start, checked ? joinedChecked : joinedUnchecked)
        case .continued: return min(start, continuedLines)
        case .split(let split):
            var value = split.fits == 1 ? (split.checked ? splitChecked : splitGuess) : splitShared / Double(split.fits)
            if !split.wasSplit, !split.blanksAreSpaces, !split.spaceLost { value = min(splitWholeCeiling, value + splitWholeBonus) }
            return split.chosenByTable || split.chosenByProse ? max(value, splitChosenByTable) : value
        case .shortRow(let row):
            let placed: [CellEvidence.ShortRow.Outcome] = [.placed, .spaced, .totalLast, .totalsBlank]
            return placed.contains(row.outcome) ? min(start, shortRowPlaced) : absent
        case .order(let order):
            switch order {
            case .ambiguous: return min(start, orderAmbiguous)
            case .reordered: return min(start, orderReordered)
            case .dealt, .pinned, .firstsFirst, .byColumn: return min(start, self.order)
            }
        case .notFound: return absent
        case .notPrinted: return notPrinted
        }
    }

    /// The starting confidence of a text read so.
    public func starting(_ source: CellEvidence.ValueSource) -> Double {
        switch source {
        case .printed: printed
        case .annotated(_, _, let other): other == nil ? printed : otherUnit
        case .fraction: fraction
        case .repairedDigits: repairedDigits
        case .blank: blank
        case .noneMark: noneMark
        case .dashLookalike: dashLookalike
        case .unreadable: unreadable
        case .absent: absent
        }
    }
}
