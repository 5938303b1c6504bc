internal import CLibXML2

/// What every libxml2 caller in this module shares: one-time initialisation and the
/// copying of C strings into Swift ones.
enum LibXML {
    /// libxml2 must be initialised once before threads use it.
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Initialises libxml2 once, and silences its own messages on this thread: every
    /// error reaches the user through a parser's sink, naming the file.
    static func initialise() {
        _ = initialised
        tablefix_silence_generic_errors()
    }

    /// A copy of a libxml2 string, or nil for a null pointer.
    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// The error the sink captured, or a default message.
    static func error(from sink: tablefix_xml_error, fallback: String) -> MarkupError {
        guard sink.isSet != 0 else { return MarkupError(line: 0, message: fallback) }
        let message = withUnsafeBytes(of: sink.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        var trimmed = message.trimmingCharacters(in: [" ", "\n", "\r", "\t"])
        // libxml2's advice to use XML_PARSE_HUGE is not for our users.
        if trimmed.hasPrefix("Excessive depth in document") { trimmed = "elements nested deeper than 256" }
        return MarkupError(line: Int(sink.line), message: trimmed.isEmpty ? fallback : trimmed)
    }
}

extension String {
    /// The string without the given leading and trailing characters.
    func trimmingCharacters(in set: Set<Character>) -> String {
        guard let start = firstIndex(where: { !set.contains($0) }) else { return "" }
        let end = lastIndex(where: { !set.contains($0) }) ?? start
        return String(self[start...end])
    }
}
