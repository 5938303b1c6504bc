public import TablefixModel

/// Pictures of the places on a PDF's pages (or on a picture read as a page) that text was
/// read from, for a reviewer to set beside what was read.
public enum PageCrops {
    /// Each region of the PDF drawn at `dpi` in gray, as PNG bytes; nil for a region that
    /// cannot be drawn (no such page, a PDF that does not open within `limits`).
    public static func png(ofPDF bytes: [UInt8], regions: [PageRegion], dpi: Double = 96, limits: PDFLimits = .standard)
        -> [[UInt8]?]
    {
        guard let context = try? MuPDFContext(memoryLimit: limits.memory),
            let pdf = try? MuPDFDocument(bytes: bytes, context: context, pictureType: FormatSniffer.pictureType(of: bytes))
        else { return regions.map { _ in nil } }
        return regions.map { region in
            guard region.page >= 1, region.page <= pdf.pageCount,
                let page = try? pdf.page(region.page - 1, timeLimit: limits.secondsPerPage)
            else { return nil }
            let area = Box(x0: region.x, y0: region.y, x1: region.x + region.width, y1: region.y + region.height)
            guard area.width > 0, area.height > 0, area.width * area.height * dpi * dpi / 5184 <= Double(limits.pixels),
                let picture = try? page.render(dpi: dpi, area: area)
            else { return nil }
            return try? picture.png(context: context)
        }
    }
}
