/// The words the review report puts on a table's rows and columns, taken from its
/// template: `denied.secret` reads `不予公开 · 属于国家秘密`.
package struct ReviewLabels: Sendable, Equatable {
    /// The labels of one table of one template.
    package struct Table: Sendable, Equatable {
        /// The table's title (`收到和处理政府信息公开申请情况`).
        package var title: String
        /// Row labels by the row part of a key (before its last `.`).
        package var rows: [String: String]
        /// Column labels by the column part of a key (after its last `.`).
        package var columns: [String: String]

        package init(title: String, rows: [String: String] = [:], columns: [String: String] = [:]) {
            self.title = title
            self.rows = rows
            self.columns = columns
        }
    }

    /// The tables' labels, keyed `TEMPLATE/TABLE` (`gov-disclosure-2021/requests`).
    package var tables: [String: Table]

    package init(tables: [String: Table] = [:]) {
        self.tables = tables
    }

    /// The labels of table `id` of `template`, if the template is known.
    package func table(template: String?, id: String) -> Table? {
        guard let template else { return nil }
        return tables[template + "/" + id]
    }
}
