extension BatchRunner {
    /// Cleans every file under `inputs` without a database: each file's result goes to
    /// `emit` as one line of JSON, in the order files finish. This is the map step for an
    /// engine that distributes the paths (Spark `RDD.pipe`, Hadoop Streaming, GNU parallel).
    ///
    /// A repaired file's line is the spec/output.md object with `"status": "done"` and its
    /// `"hash"` added; a failed file's is `{"source", "status": "failed", "hash", "format",
    /// "error"}`; a file with the same bytes as one before it is `{"source", "status":
    /// "linked", "hash"}`.
    ///
    /// - Parameters:
    ///   - inputs: Files, folders and `.zip` archives, read one at a time (so a sequence
    ///     over standard input streams).
    ///   - total: The number of files, if known, for progress reports.
    ///   - emit: Receives each line, with its newline.
    ///   - progress: Called after every file with the counts so far.
    /// - Complexity: O(files) time; memory holds `jobs` files and one hash per file seen.
    public func stream(inputs: some Sequence<String>, total: Int? = nil, to emit: @escaping (String) -> Void,
                       progress: (@Sendable (BatchSummary) -> Void)? = nil) async -> BatchSummary {
        var sink = LineSink(emit: emit)
        let walk = BatchInputs(inputs, shard: options.shard, maxBytes: options.maxFileBytes)
        return await process(walk, total: total, sink: &sink, progress: progress)
    }
}
