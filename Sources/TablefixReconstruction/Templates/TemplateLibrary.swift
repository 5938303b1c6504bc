import Foundation

/// The templates reconstruction can choose from: the built-in ones and any a user adds.
public struct TemplateLibrary: Sendable {
    public private(set) var templates: [Template]
    /// The phrases the templates' figures are stated in, in prose; nil reads no prose.
    package var phrases: StatementPhrases?

    public init(templates: [Template]) {
        self.templates = templates
    }

    /// The templates shipped with tablefix (`Resources/templates`), with their phrases
    /// (`Resources/statements`).
    public static func builtIn() throws(TemplateError) -> TemplateLibrary {
        guard let folder = Bundle.module.url(forResource: "templates", withExtension: nil) else {
            throw TemplateError(file: "templates", reason: "built-in templates are missing from the bundle")
        }
        var library = TemplateLibrary(templates: try load(folder: folder))
        library.phrases = try StatementPhrases.builtIn()
        return library
    }

    /// Adds the templates in `folder` (every `*.json`); one with a known id replaces it.
    public mutating func add(folder path: String) throws(TemplateError) {
        for template in try Self.load(folder: URL(fileURLWithPath: path)) {
            templates.removeAll { $0.id == template.id }
            templates.append(template)
        }
    }

    static func load(folder: URL) throws(TemplateError) -> [Template] {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw TemplateError(file: folder.path, reason: "cannot list templates (\(error.localizedDescription))")
        }
        guard !files.isEmpty else { throw TemplateError(file: folder.path, reason: "no *.json templates") }
        var templates: [Template] = []
        for file in files {
            do {
                let template = try JSONDecoder().decode(Template.self, from: Data(contentsOf: file))
                try template.validate()
                templates.append(template)
            } catch let error as TemplateError {
                throw TemplateError(file: file.path, reason: error.reason)
            } catch {
                throw TemplateError(file: file.path, reason: "not a valid template (\(Self.describe(error)))")
            }
        }
        return templates
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\" at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            return "\(context.debugDescription) at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default:
            return "\(error)"
        }
    }
}

/// A template file that cannot be used: one line, the file first.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var reason: String
    public var description: String { "\(file): \(reason)" }
}

extension Template {
    /// Checks that every row names columns of its table, every relation names keys and
    /// every continuity relation names a table and its rows.
    func validate() throws(TemplateError) {
        for relation in continuity ?? [] where !tables.contains(where: { $0.id == relation.table }) {
            throw TemplateError(file: id, reason: "continuity names unknown table \(relation.table)")
        }
        for table in tables {
            let columns = Set(table.columns.map(\.key))
            for row in table.rows {
                for column in row.columns where !columns.contains(column) {
                    throw TemplateError(file: id, reason: "table \(table.id), row \(row.key): unknown column \(column)")
                }
            }
            let rows = Set(table.rows.map(\.key))
            for relation in continuity ?? [] where relation.table == table.id {
                for row in [relation.row, relation.previousYearRow] where !rows.contains(row) {
                    throw TemplateError(file: id, reason: "table \(table.id): continuity names unknown row \(row)")
                }
            }
            let keys = Set(table.keys)
            for relation in table.relations + (table.bounds ?? []) {
                for instance in relation.instances(in: table) {
                    for key in instance.left + instance.right where !keys.contains(key) {
                        throw TemplateError(file: id, reason: "table \(table.id): relation \"\(relation.rule)\" names unknown cell \(key)")
                    }
                }
            }
        }
    }
}

extension Relation {
    /// One evaluation of a relation: `$` replaced by one of `each`.
    struct Instance {
        var label: String?
        var left: [String]
        var right: [String]
    }

    /// The relation's instances in `table`, with `$` replaced.
    func instances(in table: TableTemplate) -> [Instance] {
        let substitutions: [String]
        switch each {
        case nil: return [Instance(label: nil, left: left, right: right)]
        case .columns: substitutions = table.columns.map(\.key)
        case .rows: substitutions = table.rows.map(\.key)
        case .list(let list): substitutions = list
        }
        return substitutions.map { value in
            Instance(label: value, left: left.map { $0.replacing("$", with: value) },
                     right: right.map { $0.replacing("$", with: value) })
        }
    }
}
