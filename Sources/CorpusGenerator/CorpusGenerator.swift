import Foundation

/// `creators generate`: deterministic, realistic synthetic creator dumps in the format of
/// `profile-dump.md`, with a labels file saying which creators carry which fraud pattern,
/// which lines are malformed and which are superseded duplicates.
///
/// Creators are made in parallel chunks (each creator from its own generators seeded by
/// `(seed, index)`) and written in order, so the same options give byte-identical files
/// whatever the thread count.
public enum CorpusGenerator {
    /// `corpora/generated/creators-<count>-<seed>.jsonl`.
    public static func defaultDumpPath(count: Int, seed: UInt64) -> String {
        "corpora/generated/creators-\(count)-\(seed).jsonl"
    }

    /// `<dump>.labels.jsonl`; for standard output, `creators-<count>-<seed>.labels.jsonl`.
    public static func defaultLabelsPath(dumpPath: String, count: Int, seed: UInt64) -> String {
        dumpPath == "-" ? "creators-\(count)-\(seed).labels.jsonl" : dumpPath + ".labels.jsonl"
    }

    /// Writes the dump to `dumpPath` (`.jsonl`, `.jsonl.gz` compressed, or `-` for standard
    /// output) and the labels to `labelsPath` (plain JSON Lines, or gzip when it ends in `.gz`).
    @discardableResult
    public static func generate(_ options: GeneratorOptions, dumpPath: String, labelsPath: String,
                                progress: ((GenerationProgress) -> Void)? = nil) throws -> GenerationSummary {
        var dump = try FileSink(path: dumpPath)
        var labels = try FileSink(path: labelsPath)
        let summary = try generate(options, dump: &dump, labels: &labels, gzipDump: dumpPath.hasSuffix(".gz"),
                                   gzipLabels: labelsPath.hasSuffix(".gz"), progress: progress)
        try dump.finish()
        try labels.finish()
        return summary
    }

    /// The dump and labels as byte arrays (plain JSON Lines).
    public static func generateInMemory(_ options: GeneratorOptions) throws -> (dump: [UInt8], labels: [UInt8], summary: GenerationSummary) {
        var dump = MemorySink()
        var labels = MemorySink()
        let summary = try generate(options, dump: &dump, labels: &labels, gzipDump: false, gzipLabels: false, progress: nil)
        return (dump.bytes, labels.bytes, summary)
    }

    /// Streams the dump and labels into any sinks.
    public static func generate<Dump: ByteSink, Labels: ByteSink>(
        _ options: GeneratorOptions, dump: inout Dump, labels: inout Labels, gzipDump: Bool, gzipLabels: Bool,
        progress: ((GenerationProgress) -> Void)?
    ) throws -> GenerationSummary {
        precondition(options.count >= 0 && options.chunkSize > 0, "count must be >= 0 and chunkSize > 0")
        let start = Date()
        let generator = ChunkGenerator(synthesizer: CreatorSynthesizer(options: options), compress: gzipDump)
        let chunkSize = options.chunkSize
        let chunks = (options.count + chunkSize - 1) / chunkSize
        let pipeline = OrderedPipeline<ChunkOutput>(count: chunks, window: max(4, options.threads * 3))
        var labelWriter = LabelWriter(count: options.count)
        var lines = 0
        var bytes = 0
        var outputBytes = 0
        var labelBytes: [UInt8] = []
        var fraudulent = 0
        try pipeline.run(threads: options.threads, produce: { chunk in
            let lower = chunk * chunkSize
            return generator.generate(lower..<min(options.count, lower + chunkSize))
        }, consume: { chunk, output in
            try dump.write(output.bytes)
            labelWriter.add(output.events, firstLine: lines + 1)
            lines += output.lineCount
            bytes += output.uncompressedByteCount
            outputBytes += output.bytes.count
            fraudulent += output.fraudulentCreators
            let drained = labelWriter.drain()
            if gzipLabels {
                labelBytes.append(contentsOf: drained)
                if labelBytes.count > 1 << 22 {
                    try labels.write(GzipMember.compress(labelBytes, level: options.gzipLevel))
                    labelBytes.removeAll(keepingCapacity: true)
                }
            } else {
                try labels.write(drained)
            }
            progress?(GenerationProgress(creatorsWritten: min(options.count, (chunk + 1) * chunkSize),
                                         totalCreators: options.count, bytesWritten: bytes,
                                         seconds: Date().timeIntervalSince(start)))
        })
        let rest = labelWriter.drain()
        if gzipLabels {
            labelBytes.append(contentsOf: rest)
            if !labelBytes.isEmpty { try labels.write(GzipMember.compress(labelBytes, level: options.gzipLevel)) }
        } else if !rest.isEmpty {
            try labels.write(rest)
        }
        return GenerationSummary(creators: options.count, lines: lines, malformedLines: labelWriter.malformedLines,
                                 duplicateLines: labelWriter.duplicateLines, fraudulentCreators: fraudulent,
                                 fraudCounts: labelWriter.fraudCounts, bytes: bytes, outputBytes: outputBytes,
                                 seconds: Date().timeIntervalSince(start))
    }
}
