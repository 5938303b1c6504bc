/// An 8-bit gray picture, row by row, 0 black to 255 white: a rendered page or a decoded image.
struct GrayImage: Sendable, Equatable {
    var width: Int
    var height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A white picture.
    init(width: Int, height: Int) {
        self.init(width: width, height: height, pixels: [UInt8](repeating: 255, count: width * height))
    }

    subscript(x: Int, y: Int) -> UInt8 {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }

    /// The part of the picture inside `x0..<x1`, `y0..<y1` (clamped to the picture).
    func crop(x0: Int, y0: Int, x1: Int, y1: Int) -> GrayImage {
        let left = max(0, min(width, x0)), right = max(left, min(width, x1))
        let top = max(0, min(height, y0)), bottom = max(top, min(height, y1))
        var out = [UInt8]()
        out.reserveCapacity((right - left) * (bottom - top))
        for row in top..<bottom {
            out.append(contentsOf: pixels[(row * width + left)..<(row * width + right)])
        }
        return GrayImage(width: right - left, height: bottom - top, pixels: out)
    }
}
