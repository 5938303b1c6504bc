/// HTML built from text that is escaped by default, as the review report writes it.
///
/// Text and attribute values always go through ``escaped(_:)``; markup that must not be
/// escaped (the report's own style sheet and script, which are constants of this module)
/// goes only through ``rawMarkup(_:)``, so that a reader can find every place where
/// unescaped markup enters the page.
///
/// ```swift
/// var markup = Markup()
/// markup.element("td", ["class": "cell", "title": raw]) { $0.text(raw) }
/// ```
package struct Markup: Sendable {
    /// The HTML written so far.
    package private(set) var html = ""

    package init() {}

    /// Appends `text`, escaped.
    package mutating func text(_ text: String) {
        html += Self.escaped(text)
    }

    /// Appends an element: its attributes in the order given (values escaped, a nil value
    /// omitted), then what `body` appends, then its end tag.
    package mutating func element(
        _ name: String, _ attributes: KeyValuePairs<String, String?> = [:], body: (inout Markup) -> Void = { _ in }
    ) {
        html += "<" + name
        for (attribute, value) in attributes {
            guard let value else { continue }
            html += " " + attribute + "=\"" + Self.escaped(value) + "\""
        }
        html += ">"
        body(&self)
        html += "</" + name + ">"
    }

    /// Appends an element that has no end tag (`meta`, `input`).
    package mutating func voidElement(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        html += "<" + name
        for (attribute, value) in attributes {
            guard let value else { continue }
            html += " " + attribute + "=\"" + Self.escaped(value) + "\""
        }
        html += ">"
    }

    /// Appends `markup` as it is, unescaped: only for constant markup this module owns
    /// (the document type, the style sheet, the script), never for document text.
    package mutating func rawMarkup(_ markup: String) {
        html += markup
    }

    /// Appends JSON text as the content of a `<script type="application/json">` element,
    /// with every `<`, `>` and `&` written as a `\u` escape so that no text inside it can
    /// end the element (`</script>`) or open a comment.
    /// Deflated data in base64 as an inert `<script>` element the page's script inflates
    /// (``Deflate``); base64 holds no character HTML gives a meaning to.
    package mutating func scriptDeflated(_ base64: String, id: String) {
        element("script", ["type": "application/octet-stream", "id": id, "data-encoding": "deflate-raw;base64"]) {
            markup in markup.html += base64
        }
    }

    package mutating func scriptJSON(_ json: String, id: String) {
        element("script", ["type": "application/json", "id": id]) { markup in
            markup.html += Self.scriptSafe(json)
        }
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references.
    ///
    /// - Complexity: O(n) in the length of `text`.
    package static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// JSON text with `<`, `>`, `&`, U+2028 and U+2029 written as `\u` escapes. These
    /// characters occur in JSON only inside strings, where the escapes mean the same.
    ///
    /// - Complexity: O(n) in the length of `json`.
    package static func scriptSafe(_ json: String) -> String {
        var result = ""
        result.reserveCapacity(json.utf8.count + 64)
        for scalar in json.unicodeScalars {
            switch scalar.value {
            case 0x3C: result += "\\u003c"
            case 0x3E: result += "\\u003e"
            case 0x26: result += "\\u0026"
            case 0x2028: result += "\\u2028"
            case 0x2029: result += "\\u2029"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
