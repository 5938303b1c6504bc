import Foundation

/// Golden files: `Tests/<suite>/Snapshots/<name>` holds the expected text.
public enum Snapshot {
    /// Compares `text` with the golden file and describes the first difference, or
    /// returns nil when they match. With `TABLEFIX_RECORD=1` it writes the file instead
    /// and returns a message, so that a recording never passes as a test.
    public static func mismatch(_ text: String, named name: String, in suite: String) -> String? {
        let folder = Fixtures.root.appendingPathComponent("Tests/\(suite)/Snapshots")
        let file = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["TABLEFIX_RECORD"] == "1" {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: file)
                return "recorded \(file.path); run again without TABLEFIX_RECORD"
            } catch {
                return "cannot record \(file.path): \(error)"
            }
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            return "no golden file \(file.path): run with TABLEFIX_RECORD=1"
        }
        guard expected != text else { return nil }
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        let want = line < a.count ? String(a[line]) : "<end>"
        let got = line < b.count ? String(b[line]) : "<end>"
        return "\(name) differs at line \(line + 1):\n  want: \(want)\n  got:  \(got)"
    }
}
