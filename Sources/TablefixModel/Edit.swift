/// One change made to a document's text, recorded so that nothing changes silently.
public struct Edit: Sendable, Equatable {
    /// What kind of repair made the change.
    public var kind: Kind
    /// The text before the change (for a removal, what was removed).
    public var before: String
    /// The text after the change (empty for a removal).
    public var after: String
    /// The 1-based input line the change touched.
    public var line: Int
    /// How sure the pass is that the change restores the original: 0…1.
    public var confidence: Double

    public init(kind: Kind, before: String, after: String, line: Int, confidence: Double) {
        self.kind = kind
        self.before = before
        self.after = after
        self.line = line
        self.confidence = confidence
    }

    /// The kind of an edit, as a string that output and filters use.
    ///
    /// A struct over a raw string rather than an enum, so that new passes add kinds
    /// without breaking anyone who switches over them.
    public struct Kind: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Invisible or odd spaces (NBSP, full-width, zero-width) normalised or dropped.
        public static let whitespace = Kind(rawValue: "whitespace")
        /// Two input lines that a wrap had split joined into one.
        public static let join = Kind(rawValue: "join")
        /// A line a crawler ran together split where a line break was lost.
        public static let split = Kind(rawValue: "split")
        /// A space left between CJK characters by a line break removed.
        public static let space = Kind(rawValue: "space")
        /// A look-alike code point a font's Unicode map gave (a Kangxi radical, a CJK
        /// compatibility ideograph) replaced by the ideograph the page shows.
        public static let character = Kind(rawValue: "character")
        /// An OCR glyph confusion repaired.
        public static let glyph = Kind(rawValue: "glyph")
        /// A list number rendered in the wrong style restored.
        public static let numbering = Kind(rawValue: "numbering")
        /// A heading repeated right after itself dropped.
        public static let duplicate = Kind(rawValue: "duplicate")
        /// An extraction artifact (bookmark, markdown emphasis) removed.
        public static let artifact = Kind(rawValue: "artifact")
        /// Web-page clutter (index number, publisher, dates, share links) removed.
        public static let clutter = Kind(rawValue: "clutter")
        /// A byte the input's encoding does not allow, replaced by U+FFFD, or a NUL dropped.
        public static let decoding = Kind(rawValue: "decoding")
    }

    /// Whether the edit removes text rather than replacing it with an equivalent.
    public var isRemoval: Bool { after.isEmpty }
}
