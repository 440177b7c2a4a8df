import Foundation
import Synchronization

/// What to build from, where, and how.
public struct BuildOptions: Sendable {
    /// Dump files and folders.
    public var paths: [String]
    public var directory: IndexDirectory
    public var rates: CurrencyRates
    /// Threads that parse and analyse lines (the merge into the index runs beside them).
    public var workers: Int
    /// Uncompressed bytes of dump handed to the workers at a time.
    public var chunkBytes: Int
    public var progress: (@Sendable (BuildProgress) -> Void)?

    public init(paths: [String], directory: IndexDirectory, rates: CurrencyRates = .builtIn,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount, chunkBytes: Int = DumpLineReader.defaultChunkBytes,
                progress: (@Sendable (BuildProgress) -> Void)? = nil) {
        self.paths = paths
        self.directory = directory
        self.rates = rates
        self.workers = workers
        self.chunkBytes = chunkBytes
        self.progress = progress
    }
}

/// Builds a new index generation from dumps and makes it current.
///
/// One pass over the dump, streaming: chunks of whole lines are parsed, validated and
/// analysed by `workers` threads, a bounded number of chunks ahead of the merge, which adds
/// them in dump order to the `IndexBuilder`. A record whose id was seen before replaces it when its `updated_at`
/// is later (or equal: the later line wins) and is superseded otherwise. Rejected lines go
/// to the generation's reject file. Memory holds the index being built and a few chunks,
/// never the dump. Only I/O errors stop a build; then the partial file is removed and the
/// previous generation stays current.
public enum IndexBuild {
    public static func run(_ options: BuildOptions) throws -> BuildSummary {
        let started = Date()
        let lock = try options.directory.lockForBuild()
        defer { withExtendedLifetime(lock) {} }
        let files = try DumpDiscovery.files(options.paths)
        let generation = try options.directory.newGeneration()
        do {
            let summary = try build(files: files, generation: generation, options: options, started: started)
            try generation.publish()
            return summary
        } catch {
            generation.discard()
            throw error
        }
    }

    private static func build(files: [DumpFile], generation: IndexDirectory.Generation, options: BuildOptions,
                              started: Date) throws -> BuildSummary {
        let writer = try IndexFileWriter(path: generation.partialPath)
        let builder = try IndexBuilder(writer: writer)
        let rejects = try RejectLog(path: generation.rejectsPath)
        let dictionary = try StoreDictionarySample.train(files: files, rates: options.rates)
        builder.storeDictionary = dictionary?.bytes ?? []
        let workers = try WorkerPool(count: max(1, options.workers), rates: options.rates, dictionary: dictionary)
        var merger = Merger(builder: builder, rejects: rejects)
        let totalBytes = files.reduce(0) { $0 + $1.size }

        // A producer thread reads chunks and has the workers analyse them, up to
        // `aheadChunks` ahead of this thread, which merges them in order: the cores stay
        // busy whichever side is slower, and memory holds a bounded number of chunks.
        let analysed = ChunkQueue(capacity: Self.aheadChunks)
        let producer = Thread {
            do {
                var finishedBytes = 0
                for file in files {
                    let reader = try DumpLineReader(file: file, chunkBytes: options.chunkBytes)
                    while let chunk = try reader.nextChunk() {
                        let result = workers.process(chunk)
                        guard analysed.push(.chunk(result, source: file.path, bytesRead: finishedBytes + reader.bytesConsumed)) else { return }
                    }
                    finishedBytes += file.size
                }
                _ = analysed.push(.end)
            } catch {
                _ = analysed.push(.failed(error))
            }
        }
        producer.stackSize = 8 << 20
        producer.start()
        defer { analysed.cancel() }
        loop: while true {
            switch analysed.pop() {
            case .chunk(let result, let source, let bytesRead):
                try merger.merge(result, source: source)
                // Freeing a chunk's documents (their many arrays and strings) takes the
                // serial merging thread about a tenth of its time: leave it to another thread.
                ChunkDisposal.release(result)
                merger.bytesRead = bytesRead
                options.progress?(merger.progress(totalBytes: totalBytes, since: started))
            case .failed(let error):
                throw error
            case .end:
                break loop
            }
        }
        try rejects.close()
        var writing = merger.progress(totalBytes: totalBytes, since: started)
        writing.isWriting = true
        options.progress?(writing)

        let facts = IndexMeta.BuildFacts(
            builtAt: ISO8601DateFormatter().string(from: Date()), sources: files.map(\.path),
            linesRead: merger.linesRead, accepted: builder.documentCount, rejected: merger.rejected,
            superseded: merger.superseded, currencyRatesDate: options.rates.date.dateString)
        _ = try builder.finish(meta: facts)
        let indexBytes = (try? FileManager.default.attributesOfItem(atPath: generation.partialPath)[.size] as? Int) ?? 0
        return BuildSummary(linesRead: merger.linesRead, accepted: builder.documentCount, rejected: merger.rejected,
                            superseded: merger.superseded, files: files.map(\.path), bytesRead: totalBytes,
                            rejectFile: generation.rejectsPath, indexPath: generation.finalPath,
                            indexBytes: indexBytes, seconds: Date().timeIntervalSince(started))
    }
}

