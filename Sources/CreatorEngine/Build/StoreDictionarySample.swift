/// Trains the document store's zstd dictionary on the stored records of the dump's first
/// lines, before the build proper starts (the workers compress with it from the first
/// block on).
///
/// The first `sampleBytes` of the first file are read a second time and parsed on the
/// calling thread: about 2,000 generated records, 0.1–0.2 s. A dump whose start is not
/// typical of the rest only makes the dictionary less useful, never the index wrong.
enum StoreDictionarySample {
    static let sampleBytes = 12 << 20
    static let maxRecords = 3000

    /// The dictionary, or `nil` when the dump is too small to be worth one.
    static func train(files: [DumpFile], rates: CurrencyRates) throws -> CompressionDictionary? {
        guard let file = files.first else { return nil }
        let reader = try DumpLineReader(file: file, chunkBytes: sampleBytes)
        guard let chunk = try reader.nextChunk() else { return nil }
        let parser = ProfileParser(rates: rates)
        var samples: [[UInt8]] = []
        chunk.forEachLine { _, line in
            guard samples.count < maxRecords, case .accepted(let profile) = parser.parse(line) else { return }
            samples.append(StoredRecord.encode(profile))
        }
        return CompressionDictionary.train(samples: samples).flatMap { CompressionDictionary(bytes: $0) }
    }
}
