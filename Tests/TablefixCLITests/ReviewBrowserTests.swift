import Foundation
import TablefixTestSupport
import TablefixStore
import TablefixReview
import TablefixOutput
import Testing

/// Headless Chromium, driven from the command line: `--dump-dom` prints the page's DOM
/// once it has loaded, `--screenshot` saves it as a PNG.
///
/// The report runs its own scripted review when its URL ends in `#selftest` (key
/// presses, a confirmation, a correction, the export) and writes what happened into
/// `<pre id="selftest-result">` as JSON; the tests read that and the DOM around it.
enum Browser {
    /// The browser's path: chromium as Debian installs it (Tools/install-browser), or
    /// another Chromium on the PATH.
    static let path: String? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// Whether `CI` is set: then a missing browser is a failure, not a reason to skip.
    static let underCI: Bool = {
        let value = ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? ""
        return !value.isEmpty && value != "false" && value != "0"
    }()

    /// Browser tests run when Chromium is installed, and always under CI.
    static var shouldRun: Bool { path != nil || underCI }

    /// The folder screenshots go to: `$TABLEFIX_SCREENSHOTS`, or a folder in the
    /// temporary directory.
    static let screenshots: URL = {
        if let folder = ProcessInfo.processInfo.environment["TABLEFIX_SCREENSHOTS"], !folder.isEmpty {
            return URL(fileURLWithPath: folder, relativeTo: Fixtures.root).standardizedFileURL
        }
        return FileManager.default.temporaryDirectory.appendingPathComponent("tablefix-review-screenshots")
    }()

    /// Runs Chromium headless on `url` with `arguments`, with a profile of its own (tests
    /// may run side by side), and returns its standard output.
    static func run(_ arguments: [String], url: URL, fragment: String) throws -> String {
        let browser = try #require(path, "chromium is not installed: Tools/install-browser installs it")
        let profile = FileManager.default.temporaryDirectory
            .appendingPathComponent("tablefix-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--hide-scrollbars", "--user-data-dir=\(profile.path)",
        ] + arguments + [url.absoluteString + "#" + fragment]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }

    /// The DOM of `report` after its self-test, and the self-test's result.
    static func selftest(_ report: URL) throws -> (dom: String, result: [String: Any]) {
        let dom = try run(["--dump-dom"], url: report, fragment: "selftest")
        let open = try #require(dom.range(of: "<pre id=\"selftest-result\">"), "no self-test result in the DOM")
        let close = try #require(dom.range(of: "</pre>", range: open.upperBound..<dom.endIndex))
        let text = unescape(String(dom[open.upperBound..<close.lowerBound]))
        let result = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return (dom, result)
    }

    /// Saves a screenshot of `report#fragment` as `name`.png and returns its path.
    @discardableResult
    static func screenshot(_ report: URL, fragment: String, name: String, height: Int = 900) throws -> URL {
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
        let file = screenshots.appendingPathComponent(name + ".png")
        try? FileManager.default.removeItem(at: file)
        _ = try run(["--window-size=1440,\(height)", "--screenshot=\(file.path)"], url: report, fragment: fragment)
        let bytes = try Data(contentsOf: file)
        #expect(bytes.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG")
        #expect(bytes.count > 20_000, "an empty-looking screenshot")
        print("screenshot: \(file.path)")
        return file
    }

