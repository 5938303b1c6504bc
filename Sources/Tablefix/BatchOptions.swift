import Foundation

/// How a batch runs: how many files at once, what it redoes, which part of the inputs.
public struct BatchOptions: Sendable, Equatable {
    /// How many files are repaired at once; each in flight holds one file's bytes and
    /// results, so memory stays flat however large the inputs are.
    public var jobs: Int
    /// Redo files whose content the database already holds.
    public var force: Bool
    /// Redo files that failed in an earlier run (a newer tablefix may read them).
    public var retryFailed: Bool
    /// Only the files of this part of a stable partition by path.
    public var shard: BatchShard?
    /// A file larger than this is recorded as a failure, not read.
    public var maxFileBytes: Int
    /// A file that was being processed when this many runs were killed is recorded as a
    /// failure instead of being tried again (tablefix itself may crash on it).
    public var maxInterruptions: Int
    /// A document whose repair takes longer is recorded as a failure (``Repairer/timeLimit``).
    public var timeLimit: Duration

    /// - Parameter jobs: Files at once; the number of active cores by default.
    public init(jobs: Int? = nil, force: Bool = false, retryFailed: Bool = false, shard: BatchShard? = nil,
                maxFileBytes: Int = 64 << 20, maxInterruptions: Int = 3, timeLimit: Duration = .seconds(60)) {
        self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        self.force = force
        self.retryFailed = retryFailed
        self.shard = shard
        self.maxFileBytes = maxFileBytes
        self.maxInterruptions = maxInterruptions
        self.timeLimit = timeLimit
    }
}
