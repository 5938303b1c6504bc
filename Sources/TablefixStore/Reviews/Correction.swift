import Foundation
import TablefixOutput

/// One decision a reviewer made in the review report: a cell confirmed as the machine read
/// it, or corrected to another value.
///
/// The page's "Export corrections" button writes a file of them:
///
/// ```json
/// {"corrections": [
///   {"source": "a.txt", "document_hash": "9f2c…", "table": "requests", "key": "new.natural",
///    "action": "correct", "value": 12, "original": 2}
/// ]}
/// ```
package struct Correction: Sendable, Equatable {
    /// What the reviewer decided.
    package enum Action: String, Sendable, CaseIterable {
        /// The machine's value is what the document printed.
        case confirm
        /// The document printed `value` instead (nil: the cell is blank).
        case correct
    }

    /// The document's path, as the report named it.
    package var source: String
    /// The SHA-256 of the document's bytes, when the report knew it.
    package var documentHash: String?
    /// The table's id (`requests`).
    package var table: String
    /// The cell's `ROW.COL`.
    package var key: String
    package var action: Action
    /// The confirmed or corrected value; nil for a blank cell.
    package var value: Double?
    /// The machine's value the reviewer saw.
    package var original: Double?

    package init(source: String, documentHash: String? = nil, table: String, key: String, action: Action,
                 value: Double?, original: Double?) {
        self.source = source
        self.documentHash = documentHash
        self.table = table
        self.key = key
        self.action = action
        self.value = value
        self.original = original
    }
}

extension Correction {
    /// Reads a corrections file as the report exports it.
    ///
    /// - Parameters:
    ///   - bytes: The file's content.
    ///   - file: The file's name, for errors.
    ///   - allowsFraction: Whether a cell (table, key) may hold a number with decimals (an
    ///     amount of money); other cells hold counts.
    /// - Throws: ``ReviewError`` with code `corrections`, naming the file and, for a bad
    ///   entry, its 1-based position: `c.json: correction 3: "action" must be "confirm" or "correct"`.
    ///   The file is checked whole: an unknown field, a value that is not a count, an entry
    ///   that disagrees with an earlier one about the same cell.
    package static func corrections(from bytes: [UInt8], file: String, allowsFraction: (String, String) -> Bool = { _, _ in false })
        throws(ReviewError) -> [Correction]
    {
        let root: [String: Field]
        do {
            root = try JSONDecoder().decode([String: Field].self, from: Data(bytes))
        } catch {
            throw ReviewError(.corrections, file: file, reason: "not a JSON object (\(Self.describe(error)))")
        }
        guard case .array(let entries) = root["corrections"] else {
            throw ReviewError(.corrections, file: file, reason: "no \"corrections\" array")
        }
        var corrections: [Correction] = []
        corrections.reserveCapacity(entries.count)
        // Each cell's first entry, to find two that disagree.
        var first: [String: (position: Int, correction: Correction)] = [:]
        for (offset, entry) in entries.enumerated() {
            let position = "correction \(offset + 1)"
            func refuse(_ reason: String) -> ReviewError {
                ReviewError(.corrections, file: file, reason: "\(position): \(reason)")
            }
            guard case .object(let fields) = entry else { throw refuse("not an object") }
            if let unknown = fields.keys.sorted().first(where: { !Self.fieldNames.contains($0) }) {
                throw refuse("unknown field \"\(unknown)\" (the fields are \(Self.fieldNames.joined(separator: ", ")))")
            }
            func string(_ name: String) throws(ReviewError) -> String {
                guard case .string(let value) = fields[name], !value.isEmpty else {
                    throw refuse("\"\(name)\" must be a non-empty string")
                }
                return value
            }
            let source = try string("source"), table = try string("table"), key = try string("key")
            func count(_ name: String) throws(ReviewError) -> Double? {
                switch fields[name] {
                case nil, .null: return nil
                case .number(let value):
                    guard value.isFinite, value >= 0, value <= Self.largestCount else {
                        throw refuse("\"\(name)\" must be a count between 0 and \(JSONValue.format(Self.largestCount)), not \(value)")
                    }
                    guard value == value.rounded() || allowsFraction(table, key) else {
                        throw refuse("\"\(name)\" must be a whole number for \(table) \(key), not \(JSONValue.format(value))")
                    }
                    return value
                default:
                    throw refuse("\"\(name)\" must be a number or null")
                }
            }
            guard case .string(let actionName) = fields["action"], let action = Action(rawValue: actionName) else {
                throw refuse("\"action\" must be \"confirm\" or \"correct\"")
            }
            if action == .correct, fields["value"] == nil {
                throw refuse("a correction needs \"value\" (null for a blank cell)")
            }
            var hash: String?
            switch fields["document_hash"] {
            case nil, .null: hash = nil
            case .string(let text): hash = text.isEmpty ? nil : text
            default: throw refuse("\"document_hash\" must be a string")
            }
            let correction = Correction(
                source: source, documentHash: hash, table: table, key: key, action: action,
                value: try count("value"), original: try count("original"))
            let cell = [hash ?? source, table, key].joined(separator: "|")
            if let earlier = first[cell] {
                guard earlier.correction == correction else {
                    throw refuse("disagrees with correction \(earlier.position) about \(source) \(table) \(key)")
                }
                continue
            }
            first[cell] = (offset + 1, correction)
            corrections.append(correction)
        }
        return corrections
    }

    /// The fields an entry may have.
    static let fieldNames = ["action", "document_hash", "key", "original", "source", "table", "value"]

    /// The largest count a correction may give: more requests than people on Earth is a typo.
    static let largestCount = 1e10

    /// Any JSON value, decoded loosely so that a bad field is reported by name.
    private enum Field: Decodable {
        case null, bool(Bool), number(Double), string(String), array([Field]), object([String: Field])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([Field].self) {
                self = .array(value)
            } else {
                self = .object(try container.decode([String: Field].self))
            }
        }
    }

    /// The corrections file the report's export writes, for `corrections`.
    package static func file(_ corrections: [Correction]) -> String {
        let entries = corrections.map { correction -> JSONValue in
            var members: [(String, JSONValue)] = [("source", .string(correction.source))]
            if let hash = correction.documentHash { members.append(("document_hash", .string(hash))) }
            members += [
                ("table", .string(correction.table)), ("key", .string(correction.key)),
                ("action", .string(correction.action.rawValue)), ("value", .number(correction.value)),
                ("original", .number(correction.original)),
            ]
            return .object(members)
        }
        return JSONValue.object([("corrections", .array(entries))]).rendered() + "\n"
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            if let underlying = context.underlyingError as NSError?,
                let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String
            {
                return detail
            }
            return context.debugDescription
        case DecodingError.typeMismatch(_, let context): return context.debugDescription
        default: return "\(error)"
        }
    }
}