    /// Text as the DOM serializer wrote it inside an element, character references decoded.
    static func unescape(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.firstIndex(of: ";"), rest.distance(from: amp, to: semicolon) <= 10 else {
                result += "&"
                rest = rest.dropFirst()
                continue
            }
            let name = rest[rest.index(after: amp)..<semicolon]
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
            if let character = named[String(name)] {
                result += character
            } else if name.hasPrefix("#x"), let code = UInt32(name.dropFirst(2), radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                result.unicodeScalars.append(scalar)
            } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "&"
                rest = rest.dropFirst()
                continue
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    /// Every `td.cell` of the DOM: its shading class, key and confidence.
    static func cells(in dom: String) throws -> [(shade: String, key: String, confidence: Double)] {
        let pattern = try NSRegularExpression(
            pattern: #"<td class="cell (conf-[a-z]+)[^"]*" tabindex="-?\d" data-key="([^"]+)" data-table="[^"]+""#
                + #" data-t="\d+" data-conf="([0-9.]+)""#)
        let range = NSRange(dom.startIndex..., in: dom)
        return pattern.matches(in: dom, range: range).compactMap { match in
            guard let shade = Range(match.range(at: 1), in: dom), let key = Range(match.range(at: 2), in: dom),
                let confidence = Range(match.range(at: 3), in: dom), let value = Double(dom[confidence])
            else { return nil }
            return (String(dom[shade]), String(dom[key]), value)
        }
    }
}

/// What `repair --format json` says about a document, to compare the page with.
struct Expected {
    var source: String
    var cells: [(table: String, key: String, confidence: Double)]
    /// The cells the review queue may hold: those of present tables (an image table's
    /// cells are figures its prose states, shown but not queued).
    var queueable: [(table: String, key: String, confidence: Double)]
    var inferred: Int
    var statuses: [String]
    var edits: Int

    init(_ file: String) throws {
        let json = try TablefixBinary.run(["repair", file, "--format", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        source = file
        cells = []
        queueable = []
        inferred = 0
        statuses = []
        for table in object["tables"] as? [[String: Any]] ?? [] {
            let id = table["id"] as? String ?? ""
            let status = table["status"] as? String ?? ""
            if status != "present" { statuses.append(status) }
            for cell in table["cells"] as? [[String: Any]] ?? [] {
                cells.append((id, cell["key"] as? String ?? "", cell["confidence"] as? Double ?? 0))
                if status == "present" { queueable.append(cells[cells.count - 1]) }
                if cell["inferred"] != nil { inferred += 1 }
            }
        }
        edits = (object["edits"] as? [Any])?.count ?? 0
    }
}

/// The review report in a real browser: the shared samples' report and a batch
/// database's, their DOM, the queue, keyboard navigation, the export, and screenshots.
@Suite(
    "review report in a browser", .serialized,
    .enabled(
        if: Browser.shouldRun,
        "chromium is not installed (Tools/install-browser installs it); with CI=true this fails instead"))
struct ReviewBrowserTests {
    /// The five shared samples, and an OCR rendering with inferred values and failed checks.
    static let inputs = Fixtures.sharedSampleFiles.map { "Samples/shared/" + $0.lastPathComponent }
        + ["Samples/fixtures/variants/shizhong-edu-2020/shizhong-edu-2020.ocr.txt"]

    static func report(_ inputs: [String], name: String) throws -> (folder: URL, report: URL) {
        let folder = try BatchCorpus.temporaryFolder("review-browser-\(name)")
        let report = folder.appendingPathComponent("\(name).html")
        let result = try TablefixBinary.run(["review"] + inputs + ["--out", report.path])
        #expect(result.status == 0, "\(result.stderr)")
        return (folder, report)
    }

    @Test("the samples' report shows every cell shaded by its confidence, inferred values apart, image tables stated")
    func samples() throws {
        let (_, report) = try Self.report(Self.inputs, name: "samples")
        let (dom, result) = try Browser.selftest(report)
        #expect((result["errors"] as? [Any])?.isEmpty == true, "\(result["errors"] ?? "")")
        let views = try #require(result["documents_view"] as? [[String: Any]])
        #expect(views.count == Self.inputs.count)
        for (view, input) in zip(views, Self.inputs) {
            let expected = try Expected(input)
            #expect(view["source"] as? String == input)
            #expect(view["cells"] as? Int == expected.cells.count, "\(input)")
            #expect(view["shading_ok"] as? Bool == true, "\(input)")
            #expect(view["inferred"] as? Int == expected.inferred, "\(input)")
            #expect(view["statuses"] as? [String] == expected.statuses, "\(input)")
            #expect(view["edits_marked"] as? Int == expected.edits, "\(input): every edit has its badge")
            let shades = view["shades"] as? [String: Int] ?? [:]
            var counted: [String: Int] = [:]
            for cell in expected.cells { counted[ReviewReport.shade(for: cell.confidence), default: 0] += 1 }
            #expect(shades == counted, "\(input)")
        }
        // The wendeng and yanzhou samples hold their tables as images only.
        let images = views.filter { ($0["statuses"] as? [String]) == ["image", "image", "image"] }
        #expect(images.count == 2)
        // The OCR rendering has failed checks, whose cells are outlined.
        #expect((views.last?["check_failed"] as? Int ?? 0) > 0)
        // The DOM as dumped: the document last shown has its cells, each with the class
        // its confidence calls for.
        let cells = try Browser.cells(in: dom)
        #expect(!cells.isEmpty)
        #expect(cells.allSatisfy { $0.shade == ReviewReport.shade(for: $0.confidence) })
        #expect(dom.contains("class=\"inferred\""))
    }

    @Test("the queue lists the cells below 0.9 least sure first, and counts them per document")
    func queue() throws {
        let (_, report) = try Self.report(Self.inputs, name: "queue")
        let (_, result) = try Browser.selftest(report)
        var expected: [(doc: Int, table: String, key: String, confidence: Double, order: Int)] = []
        for (doc, input) in Self.inputs.enumerated() {
            for (order, cell) in try Expected(input).queueable.enumerated() where cell.confidence < 0.9 {
                expected.append((doc, cell.table, cell.key, cell.confidence, order))
            }
        }
        expected.sort { a, b in
            if a.confidence != b.confidence { return a.confidence < b.confidence }
            return a.doc != b.doc ? a.doc < b.doc : a.order < b.order
        }
        #expect(result["below"] as? Int == expected.count)
        let queue = try #require(result["queue"] as? [[String: Any]])
        #expect(queue.map { "\($0["doc"] ?? "") \($0["table"] ?? "") \($0["key"] ?? "")" }
                    == expected.prefix(50).map { "\($0.doc) \($0.table) \($0.key)" })
        let links = try #require(result["queue_dom"] as? [String])
        #expect(links == expected.prefix(50).map { "#d\($0.doc):\($0.table):\($0.key)" })
        let counts = try #require(result["doc_counts"] as? [Int])
        #expect(counts == Self.inputs.indices.map { doc in expected.filter { $0.doc == doc }.count })
    }

    @Test("j/k move the focus through the queue; c confirms, e and Enter correct; the export holds both")
    func keyboard() throws {
        let (_, report) = try Self.report(Self.inputs, name: "keyboard")
        let (_, result) = try Browser.selftest(report)
        let queue = try #require(result["queue"] as? [[String: Any]])
        try #require(queue.count >= 3)
        let steps = try #require(result["steps"] as? [[String: Any]])
        func selected(_ step: [String: Any]) -> String? {
            (step["selected"] as? [String: Any]).map { "\($0["doc"] ?? "") \($0["table"] ?? "") \($0["key"] ?? "")" }
        }
        func focused(_ step: [String: Any]) -> String? {
            (step["active"] as? [String: Any]).map { active in
                "\(active["tag"] ?? "") \(active["key"] as? String ?? active["id"] as? String ?? "")"
            }
        }
        let names = queue.map { "\($0["doc"] ?? "") \($0["table"] ?? "") \($0["key"] ?? "")" }
        let keys = queue.map { "TD \($0["key"] ?? "")" }
        // c confirms and stays; j then moves to the next cell, which is not skipped.
        #expect(steps.map { $0["key"] as? String } == ["j", "j", "k", "c", "j", "e", "Enter", "Enter", "p"])
        #expect(steps.map(selected) == [
            names[0], names[1], names[0], names[0], names[1], names[1], names[1], names[2], names[1],
        ])
        #expect(steps.map(focused) == [
            keys[0], keys[1], keys[0], keys[0], keys[1], "INPUT correction", "INPUT correction", keys[2], keys[1],
        ])
        #expect(result["correction_error"] as? String == "not a number: \"not a number\"")
        #expect((steps.first?["details"] as? String)?.contains("rule") == true)

