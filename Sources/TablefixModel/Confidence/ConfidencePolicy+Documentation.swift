extension ConfidencePolicy {
    /// docs/confidence.md: how every confidence is computed, with this policy's numbers.
    /// The committed file is this text (`ConfidenceDocumentationTests`).
    public var documentation: String {
        func n(_ value: Double) -> String { value.printed }
        return """
            # How tablefix computes confidence

            <!-- Generated from ConfidencePolicy (Sources/TablefixModel/Confidence); do not edit:
                 TABLEFIX_RECORD=1 swift test --filter ConfidenceDocumentationTests writes it again. -->

            Every number tablefix prints comes with a confidence: the probability that `value` is what
            the original document printed in that cell. The promise (spec/output.md) is calibration: of
            all cells given \(n(threshold)) or more, at least 99.5 % hold the right value, and the wrong
            cells are the ones with low confidence, so that a reviewer who checks only those finds the
            errors. `Tools/calibration` prints, per band, the share of cells that are right over every
            committed input.

            Each cell carries its evidence (`CellEvidence`): how its text was read, how its place in the
            table was found, how well its label matched, what the table's relations say of it, how its
            reading was chosen over others, and what the document shows as a whole. `rule` and `why`
            are generated from the same evidence. The steps below apply in this order.

            ## 1. How the text was read

            | text | starting confidence |
            |---|---|
            | a number as printed | \(n(printed)) |
            | a number with a unit or a note (`368000元`, `31（其中修订9件）`) | \(n(printed)); \(n(otherUnit)) when the unit is another than the column's (kept as printed, never converted) |
            | a blank cell (`value` null) | \(n(blank)) |
            | a dash, slash, 无 or 空 (`value` null) | \(n(noneMark)) |
            | a lone `一` among numbers: an OCR'd dash | \(n(dashLookalike)) |
            | letters or debris an OCR left, read as digits (`1O`, `3?`, a lone `工`) | \(n(repairedDigits)) |
            | a fraction where the column counts items | \(n(fraction)) |
            | text that is not a number (`unreadable`) | \(n(unreadable)) |
            | nothing stands for the cell (`missing`) | \(n(absent)) |

            ## 2. How its place was found (`rule`)

            | placement | confidence |
            |---|---|
            | `label-row`: the row's label matched and it printed one value per column | as read |
            | `label-row`: the row's first line short of its columns, the lines of values right below it (no label of their own) making up one value per column, and the row's arithmetic holding with them (an OCR reading a tall row's cells a few at a time) | at most \(n(continuedLines)) |
            | `position`: one slot per column, blanks included | as read |
            | `position`: one slot per column once a grid's blank padding is dropped, where the row has a blank at either end (a merged label's blank before its values, or a blank total after them) and the table's arithmetic does not choose which end was padding | at most \(n(paddingGuessed)) |
            | `position`: a row with fewer cells than columns, its cells taken as the rightmost | at most \(n(rightAligned)); a column it has no cell for \(n(lacking)) |
            | `position`: a text row with fewer values than columns, each under the character column a fuller row of the same layout prints there, the others blank | at most \(n(byColumnsChecked)) when the row's arithmetic holds so, \(n(byColumnsUnchecked)) when it has none |
            | `short-row`: a row with fewer values than columns that nothing explained | at most \(n(mismatched)) in the first columns; \(n(shortRowPlaced)) at most where the table's arithmetic, or the spaces an OCR kept between the values, placed them, or where the last value, at least the others' sum, is the row's total and the others follow in order from the first column, or where a row printing every cell but its two or more totals puts them in order; \(n(absent)) where it could not decide |
            | `window`: a long row's one run of values that fits its arithmetic | at most \(n(window)) |
            | `joined-pieces`: a number a converter printed in pieces one space apart (`78 967`), in a row whose other values stand wider apart, joined so that the row has one value per column | at most \(n(joinedChecked)) when the row's arithmetic holds with the joined values, \(n(joinedUnchecked)) when it has none |
            | `split-digits`: numbers run together, split | \(n(splitChecked)) when exactly one split fits the row's arithmetic (which then cannot also confirm it); \(n(splitGuess)) when exactly one has no leading zeros and there is no arithmetic; \(n(splitShared)) / n when n splits fit; at least \(n(splitChosenByTable)) when the whole table's arithmetic chooses one, or a figure the prose states does where the arithmetic cannot; a value printed whole in such a row gains \(n(splitWholeBonus)), up to \(n(splitWholeCeiling)), unless the row's empty cells were read from the spaces between its values (a crawler's `数量152 11120`: 15, 2, a blank, 1, 1, 1, 20, each `&nbsp;` cell kept as a space), or the row printed its values apart but for one word that a lost space joined (an OCR's `61  43050`: 61, 4, 3050) |
            | `sequence`: read by the order of the region's values | at most \(n(order)); \(n(orderReordered)) for a row put back in another order; \(n(orderAmbiguous)) when another grouping fits the row's arithmetic as well |
            | `not-printed`: a row or column the document's form does not have (every other row read) | \(n(notPrinted)) |
            | `missing`: the row was not found | \(n(absent)) |

            A label that matched below \(n(weakLabel)) multiplies the confidence by \(n(weakLabelFactor)). A row
            of values whose label matches no row (an OCR garbled it), standing where the template
            rows between two rows read by label are missing, one such row for each, is placed there
            in order, at most \(n(rowBetweenLabels)).

            ## 3. Arithmetic (`checks`)

            Every relation of the template is evaluated; a cell the form does not print counts as
            nothing beside printed cells, and a relation one side of which is not printed at all is
            not evaluated. A cell in a failing relation is capped at \(n(failing)) and its `why` names the
            relation: the printed number is kept, never changed to make a sum agree. A cell whose
            relations hold (and that stands at \(n(threshold)) or more) gains \(n(holdingBonus)), up to
            \(n(holdingCeiling)). Where exactly one cell of a relation is blank or unreadable, the
            relation's solution goes into `inferred`, never `value`.

            ## 4. How the reading was chosen

            The reading by labels is the primary one; when it is doubtful (a row not found, a cell
            below \(n(doubtful)), or a relation failing in text rather than in a grid) a reading by order
            may replace it:
            - when its arithmetic holds better (four relations in five at least, and more of them than
              by label); when no relation fails in it, a cell at \(n(orderTrustFloor)) or more that
              \(trustedConfirmations) relations confirm, on numbers not all zero, rises to \(n(orderConfirmed)) (a sum of
              zeros holds wherever the zeros stand, so it cannot place a value);
            - or when it agrees with every cell the labels placed at \(n(orderAgreementFloor)) or more: the
              cells it fills are capped at \(n(orderAgreeing)).

            A row the reading by order leaves out as not printed is no surer than the deal: at most
            \(n(order)).

            ## 5. What the document shows

            - A damaged document (an OCR glyph repair anywhere in its text, or a cell read through a
              repair, from a row that did not fit its columns, or from a row not found): every cell
              fewer than \(trustedConfirmations) relations confirm is capped at \(n(unverifiedInDamaged)). A digit that
              OCR turned into another digit cannot be seen in the number itself; only arithmetic can
              vouch for it, and one relation can hold by coincidence.
            - A cell read from a line whose bytes reading had to replace (an invalid byte, a NUL, an
              entity left out) is capped at \(n(replacedBytes)).

            ## 6. What the prose says (`narrative` checks)

            Reports state their key figures in words as well (`共收到政府信息公开申请31件`,
            `未收到…申请` for zero). Each statement of the report's year (not `上年`, `2021年`,
            a difference, a sub-count, a percentage, a range or an approximation) is a `narrative`
            check on the cell or the sum of cells it speaks of:
            - it holds: it counts as one more relation holding on those cells (the bonus above, and one
              of the \(trustedConfirmations) confirmations a damaged document asks for); it never lowers a cell;
            - it fails: unless another sentence states the table's figure, the cells are capped at
              \(n(proseDisagrees)) and their `why` quotes the sentence;
            - the table is an image or absent: a figure stated for one cell goes into that cell's
              `inferred` (`rule` `narrative`, `value` null, confidence \(n(absent))); the table's status and
              confidence stay as they are.

            ## 7. OCR (scans and pictures of tables)

            Each word read from a picture carries the OCR engine's confidence, and a cell or line
            read so carries its least sure word's (`ocrConfidence`, docs/pdf.md):
            - a cell with no ink but specks is empty, \(n(ocrBlankCell)) sure; a cell with ink that the
              engine reads as nothing is empty, \(n(ocrIllegible)) sure;
            - a cell read as digit look-alikes, as nothing although it has ink, or as one or two CJK
              characters less than \(n(ocrNumeralRetry)) sure is read again for numerals only; that
              reading replaces the first when it is surer, when the first held characters no number
              is printed with and it is at least \(n(ocrNumeralOverCJK)) sure (against CJK characters)
              or \(n(ocrNumeralOverOther)) sure (against others), or when the first was a lone stroke.

            ## Per table and per document

            - A table's confidence is its lowest cell confidence. Tables with status `image` or
              `absent` have confidence 0.
            - The template's confidence: alone, \(n(templateBase)) rising by \(n(templatePerPoint)) a point of
              evidence (its tables' labels found, its edition's words, the year) up to
              \(n(templateCeiling)); against another template, 0.5 + \(n(templateMarginReach))·tanh(margin / \(n(templateMarginScale))).
            - The document's confidence is the lower of the template's confidence and the mean of its
              present tables' confidences.

            ## Edits

            | edit | confidence |
            |---|---|
            | whitespace normalised | \(n(editWhitespace)) |
            | a Kangxi radical or compatibility ideograph replaced by its ideograph | \(n(editCharacter)) |
            | markup a converter left (tags, bookmarks, bold marks) | \(n(editArtifact)); pinyin in brackets \(n(editPinyin)) |
            | web-page clutter | \(n(editClutter)); removed beside clutter \(n(editClutterNearby)) |
            | a wrapped paragraph joined; a line a crawler ran together split | \(n(editJoin)); \(n(editSplit)) |
            | a word written one character a line joined | \(n(editJoinCharacters)) |
            | a space a line break left between CJK characters | \(n(editSpace)) |
            | a list number restored | \(n(editNumberingBoth)) when both neighbours agree, \(n(editNumberingOne)) when one does |
            | a repeated heading dropped | \(n(editDuplicate)) |
            | an OCR glyph repaired | \(n(editGlyphSupported)) when the repair is a word of the templates' vocabulary, \(n(editGlyphLookalike)) for a list number's lookalike, \(n(editGlyphFrequent)) for a word the document uses often; \(n(editGlyphUnsupportedPenalty)) less without support |
            | bytes reading had to replace | \(n(editReplacedBytes)) |

            ## The review page

            Cells below \(n(threshold)) (the default threshold) are queued; shading: \(bands.map { "\($0.name) ≥ \(n($0.floor))" }.joined(separator: ", ")).

            """
    }
}
