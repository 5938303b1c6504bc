import Foundation
import TablefixModel
import TablefixReaders

extension Reviewer {
    /// Pictures of where each canonical table of a PDF was read, as PNG data URIs by table
    /// id: for each page, the box around the cells of the grids its values came from (a
    /// grid is found by the lines of the table's cells), drawn at 72 dpi.
    ///
    /// Empty for a document that is not a PDF or a picture.
    static func pageCrops(of document: Document, extraction: Extraction, bytes: [UInt8]) -> [String: [String]] {
        guard document.source.format == .pdf || document.source.format == .image else { return [:] }
        var regionsByTable: [(id: String, regions: [PageRegion])] = []
        for table in extraction.tables where table.status == .present && !table.cells.isEmpty {
            let lines = Set(table.cells.map(\.line).filter { $0 > 0 })
            var boxes: [Int: PageRegion] = [:]
            for block in document.blocks where lines.contains(where: block.lines.contains) {
                guard case .table(let grid) = block.content else { continue }
                for region in grid.rows.joined().compactMap(\.region) {
                    boxes[region.page] = boxes[region.page].map { $0.union(region) } ?? region
                }
            }
            if !boxes.isEmpty { regionsByTable.append((table.id, boxes.keys.sorted().compactMap { boxes[$0] })) }
        }
        let pictures = PageCrops.png(ofPDF: bytes, regions: regionsByTable.flatMap(\.regions), dpi: 72)
        var crops: [String: [String]] = [:]
        var next = 0
        for (id, regions) in regionsByTable {
            for picture in pictures[next..<(next + regions.count)] {
                if let picture { crops[id, default: []].append("data:image/png;base64," + Data(picture).base64EncodedString()) }
            }
            next += regions.count
        }
        return crops
    }
}

extension PageRegion {
    /// The smallest region on the same page holding both.
    fileprivate func union(_ other: PageRegion) -> PageRegion {
        let x0 = min(x, other.x), y0 = min(y, other.y)
        let x1 = max(x + width, other.x + other.width), y1 = max(y + height, other.y + other.height)
        return PageRegion(page: page, x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}
