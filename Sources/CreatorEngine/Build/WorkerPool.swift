import Dispatch
import Synchronization

/// The threads' tools for parsing and analysing dump lines: one parser, analyser and
/// compressor per worker, each used by one slice at a time.
final class WorkerPool: Sendable {
    /// Per-thread tools. Worker `i` is used only by iteration `i` of `process`'s
    /// `concurrentPerform`, so never by two threads at once.
    final class Worker: @unchecked Sendable {
        let parser: ProfileParser
        let analyzer: DocumentAnalyzer
        let compressor: BlockCompressor
        init(rates: CurrencyRates, dictionary: CompressionDictionary?) throws {
            parser = ProfileParser(rates: rates)
            analyzer = try DocumentAnalyzer()
            compressor = BlockCompressor(dictionary: dictionary)
        }
    }

    private let workers: [Worker]
    var count: Int { workers.count }
    /// Slices per worker and chunk: several, so a slow slice does not leave a core idle.
    private let slicesPerWorker = 16

    /// `dictionary`: the document store's, shared by every worker's compressor.
    init(count: Int, rates: CurrencyRates, dictionary: CompressionDictionary? = nil) throws {
        workers = try (0..<count).map { _ in try Worker(rates: rates, dictionary: dictionary) }
    }

    /// Parses, validates and analyses every line of a chunk on all workers; the result keeps
    /// the chunk's line order.
    func process(_ chunk: DumpChunk) -> ChunkResult {
        let lineCount = chunk.lines.count
        let sliceCount = max(1, min(lineCount, count * slicesPerWorker))
        let nextSlice = Atomic<Int>(0)
        let results = Mutex([(outcomes: [LineOutcome], blocks: [StoredBlock])?](repeating: nil, count: sliceCount))
        DispatchQueue.concurrentPerform(iterations: count) { workerIndex in
            let worker = workers[workerIndex]
            while true {
                let slice = nextSlice.wrappingAdd(1, ordering: .relaxed).oldValue
                guard slice < sliceCount else { return }
                let range = (lineCount * slice / sliceCount)..<(lineCount * (slice + 1) / sliceCount)
                let result = Self.process(chunk, lines: range, with: worker)
                results.withLock { $0[slice] = result }
            }
        }
        return ChunkResult(slices: results.withLock { $0.compactMap { $0 } })
    }

    private static func process(_ chunk: DumpChunk, lines: Range<Int>, with worker: Worker) -> (outcomes: [LineOutcome], blocks: [StoredBlock]) {
        var outcomes: [LineOutcome] = []
        outcomes.reserveCapacity(lines.count)
        var stored: [[UInt8]] = []
        chunk.bytes.withUnsafeBytes { bytes in
            for index in lines {
                let line = chunk.lines[index]
                let text = UnsafeRawBufferPointer(rebasing: bytes[line.range])
                switch worker.parser.parse(text) {
                case .accepted(let profile):
                    var document = worker.analyzer.analyze(profile)
                    stored.append(document.stored)
                    document.stored = []
                    outcomes.append(.accepted(document))
                case .rejected(let reason):
                    outcomes.append(.rejected(line: line.number, reason: reason, text: Array(text)))
                }
            }
        }
        return (outcomes, StoredBlock.pack(stored, compressor: worker.compressor))
    }
}
