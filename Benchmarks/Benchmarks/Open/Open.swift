// How fast a built index is ready to serve: opening maps the file and reads only small
// sections, so it should take milliseconds whatever the corpus size ("opens instantly").
//
// - `Open/index`: `CreatorIndex(directory:)` on the index of the 100k corpus (built once
//   into the cache folder if missing), closed again each iteration.
// - `Open/first storedJSON`: open, then fetch one stored document: time to a first answer.
// - `Open/storedJSON random`: `storedJSON(of:)` for random documents of an open index
//   (1,000 per iteration, so the wall clock shown is per lookup): a zstd block
//   decompressed and checked per lookup.
//
// The file is in the page cache (it was just built or read): these are warm figures.

import Benchmark
import BenchmarkSupport
import CreatorEngine

let benchmarks: @Sendable () -> Void = {
    let corpusCreators = 100_000

    let openLog = IterationLog()
    Benchmark(
        "Open/index",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident], warmupIterations: 3,
                             maxDuration: .seconds(5), maxIterations: 1_000),
        closure: { benchmark, directory in
            var documents = 0
            let elapsed = ContinuousClock().measure {
                do { documents = try CreatorIndex(directory: directory).documentCount } catch { fatalError("open failed: \(error)") }
            }
            openLog.record(elapsed, subject: "\(documents) documents, \(directory.path)")
        },
        setup: { try Corpus.index(creators: corpusCreators) },
        teardown: {
            guard let median = openLog.median, let best = openLog.best else { return }
            Report.line("Open/index [\(openLog.subject)]: median \(Report.fixed(median * 1000, 2)) ms, "
                + "best \(Report.fixed(best * 1000, 2)) ms over \(openLog.seconds.count) opens")
            // Opening checks the CRC of every section not flagged large: say how much that reads.
            if let directory = try? Corpus.index(creators: corpusCreators), let path = try? directory.currentIndexPath(),
               let file = try? IndexFile(path: path) {
                let sections = Array(file.sections.values)
                let checked = sections.filter { !$0.isLarge }.reduce(0) { $0 + $1.length }
                let total = sections.reduce(0) { $0 + $1.length }
                Report.line("Open/index: \(sections.count) sections, \(Report.mebibytes(total)); "
                    + "\(Report.mebibytes(checked)) of them (not flagged large) are CRC-checked at every open")
            }
        }
    )

    Benchmark(
        "Open/first storedJSON",
        configuration: .init(metrics: [.wallClock, .cpuTotal], warmupIterations: 3,
                             maxDuration: .seconds(5), maxIterations: 1_000),
        closure: { benchmark, directory in
            do {
                let index = try CreatorIndex(directory: directory)
                blackHole(try index.storedJSON(of: index.documentCount / 2).count)
            } catch { fatalError("open or lookup failed: \(error)") }
        },
        setup: { try Corpus.index(creators: corpusCreators) }
    )

    Benchmark(
        "Open/storedJSON random",
        configuration: .init(metrics: [.wallClock, .throughput, .cpuTotal], warmupIterations: 1,
                             scalingFactor: .kilo, maxDuration: .seconds(5), maxIterations: 1_000),
        closure: { benchmark, index in
            var random = SplitMix64(seed: 7)
            var bytes = 0
            for _ in benchmark.scaledIterations {
                let document = Int(random.next() % UInt64(index.documentCount))
                do { bytes += try index.storedJSON(of: document).count } catch { fatalError("lookup failed: \(error)") }
            }
            blackHole(bytes)
        },
        setup: { try CreatorIndex(directory: try Corpus.index(creators: corpusCreators)) }
    )
}
