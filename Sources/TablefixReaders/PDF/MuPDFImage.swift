internal import CPDF

/// A picture file (PNG, JPEG, GIF, BMP, TIFF …) opened with MuPDF: its size is known before
/// any pixel is decoded, and it is drawn only when asked.
final class MuPDFImage {
    private let context: MuPDFContext
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let image: UnsafeMutablePointer<fz_image>
    let width: Int
    let height: Int

    init(bytes source: [UInt8], context: MuPDFContext) throws(MuPDFError) {
        self.context = context
        bytes = .allocate(capacity: max(source.count, 1))
        _ = bytes.initialize(from: source)
        var loaded: UnsafeMutablePointer<fz_image>?
        var width: Int32 = 0, height: Int32 = 0
        guard tf_load_image(context.context, bytes.baseAddress, source.count, &loaded, &width, &height) == Int32(TF_OK),
            let loaded
        else {
            bytes.deallocate()
            throw context.caughtError()
        }
        image = loaded
        self.width = Int(width)
        self.height = Int(height)
    }

    deinit {
        fz_drop_image(context.context, image)
        bytes.deallocate()
    }

    /// Draws the picture `scale` times its size in pixels, turned by `rotation` degrees
    /// (clockwise) about its centre, as 8-bit gray on white.
    func render(scale: Double, rotation: Double = 0) throws(MuPDFError) -> GrayImage {
        let width = Int32((Double(self.width) * scale).rounded()), height = Int32((Double(self.height) * scale).rounded())
        // The unit square to the picture's size, centred on the origin, turned, then into the pixmap.
        var matrix = fz_translate(-0.5, -0.5)
        matrix = fz_concat(matrix, fz_scale(Float(width), Float(height)))
        matrix = fz_concat(matrix, fz_rotate(Float(rotation)))
        matrix = fz_concat(matrix, fz_translate(Float(width) / 2, Float(height) / 2))
        let area = fz_irect(x0: 0, y0: 0, x1: max(width, 1), y1: max(height, 1))
        var pixmap: UnsafeMutablePointer<fz_pixmap>?
        guard tf_render_image_gray(context.context, image, matrix, area, &pixmap) == Int32(TF_OK), let pixmap else {
            throw context.caughtError()
        }
        defer { fz_drop_pixmap(context.context, pixmap) }
        return GrayImage(copying: pixmap, context: context)
    }
}
