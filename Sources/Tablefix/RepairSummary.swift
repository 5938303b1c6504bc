import Foundation
public import TablefixModel
import TablefixOutput
import TablefixStore
import TablefixReview

/// What a repair found, in a few lines for a person at a terminal: the tables and their
/// status, the cells below a confidence threshold, the failed checks.
///
/// ```swift
/// let summary = RepairSummary(repair, threshold: 0.9)
/// print(summary)
/// // tables: active present 0.80, requests present 0.60, review present 0.99 (gov-disclosure-2021)
/// // cells below 0.9: 14 of 200 (requests granted.natural 0.60, …); failed checks: 0
/// ```
public struct RepairSummary: Sendable, Equatable, CustomStringConvertible {
    /// One table: its id, status and confidence (0 unless present).
    public struct Table: Sendable, Equatable {
        /// `active`, `requests`, `review`, or `t1`… for a generic grid.
        public var id: String
        public var status: ExtractedTable.Status
        public var confidence: Double
    }

    /// One cell below the threshold.
    public struct DoubtfulCell: Sendable, Equatable {
        /// The table's id and the cell's `ROW.COL`.
        public var table: String
        public var key: String
        public var confidence: Double
    }

    /// The template the document follows, if one fits.
    public var template: String?
    /// Every table reconstruction reports, in its order.
    public var tables: [Table]
    /// Cells below this confidence are counted as doubtful.
    public var threshold: Double
    /// Cells of present canonical tables.
    public var cells: Int
    /// The cells below the threshold, least confident first.
    public var doubtful: [DoubtfulCell]
    /// The checks that fail, as `rule [column]`.
    public var failedChecks: [String]

    /// The summary of one repair.
    public init(_ repair: Repair, threshold: Double = Reviewer.defaultThreshold) {
        self.init(repair.extraction, threshold: threshold)
    }

    /// The summary of what reconstruction found.
    public init(_ extraction: Extraction, threshold: Double = Reviewer.defaultThreshold) {
        template = extraction.template
        self.threshold = threshold
        tables = extraction.tables.map { table in
            Table(id: table.id, status: table.status, confidence: table.status == .present ? table.confidence : 0)
        }
        var cells = 0
        var doubtful: [DoubtfulCell] = []
        var failed: [String] = []
        for table in extraction.tables where table.status == .present && table.grid == nil {
            cells += table.cells.count
            for cell in table.cells where ReviewReport.rounded(cell.confidence) < threshold {
                let confidence = ReviewReport.rounded(cell.confidence)
                doubtful.append(DoubtfulCell(table: table.id, key: cell.key, confidence: confidence))
            }
            for check in table.checks where check.ok == false {
                failed.append("\(table.id): \(check.rule)" + (check.column.map { " [\($0)]" } ?? ""))
            }
        }
        self.cells = cells
        // A stable order: least confident first, then as the tables list them.
        self.doubtful = doubtful.enumerated().sorted { a, b in
            if a.element.confidence != b.element.confidence { return a.element.confidence < b.element.confidence }
            return a.offset < b.offset
        }.map(\.element)
        failedChecks = failed
    }

    /// Two or three lines: the tables, the doubtful cells, the failed checks.
    public var description: String {
        var lines = ["tables: " + tableList + (template.map { " (\($0))" } ?? " (no template)")]
        var cellLine = "cells below \(ReviewReport.text(of: threshold)): \(doubtful.count) of \(cells)"
        if !doubtful.isEmpty {
            let shown: [String] = doubtful.prefix(3).map { "\($0.table) \($0.key) \(Self.twoDecimals($0.confidence))" }
            cellLine += " (" + shown.joined(separator: ", ") + (doubtful.count > 3 ? ", …" : "") + ")"
        }
        cellLine += "; failed checks: \(failedChecks.count)"
        lines.append(cellLine)
        if !failedChecks.isEmpty {
            let shown = failedChecks.prefix(3).joined(separator: "; ")
            lines.append("failed: " + shown + (failedChecks.count > 3 ? "; …" : ""))
        }
        return lines.joined(separator: "\n")
    }

    private var tableList: String {
        guard !tables.isEmpty else { return "none found" }
        let parts: [String] = tables.map { table in
            if table.status == .present, table.confidence > 0 {
                return "\(table.id) \(table.status.rawValue) \(Self.twoDecimals(table.confidence))"
            }
            return "\(table.id) \(table.status.rawValue)"
        }
        return parts.joined(separator: ", ")
    }

    private static func twoDecimals(_ value: Double) -> String { String(format: "%.2f", value) }
}
