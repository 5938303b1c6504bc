package import TablefixModel
import TablefixXML

/// Reads a DOCX package into blocks: paragraphs and headings with their list numbers as
/// Word shows them, tables as grids with merged cells expanded, pictures as image
/// placeholders, text boxes in place. Headers, footers, comments and footnotes are
/// other parts and are not read.
///
/// The package is opened from memory; every part is inflated through a consumer that
/// stops at ``DOCXPackage/Limits``, so a zip bomb is an error. `numbering.xml` and
/// `styles.xml` are optional: when missing or malformed, lists go unnumbered and only
/// style ids tell headings.
package struct DOCXReader: Sendable {
    var limits: DOCXPackage.Limits
    /// Reads the tables in pictures.
    var images: ImageTableReader

    package init(images: ImageTableReader = ImageTableReader()) {
        limits = .standard
        self.images = images
    }

    init(limits: DOCXPackage.Limits) {
        self.limits = limits
        images = ImageTableReader()
    }

    /// Reads a package from its bytes; `path` names it in errors and output.
    ///
    /// - Throws: ``ReadError``: `corrupt` for a damaged zip, a package without a main
    ///   document or a document that is not well-formed XML; `too-large` for a part that
    ///   inflates past the limits or a table past 4,000,000 cells; `unsupported` for ZIP64.
    /// - Complexity: O(n) in the inflated size of the parts read, plus the cells of the
    ///   expanded tables.
    package func document(from bytes: [UInt8], path: String) throws(ReadError) -> Document {
        let package: DOCXPackage
        do {
            package = try DOCXPackage(bytes: bytes, limits: limits)
        } catch {
            throw Self.readError(error, path: path)
        }
        var parts = DOCXRelationships()
        if let rels = try part("_rels/.rels", in: package, path: path),
            let targets = try? DOCXRelationships.targets(in: rels, part: "_rels/.rels", folder: "")
        {
            if let main = targets["officeDocument"], package.contains(main) { parts.document = main }
            if let core = targets["core-properties"], package.contains(core) { parts.coreProperties = core }
        }
        guard let body = try part(parts.document, in: package, path: path) else {
            throw ReadError(
                .unsupported, file: path,
                reason: "a zip archive, not a DOCX document (no word/document.xml); `tablefix batch` reads archives")
        }
        let folder = parts.document.split(separator: "/").dropLast().joined(separator: "/")
        let file = parts.document.split(separator: "/").last.map(String.init) ?? "document.xml"
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/\(file).rels"
        let documentRelationships = try part(relsPath, in: package, path: path)
        if let rels = documentRelationships,
            let targets = try? DOCXRelationships.targets(in: rels, part: relsPath, folder: folder)
        {
            if let numbering = targets["numbering"], package.contains(numbering) { parts.numbering = numbering }
            if let styles = targets["styles"], package.contains(styles) { parts.styles = styles }
        }
        let styles =
            try part(parts.styles, in: package, path: path)
            .flatMap { try? DOCXStyles(bytes: $0, part: parts.styles) } ?? DOCXStyles()
        let numbering =
            try part(parts.numbering, in: package, path: path)
            .flatMap { try? DOCXNumbering(bytes: $0, part: parts.numbering) } ?? DOCXNumbering()
        var reader = DOCXBodyReader(styles: styles, numbering: numbering)
        do {
            try reader.read(body, part: parts.document)
        } catch {
            switch error {
            case .markup(let markup):
                let position = markup.line > 0 ? "\(parts.document):\(markup.line)" : parts.document
                throw ReadError(.corrupt, file: path, reason: "\(position): \(markup.message)")
            case .tooLarge(let line):
                throw ReadError(
                    .tooLarge, file: path,
                    reason: "table at paragraph \(line) expands past \(HTMLTableLayout.slotLimit) cells, "
                        + "or the tables past \(CellBudget.documentLimit) in all")
            }
        }
        var blocks = reader.blocks
        if let rels = documentRelationships, reader.pictures.contains(where: { $0 != nil }),
            let files = try? DOCXRelationships.targetsByID(in: rels, part: relsPath, folder: folder)
        {
            readTables(inPictures: reader.pictures, files: files, of: &blocks, package: package, path: path)
        }
        // The title the document's properties declare; a damaged properties part only loses it.
        let title = (try? part(parts.coreProperties, in: package, path: path))?.flatMap {
            try? DOCXRelationships.declaredTitle(in: $0, part: parts.coreProperties)
        }
        return Document(source: Source(path: path, format: .docx, encoding: "utf-8"), blocks: blocks, edits: reader.edits,
                        declaredTitle: title)
    }

    /// Replaces each image block whose picture holds a ruled table with that table, read
    /// by OCR (its grid names the picture). `pictures` are the image blocks' relationship
    /// ids in order; nothing is replaced when they do not pair up with the image blocks.
    private func readTables(
        inPictures pictures: [String?], files: [String: String], of blocks: inout [Block], package: DOCXPackage,
        path: String
    ) {
        let images = blocks.indices.filter { index in
            if case .image = blocks[index].content { return true }
            return false
        }
        guard images.count == pictures.count else { return }
        for (index, relationship) in zip(images, pictures) {
            guard let relationship, let file = files[relationship], case .image(let name) = blocks[index].content,
                let bytes = (try? package.part(file)) ?? nil,
                let grid = self.images.grid(fromImage: bytes, name: name, line: blocks[index].lines.lowerBound, path: path)
            else { continue }
            blocks[index] = Block(.table(grid), lines: blocks[index].lines)
        }
    }

    private func part(_ name: String, in package: DOCXPackage, path: String) throws(ReadError) -> [UInt8]? {
        do {
            return try package.part(name)
        } catch {
            throw Self.readError(error, path: path)
        }
    }

    static func readError(_ failure: DOCXPackage.Failure, path: String) -> ReadError {
        switch failure {
        case .corrupt(let reason):
            ReadError(.corrupt, file: path, reason: "not a DOCX package (corrupt zip: \(reason))")
        case .unsupported(let reason):
            ReadError(.unsupported, file: path, reason: "not a DOCX package (\(reason))")
        case .bomb(let reason):
            ReadError(.tooLarge, file: path, reason: reason)
        }
    }
}
