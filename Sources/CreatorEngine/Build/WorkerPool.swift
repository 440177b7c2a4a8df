import Dispatch
import Synchronization

/// The threads' tools for parsing and analysing dump lines: one parser, analyser and
/// compressor per worker, each used by one slice at a time.
final class WorkerPool: Sendable {
    /// Per-thread tools. Worker `i` is used only by iteration `i` of `distribute`'s
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

    /// Parses, validates and analyses every line of a chunk on all workers, then compresses
    /// its stored records (`StoredBlock.Grouping`); the result keeps the chunk's line order.
    func process(_ chunk: DumpChunk) -> ChunkResult {
        let lineCount = chunk.lines.count
        let sliceCount = max(1, min(lineCount, count * slicesPerWorker))
        let slices = distribute(sliceCount) { slice, worker in
            Self.process(chunk, lines: (lineCount * slice / sliceCount)..<(lineCount * (slice + 1) / sliceCount), with: worker)
        }
        let records = slices.flatMap(\.stored)
        let grouping = StoredBlock.Grouping(keys: records.map(\.group))
        let runs = stride(from: 0, to: grouping.order.count, by: StoredBlock.maxDocuments).map {
            grouping.order[$0..<min($0 + StoredBlock.maxDocuments, grouping.order.count)]
        }
        let blocks = distribute(runs.count) { run, worker in
            StoredBlock.pack(runs[run].map { records[$0].record }, compressor: worker.compressor)
        }
        return ChunkResult(outcomes: slices.map(\.outcomes), blocks: blocks.flatMap { $0 }, storePositions: grouping.positions)
    }

    /// `work(i, worker)` for every i in 0..<count, each once, on all workers (worker `w` only
    /// on thread `w`), in the order of i.
    private func distribute<Result: Sendable>(_ count: Int, _ work: @Sendable (Int, Worker) -> Result) -> [Result] {
        let next = Atomic<Int>(0)
        let results = Mutex([Result?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: workers.count) { workerIndex in
            let worker = workers[workerIndex]
            while true {
                let item = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard item < count else { return }
                let result = work(item, worker)
                results.withLock { $0[item] = result }
            }
        }
        return results.withLock { $0.compactMap { $0 } }
    }

    /// One slice's outcomes and the stored records of its accepted documents, in order.
    private struct SliceResult: Sendable {
        var outcomes: [LineOutcome]
        var stored: [(record: [UInt8], group: String)]
    }

    private static func process(_ chunk: DumpChunk, lines: Range<Int>, with worker: Worker) -> SliceResult {
        var result = SliceResult(outcomes: [], stored: [])
        result.outcomes.reserveCapacity(lines.count)
        chunk.bytes.withUnsafeBytes { bytes in
            for index in lines {
                let line = chunk.lines[index]
                let text = UnsafeRawBufferPointer(rebasing: bytes[line.range])
                switch worker.parser.parse(text) {
                case .accepted(let profile):
                    var document = worker.analyzer.analyze(profile)
                    result.stored.append((document.stored, StoredBlock.groupKey(of: profile)))
                    document.stored = []
                    result.outcomes.append(.accepted(document))
                case .rejected(let reason):
                    result.outcomes.append(.rejected(line: line.number, reason: reason, text: Array(text)))
                }
            }
        }
        return result
    }
}
