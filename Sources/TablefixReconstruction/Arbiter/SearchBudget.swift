/// Every limit on how much a reading may try, in one place: strategies propose within
/// them, the arbiter searches within them.
struct SearchBudget: Sendable {
    /// Up to this many combinations of the units' options are all tried together; beyond
    /// it, units move one at a time (and rows that lost the same columns together).
    var jointCombinations = 4096
    /// Rounds of moving one unit at a time.
    var rounds = 2
    /// A unit with more options than this is read its default way.
    var optionsPerUnit = 64
    /// Splits of a row's glued digits tried before giving up.
    var splitTrials = 20_000
    /// Ways to spread a crawler's empty cells over the spaces of a row whose white space
    /// it collapsed, tried before giving up.
    var collapsedBlankLayouts = 256
    /// Rows a reading by order may group to print their first values first.
    var firstsFirstRows = 8
    /// Rows a reading by order may group to print their values column by column (a page
    /// of a table in a WPS-made PDF).
    var columnBlockRows = 12
    /// Combinations of values pinned beside labels tried by the reading by order.
    var pinCombinations = 32
    /// Rows longer than this are not put back in another order (8! orders).
    var reorderedRowWidth = 8
    /// A deal with more failing rows than this is wrong as a whole, not shuffled.
    var reorderedRows = 3
    /// Steps of the search for the ways a wide row's groups may have been interleaved.
    var interleavingSteps = 200_000

    static let standard = SearchBudget()
}
