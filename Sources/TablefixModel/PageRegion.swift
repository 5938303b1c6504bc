/// Where on a page something was read: the 1-based page and a box in points (1/72 inch)
/// measured from the page's top-left corner, as the page is shown (its rotation applied).
public struct PageRegion: Sendable, Equatable, Codable {
    /// The 1-based page number.
    public var page: Int
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(page: Int, x: Double, y: Double, width: Double, height: Double) {
        self.page = page
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}
