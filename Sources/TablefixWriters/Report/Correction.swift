import Foundation

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
    /// - Throws: ``ReviewError`` with code `corrections`, naming the file and, for a bad
    ///   entry, its 1-based position: `c.json: correction 3: "action" must be "confirm" or "correct"`.
    package static func corrections(from bytes: [UInt8], file: String) throws(ReviewError) -> [Correction] {
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
        for (offset, entry) in entries.enumerated() {
            let position = "correction \(offset + 1)"
            guard case .object(let fields) = entry else {
                throw ReviewError(.corrections, file: file, reason: "\(position): not an object")
            }
            func string(_ name: String) throws(ReviewError) -> String {
                guard case .string(let value) = fields[name], !value.isEmpty else {
                    throw ReviewError(
                        .corrections, file: file, reason: "\(position): \"\(name)\" must be a non-empty string")
                }
                return value
            }
            func number(_ name: String) throws(ReviewError) -> Double? {
                switch fields[name] {
                case nil, .null: return nil
                case .number(let value): return value
                default:
                    throw ReviewError(
                        .corrections, file: file, reason: "\(position): \"\(name)\" must be a number or null")
                }
            }
            let source = try string("source"), table = try string("table"), key = try string("key")
            guard case .string(let actionName) = fields["action"], let action = Action(rawValue: actionName) else {
                throw ReviewError(
                    .corrections, file: file, reason: "\(position): \"action\" must be \"confirm\" or \"correct\"")
            }
            var hash: String?
            switch fields["document_hash"] {
            case nil, .null: hash = nil
            case .string(let text): hash = text.isEmpty ? nil : text
            default:
                throw ReviewError(.corrections, file: file, reason: "\(position): \"document_hash\" must be a string")
            }
            corrections.append(Correction(
                source: source, documentHash: hash, table: table, key: key, action: action,
                value: try number("value"), original: try number("original")))
        }
        return corrections
    }

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
