/// The version of tablefix: what `tablefix --version` prints and what the JSON output
/// names in its `tablefix_version` member. CHANGELOG.md has a section for each released
/// one; a test holds the two together.
public enum TablefixVersion {
    /// The version, `MAJOR.MINOR.PATCH`.
    public static let current = "0.4.0"
}
