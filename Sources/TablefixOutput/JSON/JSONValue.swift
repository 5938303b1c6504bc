import TablefixModel

/// A JSON value whose objects keep their keys in the order they were written, so that
/// output reads in the order spec/output.md gives.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: false
        }
    }

    /// An optional number, `null` when absent.
    public static func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
    /// An optional string, `null` when absent.
    public static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// The value as JSON text. Pretty output puts each member on its own line, except
    /// objects and arrays of scalars, which stay on one line (one cell per line).
    public func rendered(pretty: Bool = true) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(to: &output, indent: pretty ? 0 : nil)
        return String(decoding: output, as: UTF8.self)
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private var isFlat: Bool {
        switch self {
        case .array(let items): items.allSatisfy { $0.isScalar || $0.isFlatArray }
        case .object(let members): members.allSatisfy { $0.1.isScalar }
        default: true
        }
    }

    private var isFlatArray: Bool {
        if case .array(let items) = self { return items.allSatisfy(\.isScalar) }
        return false
    }

    // Written as UTF-8 bytes: appending to a String scalar by scalar cost a fifth of a
    // document's repair.
    private func write(to output: inout [UInt8], indent: Int?) {
        switch self {
        case .null: output += "null".utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .number(let value): output += Self.format(value).utf8
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let items):
            writeContainer(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), count: items.count, indent: indent,
                           to: &output) { index, inner, out in
                items[index].write(to: &out, indent: inner)
            }
        case .object(let members):
            writeContainer(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), count: members.count, indent: indent,
                           to: &output) { index, inner, out in
                Self.writeString(members[index].0, to: &out)
                out += ": ".utf8
                members[index].1.write(to: &out, indent: inner)
            }
        }
    }

    private func writeContainer(open: UInt8, close: UInt8, count: Int, indent: Int?, to output: inout [UInt8],
                                member: (Int, Int?, inout [UInt8]) -> Void) {
        output.append(open)
        guard count > 0 else {
            output.append(close)
            return
        }
        let multiline = indent != nil && !isFlat
        let inner = indent.map { $0 + 2 }
        for index in 0..<count {
            if index > 0 { output += (multiline ? "," : (indent == nil ? "," : ", ")).utf8 }
            if multiline { Self.newLine(indent: inner ?? 0, to: &output) }
            member(index, multiline ? inner : nil, &output)
        }
        if multiline { Self.newLine(indent: indent ?? 0, to: &output) }
        output.append(close)
    }

    private static func newLine(indent: Int, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    /// Integers without a fraction; other numbers in their shortest exact form.
    package static func format(_ value: Double) -> String {
        value.isFinite ? value.printed : "null"
    }

    /// `value` as a JSON string: quotes, backslashes and control characters escaped, the
    /// runs between them copied as they are.
    package static func writeString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var runStart = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): output += #"\""#.utf8
                case UInt8(ascii: "\\"): output += #"\\"#.utf8
                case UInt8(ascii: "\n"): output += #"\n"#.utf8
                case UInt8(ascii: "\r"): output += #"\r"#.utf8
                case UInt8(ascii: "\t"): output += #"\t"#.utf8
                default:
                    let hex = String(byte, radix: 16)
                    output += "\\u".utf8
                    output += String(repeating: "0", count: 4 - hex.count).utf8
                    output += hex.utf8
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
