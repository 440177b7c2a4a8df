import BenchmarkSupport

/// The texts the Analysis suite measures on (see the file header of Analysis.swift).
enum SampleKind: String, CaseIterable, Sendable {
    case bios
    case cjk
    case captions

    /// Creators in the generated dump the CJK and caption samples are read from.
    static let corpusCreators = 100_000

    /// Loads the sample; generated ones come from the start of the cached 100k dump.
    func load() throws -> TextSample {
        switch self {
        case .bios:
            if let bios = TextSample.tidesBios() { return bios }
            Report.line("TIDES bios not found at \(BenchmarkPaths.tidesTikTokCSV): using generated captions")
            return try TextSample.generatedCaptions(dump: try Corpus.dump(creators: Self.corpusCreators))
        case .cjk:
            return try TextSample.generatedCJK(dump: try Corpus.dump(creators: Self.corpusCreators))
        case .captions:
            return try TextSample.generatedCaptions(dump: try Corpus.dump(creators: Self.corpusCreators))
        }
    }
}
