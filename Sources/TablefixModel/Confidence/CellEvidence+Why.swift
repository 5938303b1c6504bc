extension CellEvidence {
    /// The `why` of the output: the evidence in words, generated, never parsed. `raw` is
    /// the text the input held for the cell.
    public func why(raw: String, policy: ConfidencePolicy = .standard) -> String? {
        var parts: [String] = []
        if case .states(let value, let sentence) = prose {
            parts.append("the table is not in the text; the prose states \(value.printed): \(sentence)")
        } else if let inferred = arithmetic.inferred {
            let blank = raw.isEmpty ? "blank in source" : "\"\(raw)\" unreadable"
            parts.append("\(blank); \(inferred.value.printed) follows from \(inferred.rule)")
        } else if let reading = readingWhy(policy) {
            parts.append(reading)
        }
        if let first = arithmetic.failed.first {
            let more = arithmetic.failed.count - 1
            parts.append("fails \(first)" + (more > 0 ? " and \(more) more" : ""))
        }
        if damagedDocument, policy.isUnverified(self), policy.confidence(of: withoutDamage) > policy.unverifiedInDamaged {
            parts.append("not confirmed by two relations, in a document with damaged rows or OCR glyphs")
        }
        if replacedBytes { parts.append("read from a line whose bytes were replaced") }
        if case .disagrees(let stated, let sentence) = prose {
            parts.append("the prose states \(stated.printed): \(sentence)")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    var withoutDamage: CellEvidence {
        var evidence = self
        evidence.damagedDocument = false
        evidence.replacedBytes = false
        return evidence
    }

    /// How the value was read and placed, in words.
    func readingWhy(_ policy: ConfidencePolicy) -> String? {
        if labelUnread { return "its label unread; placed between the rows read before and after it" }
        switch selection {
        case .orderAgreeing: return "read by order; the order agrees with every row the labels placed"
        case .orderByArithmetic(holdsAll: true) where policy.isTrustedByOrder(self, at: policy.confidence(of: withoutSelection)):
            return "read by order; the row's and the column's arithmetic both hold"
        default: break
        }
        switch placement {
        case .label, .slot, .rightAligned: return sourceWhy
        case .continued:
            return "the row's values continue on the lines of values below its first; its arithmetic holds with them"
        case .lacking(let cells, let columns): return "no cell in source (row has \(cells) cells for \(columns) columns)"
        case .paddingGuessed:
            return "the row has a blank cell at either end; took the last for the grid's padding"
        case .byColumns(let checked):
            return "placed by the character columns of a fuller row" + (checked ? "; the row's arithmetic holds" : "")
        case .mismatched(let values, let columns):
            return "row has \(values) values for \(columns) columns" + (values > columns ? "; kept the first" : "")
        case .window(let values, let columns): return "row has \(values) values for \(columns) columns; these fit its arithmetic"
        case .joined(let checked):
            return "pieces of one number a single space apart, in a row whose values stand wider apart: joined"
                + (checked ? "; the row's arithmetic holds so" : "")
        case .split(let split) where split.blanksAreSpaces:
            let cells = "cells run together, each empty one kept as a space"
            return split.fits == 1 ? "\(cells); the only split that fits the row's arithmetic"
                : "\(cells); \(split.fits) splits fit the row" + (split.chosenByTable ? ", the table's arithmetic chose this one" : ", took the first")
        case .split(let split) where split.spaceLost:
            return "values printed apart but for one word, cut where the row's arithmetic says a space was lost"
        case .split(let split):
            if split.chosenByProse {
                return "digits run together; \(split.fits) splits fit the row, a figure the prose states chose this one"
            }
            if split.chosenByTable {
                return "digits run together; \(split.fits) splits fit the row, the table's arithmetic chose this one"
            }
            if split.fits == 1 {
                return "digits run together; the only split \(split.checked ? "that fits the row's arithmetic" : "without leading zeros")"
            }
            return "digits run together; \(split.fits) splits fit, took the first"
        case .shortRow(let row):
            let note = "row has \(row.values) values for \(row.columns) columns"
            switch row.outcome {
            case .placed: return "\(note); placed in the columns where the table's arithmetic holds best"
            case .spaced: return "\(note); placed in the columns the spaces between the printed values point to"
            case .totalLast:
                return "\(note); the last, at least the sum of the others, taken for the total, the others in order from the first column"
            case .totalsBlank: return "\(note), one for each but the totals: placed in order, the totals left blank"
            case .undecided(let candidate):
                return "\(note); the printed \(candidate) may be this column's or another's: the arithmetic does not say"
            case .none: return "\(note); none printed for this column"
            }
        case .order(let order):
            switch order {
            case .ambiguous: return "read by order; another reading order fits this row's arithmetic as well"
            case .reordered: return "printed in another order; placed where the row's and the table's arithmetic hold"
            case .pinned: return "printed alone beside its label: the row's first value"
            case .firstsFirst: return "read by order: these rows printed their first values before the rest"
            case .byColumn: return "read by order: these rows printed their values column by column"
            case .dealt: return "read by order: the region's labels are out of order"
            }
        case .notFound: return "row not found"
        case .notPrinted: return "not printed: the document's form has no such row or column"
        }
    }

    var withoutSelection: CellEvidence {
        var evidence = withoutDamage
        evidence.selection = .only
        return evidence
    }

    /// The text alone, in words.
    var sourceWhy: String? {
        switch source {
        case .printed: nil
        case .annotated(let unit, let note, let other):
            [unit.map { unit in
                other.map { "printed in \(unit) where the column counts in \($0): kept as printed" } ?? "printed with its unit \(unit)"
            }, note.map { "a note printed with it: \($0)" }].compactMap { $0 }.joined(separator: "; ")
        case .fraction: "a fraction where the column counts items"
        case .repairedDigits: "letters read as digits"
        case .blank: "blank in source"
        case .noneMark(let mark): "\(mark) in source"
        case .dashLookalike(let mark): "\(mark) among numbers: a dash as an OCR reads it"
        case .unreadable: "not a number"
        case .absent: nil
        }
    }
}
