/// Progress of a running generation, reported after each chunk is written.
public struct GenerationProgress: Sendable {
    public let creatorsWritten: Int
    public let totalCreators: Int
    /// Dump bytes before compression.
    public let bytesWritten: Int
    public let seconds: Double

    public var creatorsPerSecond: Double { seconds > 0 ? Double(creatorsWritten) / seconds : 0 }
    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytesWritten) / 1_048_576 / seconds : 0 }
}

/// What a generation wrote.
public struct GenerationSummary: Sendable {
    public let creators: Int
    /// Physical lines in the dump: creators + duplicates + malformed lines.
    public let lines: Int
    public let malformedLines: Int
    public let duplicateLines: Int
    public let fraudulentCreators: Int
    public let fraudCounts: [FraudKind: Int]
    /// Dump bytes before compression.
    public let bytes: Int
    /// Bytes actually written (compressed size for `.jsonl.gz`).
    public let outputBytes: Int
    public let seconds: Double

    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1_048_576 / seconds : 0 }
}
