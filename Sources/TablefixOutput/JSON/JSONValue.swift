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
        var output = ""
        write(to: &output, indent: pretty ? 0 : nil)
        return output
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

    private func write(to output: inout String, indent: Int?) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let value): output += Self.format(value)
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let items):
            writeContainer(open: "[", close: "]", count: items.count, indent: indent, to: &output) { index, inner, out in
                items[index].write(to: &out, indent: inner)
            }
        case .object(let members):
            writeContainer(open: "{", close: "}", count: members.count, indent: indent, to: &output) { index, inner, out in
                Self.writeString(members[index].0, to: &out)
                out += ": "
                members[index].1.write(to: &out, indent: inner)
            }
        }
    }

    private func writeContainer(open: String, close: String, count: Int, indent: Int?, to output: inout String,
                                member: (Int, Int?, inout String) -> Void) {
        output += open
        guard count > 0 else {
            output += close
            return
        }
        let multiline = indent != nil && !isFlat
        let inner = indent.map { $0 + 2 }
        for index in 0..<count {
            if index > 0 { output += multiline ? "," : (indent == nil ? "," : ", ") }
            if multiline { output += "\n" + String(repeating: " ", count: inner ?? 0) }
            member(index, multiline ? inner : nil, &output)
        }
        if multiline { output += "\n" + String(repeating: " ", count: indent ?? 0) }
        output += close
    }

    /// Integers without a fraction; other numbers in their shortest exact form.
    package static func format(_ value: Double) -> String {
        value.isFinite ? value.printed : "null"
    }

    package static func writeString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
