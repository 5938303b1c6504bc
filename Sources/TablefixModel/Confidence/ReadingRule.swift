/// The rule that produced a cell's value: the `rule` field of the output.
public enum ReadingRule: String, Sendable, CaseIterable, Equatable {
    /// The row's label matched and the row printed one value per column.
    case labelRow = "label-row"
    /// The row has one slot per column, some blank, or fewer cells than columns taken as
    /// the rightmost.
    case position
    /// An empty cell.
    case blank
    /// A dash or slash printed for none.
    case placeholder
    /// Letters or lookalikes an OCR printed, read as digits or a dash.
    case ocrDigits = "ocr-digits"
    /// The cell's text is not a number.
    case unreadable
    /// The region does not show the cell at all.
    case missing
    /// Numbers run together and split.
    case splitDigits = "split-digits"
    /// A number printed in pieces one space apart, joined.
    case joinedPieces = "joined-pieces"
    /// The row printed more values than columns; one run of them was kept.
    case window
    /// A row with fewer values than columns that nothing else explained.
    case shortRow = "short-row"
    /// Read by the order of the region's values rather than by labels.
    case sequence
    /// A row or column the document's form does not have (a group printed as one row, a
    /// form of another province): no value, and none expected.
    case notPrinted = "not-printed"
    /// The table is an image or absent: the report's prose states the figure, which goes
    /// to `inferred`, never to `value`.
    case narrative
}
