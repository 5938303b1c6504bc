/// How much of a machine one PDF may take. A document past a limit is not read: it fails
/// with a one-line error naming the limit, so that a batch goes on with the next file.
public struct PDFLimits: Sendable, Equatable {
    /// At most this many pages.
    public var pages: Int
    /// At most this many pixels in one image a page paints, and in one page drawn for OCR.
    public var pixels: Int
    /// At most this many seconds to read one page (interpreting, drawing, OCR).
    public var secondsPerPage: Double
    /// At most this many bytes of memory held by the PDF library for one document.
    public var memory: Int

    public init(pages: Int = 1_000, pixels: Int = 60_000_000, secondsPerPage: Double = 60, memory: Int = 1 << 30) {
        self.pages = pages
        self.pixels = pixels
        self.secondsPerPage = secondsPerPage
        self.memory = memory
    }

    /// The limits every reader uses unless told otherwise.
    public static let standard = PDFLimits()
}
