public import Foundation

/// Compares a repair's JSON output with a gold file the way ../shared/tools/evaluate.py
/// scores it: every template cell's value, every table's status, every text fix.
public struct GoldComparison {
    public var cells = 0
    public var rightCells = 0
    public var highConfidence = 0
    public var highConfidenceRight = 0
    public var statuses = 0
    public var rightStatuses = 0
    public var fixes = 0
    public var rightFixes = 0
    /// Whether the template is the gold's (null where the gold has none).
    public var rightTemplate = false
    public var errors: [String] = []

    public init(output: [String: Any], gold: [String: Any]) {
        let tables = (output["tables"] as? [[String: Any]]) ?? []
        let goldTables = (gold["tables"] as? [String: [String: Any]]) ?? [:]
        for (id, goldTable) in goldTables.sorted(by: { $0.key < $1.key }) {
            let table = tables.first { $0["id"] as? String == id } ?? ["status": "absent"]
            statuses += 1
            if table["status"] as? String == goldTable["status"] as? String {
                rightStatuses += 1
            } else {
                errors.append("\(id): status \(table["status"] ?? "nil") != \(goldTable["status"] ?? "nil")")
            }
            let goldCells = (goldTable["cells"] as? [String: Any]) ?? [:]
            let cellsByKey = Dictionary(
                ((table["cells"] as? [[String: Any]]) ?? []).compactMap { cell in (cell["key"] as? String).map { ($0, cell) } },
                uniquingKeysWith: { first, _ in first })
            for (key, want) in goldCells.sorted(by: { $0.key < $1.key }) {
                cells += 1
                let cell = cellsByKey[key]
                let confidence = (cell?["confidence"] as? Double) ?? 0
                let right = cell.map { Self.same($0["value"], want) } ?? false
                if right { rightCells += 1 } else { errors.append("\(id).\(key): got \(cell?["value"] ?? "missing"), want \(want)") }
                if confidence >= 0.9 {
                    highConfidence += 1
                    if right { highConfidenceRight += 1 }
                }
            }
        }
        rightTemplate = (output["template"] as? String) == (gold["template"] as? String)
        let text = (output["text"] as? String) ?? ""
        for fix in (gold["text_fixes"] as? [[String: String]]) ?? [] {
            fixes += 1
            if let after = fix["after"], let before = fix["before"], text.contains(after), !text.contains(before) {
                rightFixes += 1
            } else {
                errors.append("text fix missing: \(fix["before"] ?? "") -> \(fix["after"] ?? "")")
            }
        }
    }

    static func same(_ got: Any?, _ want: Any) -> Bool {
        let gotNumber = (got as? NSNumber)?.doubleValue
        let wantNumber = (want as? NSNumber)?.doubleValue
        if want is NSNull { return got == nil || got is NSNull }
        guard let gotNumber, let wantNumber else { return false }
        return abs(gotNumber - wantNumber) < 1e-9
    }
}