/// The outcome of one line, in the order of the chunk.
enum LineOutcome: Sendable {
    case accepted(AnalyzedDocument)
    case rejected(line: Int, reason: String, text: [UInt8])
}

/// One chunk's outcomes, slice by slice, and the stored blocks of its accepted documents.
struct ChunkResult: Sendable {
    var outcomes: [[LineOutcome]]
    /// The blocks hold the accepted documents grouped (`StoredBlock.Grouping`), not in order:
    /// the chunk's i-th accepted document is record `storePositions[i]` of the blocks.
    var blocks: [StoredBlock]
    var storePositions: [UInt32]
}

extension IndexBuild {
    /// Chunks analysed ahead of the merge at most (each holds ~`chunkBytes` of dump, analysed).
    static let aheadChunks = 2
}

/// What the producer thread hands the merging thread, in dump order.
enum AnalysedChunk: Sendable {
    case chunk(ChunkResult, source: String, bytesRead: Int)
    case failed(any Error)
    case end
}

/// A bounded, blocking queue between the producer and the merging thread.
final class ChunkQueue: Sendable {
    private let state = Mutex<(items: [AnalysedChunk], cancelled: Bool)>(([], false))
    private let filled = DispatchSemaphore(value: 0)
    private let free: DispatchSemaphore

    init(capacity: Int) { free = DispatchSemaphore(value: capacity) }

    /// Waits for room; `false` when the consumer has gone (the build failed).
    func push(_ item: AnalysedChunk) -> Bool {
        free.wait()
        let accepted = state.withLock { state -> Bool in
            guard !state.cancelled else { return false }
            state.items.append(item)
            return true
        }
        if accepted { filled.signal() }
        return accepted
    }

    func pop() -> AnalysedChunk {
        filled.wait()
        let item = state.withLock { $0.items.removeFirst() }
        free.signal()
        return item
    }

    /// Lets a blocked producer finish when the consumer stops early.
    func cancel() {
        state.withLock { $0.cancelled = true }
        free.signal()
    }
}

/// Adds analysed chunks to the index in dump order and keeps the counts.
private struct Merger {
    let builder: IndexBuilder
    let rejects: RejectLog
    var latest: [String: (slot: Int, updatedAt: Timestamp?)] = [:]
    var linesRead = 0
    var rejected = 0
    var superseded = 0
    var bytesRead = 0

    init(builder: IndexBuilder, rejects: RejectLog) {
        self.builder = builder
        self.rejects = rejects
    }

    mutating func merge(_ chunk: ChunkResult, source: String) throws {
        for outcomes in chunk.outcomes {
            for outcome in outcomes {
                linesRead += 1
                switch outcome {
                case .rejected(let line, let reason, let text):
                    rejected += 1
                    try rejects.write(source: source, line: line, reason: reason, text: text)
                case .accepted(let document):
                    let slot = builder.add(document)
                    let id = document.profile.id
                    let updatedAt = document.profile.updatedAt
                    if let previous = latest[id] {
                        superseded += 1
                        // Later `updated_at` wins; on a tie (or both unknown) the later line wins.
                        if Self.isNewer(updatedAt, than: previous.updatedAt) {
                            builder.markDead(slot: previous.slot)
                            latest[id] = (slot, updatedAt)
                        } else {
                            builder.markDead(slot: slot)
                        }
                    } else {
                        latest[id] = (slot, updatedAt)
                    }
                }
            }
        }
        try builder.appendStored(chunk.blocks, positions: chunk.storePositions)
    }

    /// An unknown `updated_at` is older than any known one.
    static func isNewer(_ candidate: Timestamp?, than current: Timestamp?) -> Bool {
        switch (candidate, current) {
        case (nil, nil): true
        case (nil, _?): false
        case (_?, nil): true
        case let (candidate?, current?): candidate >= current
        }
    }

    func progress(totalBytes: Int, since started: Date) -> BuildProgress {
        BuildProgress(linesRead: linesRead, accepted: linesRead - rejected - superseded, rejected: rejected,
                      superseded: superseded, bytesRead: bytesRead, totalBytes: totalBytes,
                      seconds: Date().timeIntervalSince(started))
    }
}
