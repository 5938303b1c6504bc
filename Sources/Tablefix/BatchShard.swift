/// One part of a stable partition of a batch's files by path, so that N machines (or N
/// processes) each clean a disjoint part: `--shard K/N`.
///
/// A path belongs to shard K of N when the first 8 bytes of the SHA-256 of its UTF-8
/// text, read as a big-endian integer, leave K − 1 when divided by N. The rule depends
/// on the path alone, so every machine agrees on it without talking to the others.
///
/// ```swift
/// let shard = try #require(BatchShard("2/4"))
/// shard.contains(path: "archive.zip!/report-17.txt")
/// ```
public struct BatchShard: Sendable, Hashable, LosslessStringConvertible {
    /// The shard's number, 1…count.
    public var index: Int
    /// The number of shards.
    public var count: Int

    /// The shard `index` of `count`; nil unless 1 ≤ index ≤ count.
    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Reads `K/N`, as `--shard` takes it; nil for anything else.
    public init?(_ description: String) {
        let parts = description.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether the file at `path` (as the batch names it) belongs to this shard.
    public func contains(path: String) -> Bool {
        Self.bucket(of: path, count: count) == index - 1
    }

    /// The 0-based shard of `path` among `count`.
    static func bucket(of path: String, count: Int) -> Int {
        let digest = SHA256.digest(of: Array(path.utf8))
        var value: UInt64 = 0
        for byte in digest.prefix(8) { value = value << 8 | UInt64(byte) }
        return Int(value % UInt64(count))
    }
}