        let export = try #require((result["export"] as? [String: Any])?["corrections"] as? [[String: Any]])
        #expect(export.count == 2)
        // The export lists corrections in the tables' order, not the queue's.
        let first = try #require(export.first { $0["key"] as? String == queue[0]["key"] as? String })
        let second = try #require(export.first { $0["key"] as? String == queue[1]["key"] as? String })
        #expect(first["source"] as? String == queue[0]["source"] as? String)
        #expect(first["table"] as? String == queue[0]["table"] as? String)
        #expect(first["key"] as? String == queue[0]["key"] as? String)
        #expect(first["action"] as? String == "confirm")
        #expect("\(first["value"] ?? "")" == "\(first["original"] ?? "")")
        #expect((first["document_hash"] as? String)?.count == 64)
        #expect(second["key"] as? String == queue[1]["key"] as? String)
        #expect(second["action"] as? String == "correct")
        #expect(second["value"] as? Int == 4321)
        #expect(second.keys.contains("original"))
    }

    @Test("the queue filters by document, table and confidence; a row shows the value and the cell's labels")
    func filters() throws {
        let (_, report) = try Self.report(Self.inputs, name: "filters")
        let (_, result) = try Browser.selftest(report)
        let below = try #require(result["below"] as? Int)
        let table = try #require(result["filter_table"] as? [String: Any])
        #expect(table["tables"] as? [String] == ["requests"])
        #expect((table["below"] as? Int ?? 0) < below)
        let document = try #require(result["filter_doc"] as? [String: Any])
        #expect(document["docs"] as? [Int] == [0])
        let lowest = try #require(result["filter_min"] as? [String: Any])
        #expect((lowest["lowest"] as? Double ?? 0) >= 0.5)
        let row = try #require(result["queue_row"] as? [[String]])
        #expect(row.map { $0[0] }.contains("q-value"))
        let label = try #require(row.first { $0[0] == "q-label" }?[1])
        #expect(!label.isEmpty && label.unicodeScalars.contains { $0.value >= 0x4E00 })
        let legend = try #require(result["legend"] as? String)
        #expect(legend.contains("c confirm the cell (stays on it; j moves on)"))
    }

    @Test("a batch database's report: its export applied back is kept as reviewed, and shown as such next time")
    func database() throws {
        let folder = try BatchCorpus.temporaryFolder("review-browser-db")
        let database = try TablefixBinary.batch(Self.inputs, in: folder)
        let report = folder.appendingPathComponent("db.html")
        #expect(try TablefixBinary.run(["review", database, "--out", report.path]).status == 0)
        let (dom, result) = try Browser.selftest(report)
        #expect((result["errors"] as? [Any])?.isEmpty == true, "\(result["errors"] ?? "")")
        #expect(result["documents"] as? Int == Self.inputs.count)
        #expect(try Browser.cells(in: dom).allSatisfy { $0.shade == ReviewReport.shade(for: $0.confidence) })
        try Browser.screenshot(report, fragment: "selftest", name: "review-database")

        // What the page exported goes back into the database.
        let export = try #require(result["export"] as? [String: Any])
        let corrections = folder.appendingPathComponent("corrections.json")
        try JSONSerialization.data(withJSONObject: export).write(to: corrections)
        let first = try TablefixBinary.run(["review", "apply", corrections.path, "--db", database])
        #expect(first.stderr.hasSuffix(": 2 applied, 0 unchanged, 0 unknown\n"), "\(first.stderr)")
        let second = try TablefixBinary.run(["review", "apply", corrections.path, "--db", database])
        #expect(second.stderr.hasSuffix(": 0 applied, 2 unchanged, 0 unknown\n"), "\(second.stderr)")

        // The next report marks the reviewed cells in their table, counts them, and leaves
        // them out of the queue.
        let again = folder.appendingPathComponent("again.html")
        #expect(try TablefixBinary.run(["review", database, "--out", again.path]).status == 0)
        let (_, later) = try Browser.selftest(again)
        let views = try #require(later["documents_view"] as? [[String: Any]])
        #expect(views.reduce(0) { $0 + ($1["confirmed"] as? Int ?? 0) } == 1)
        #expect(views.reduce(0) { $0 + ($1["corrected"] as? Int ?? 0) } == 1)
        #expect(views.first?["reviewed_in_queue"] as? Int == 0)
        // The two applied before, and the two the self-test makes on the cells queued now.
        #expect((later["totals"] as? String)?.hasSuffix(" 4 reviewed") == true, "\(later["totals"] ?? "")")
        let queued = try #require(later["queue"] as? [[String: Any]])
        for decision in (export["corrections"] as? [[String: Any]]) ?? [] {
            #expect(!queued.contains { $0["key"] as? String == decision["key"] as? String
                && $0["source"] as? String == decision["source"] as? String })
        }
    }

    @Test("screenshots of the samples' report: the queue with a corrected cell, and a document's text with its edits")
    func screenshots() throws {
        let (_, report) = try Self.report(Self.inputs, name: "samples")
        try Browser.screenshot(report, fragment: "selftest", name: "review-queue")
        // jinxiang: web-page clutter removed and OCR glyphs repaired, shown beside the input.
        let jinxiang = try #require(Self.inputs.firstIndex { $0.contains("jinxiang") })
        let json = try TablefixBinary.run(["repair", Self.inputs[jinxiang], "--format", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let edits = try #require(object["edits"] as? [[String: Any]])
        let glyph = edits.first { $0["kind"] as? String == "glyph" } ?? edits.first
        let line = glyph?["line"] as? Int ?? 1
        try Browser.screenshot(report, fragment: "d\(jinxiang):L\(line)", name: "review-text")
    }
}
