import CreatorEngine
import Foundation
import Testing
@testable import CreatorServer
import TestScratch

@Suite("Command service: the documents every transport answers")
struct CommandServiceTests {
    @Test("SEARCH answers the same document as the engine's search JSON")
    func searchMatchesEngine() throws {
        let service = try ServerTestIndex.service()
        let serving = service.holder.current
        for query in ["", "tier:micro..mid", "sort:followers limit:5", "risk:high"] {
            let reply = try #require(service.search(query).jsonObject, "\(query)")
            let direct = try #require(try JSONSerialization.jsonObject(
                with: Data(serving.searcher.json(try serving.searcher.search(query)))) as? [String: Any])
            #expect(reply["total"] as? Int == direct["total"] as? Int, "\(query)")
            let ids = (reply["hits"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
            let directIDs = (direct["hits"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
            #expect(ids == directIDs, "\(query)")
        }
    }

    @Test("a bad query is an ERR with the command line's message, column and hint, on one line")
    func queryErrors() throws {
        let service = try ServerTestIndex.service()
        let error = try #require(service.search("category:beauty contry:US").failure)
        #expect(error.code == "ERR")
        #expect(error.message.hasPrefix("error at column 17: unknown qualifier 'contry'"))
        #expect(!error.message.contains("\n"))
        #expect(error.detail?.contains("^^^^^^") == true)
        #expect(service.explain("tier:").failure?.code == "ERR")
    }

    @Test("EXPLAIN has the parse tree, the plan and score parts")
    func explain() throws {
        let service = try ServerTestIndex.service()
        let document = try #require(service.explain("tier:micro limit:3").jsonObject)
        #expect(document["plan"] is String)
        #expect(document["parse_tree"] is String)
        let hits = try #require(document["hits"] as? [[String: Any]])
        #expect(!hits.isEmpty)
    }

    @Test("GET is the stored profile with tier and risk report; nil when unknown; RISK errors when unknown")
    func getAndRisk() throws {
        let service = try ServerTestIndex.service()
        let index = service.holder.current.index
        for document in [0, index.documentCount / 2, index.documentCount - 1] {
            let id = index.id(of: document)
            let profile = try #require(service.get(id).jsonObject)
            #expect(profile["id"] as? String == id)
            #expect(profile["tier"] is String)
            let risk = try #require(profile["risk"] as? [String: Any])
            #expect(risk["level"] as? String == index.risk.level(of: document).rawValue)
            #expect(risk["flags"] is [String])
            let report = try #require(service.risk(id).jsonObject)
            #expect(report["id"] as? String == id)
            #expect((report["risk"] as? [String: Any])?["level"] as? String == risk["level"] as? String)
        }
        #expect(service.get("nobody:0").isNull)
        #expect(service.risk("@nobody-at-all").failure?.message == "no creator with id or handle '@nobody-at-all'")
    }

    @Test("MATCH answers the engine's shortlist; a bad brief names its field")
    func match() throws {
        let service = try ServerTestIndex.service()
        let brief = Array(#"{"product": "home workout gear", "keywords": ["fitness"], "count": 4}"#.utf8)
        let reply = try #require(service.match(brief).jsonObject)
        let direct = try service.holder.current.matcher.match(try Brief.parse(brief))
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(direct.json)) as? [String: Any])
        #expect((reply["brief"] as? [String: Any])?["count"] as? Int == 4)
        #expect(reply.keys.sorted() == expected.keys.sorted())
        let error = try #require(service.match(Array(#"{"product": "x", "budget": {"total": "lots"}}"#.utf8)).failure)
        #expect(error.code == "ERR")
        #expect(error.message.hasPrefix("brief field 'budget"))
        #expect(service.match(Array("not json".utf8)).failure != nil)
    }

    @Test("OVERLAP answers the engine's AudienceOverlapSet document; unknown creators are errors")
    func overlap() throws {
        let service = try ServerTestIndex.service()
        let index = service.holder.current.index
        let ids = [1, 2, 3].map { index.id(of: $0) }
        let reply = try #require(service.overlap(ids).jsonObject)
        let direct = try #require(try JSONSerialization.jsonObject(
            with: Data(AudienceOverlapSet(index: index, documents: [1, 2, 3]).json)) as? [String: Any])
        #expect(reply["total_reach"] as? Int == direct["total_reach"] as? Int)
        #expect(reply["unique_reach"] as? Int == direct["unique_reach"] as? Int)
        #expect((reply["members"] as? [[String: Any]])?.map { $0["id"] as? String } == ids)
        #expect(service.overlap([ids[0]]).failure?.message == "wrong number of arguments for 'overlap' command")
        #expect(service.overlap([ids[0], "nobody:9"]).failure?.message == "no creator with id or handle 'nobody:9'")
    }

    @Test("STATS has the index facts and the server's counters")
    func stats() throws {
        let service = try ServerTestIndex.service()
        service.statistics.record(command: "PING", duration: .microseconds(40), failed: false)
        service.statistics.record(command: "SEARCH", duration: .milliseconds(3), failed: true)
        let document = try #require(service.stats().jsonObject)
        let index = try #require(document["index"] as? [String: Any])
        #expect(index["documents"] as? Int == service.holder.current.index.documentCount)
        let server = try #require(document["server"] as? [String: Any])
        #expect(server["commands_served"] as? Int == 2)
        #expect(server["errors"] as? Int == 1)
        let search = try #require((server["commands"] as? [String: Any])?["SEARCH"] as? [String: Any])
        let latency = try #require(search["latency_us"] as? [String: Double])
        #expect(abs((latency["p50"] ?? 0) - 3000) < 300)
    }

    @Test("a password is checked exactly")
    func password() throws {
        let service = try ServerTestIndex.service(password: "s3cret")
        #expect(service.requiresPassword)
        #expect(service.accepts(password: "s3cret"))
        #expect(!service.accepts(password: "s3cre"))
        #expect(!service.accepts(password: "s3cret!"))
        #expect(!service.accepts(password: ""))
    }
}

@Suite("Index holder: RELOAD swaps atomically and keeps the old index on failure", .serialized)
struct IndexHolderTests {
    @Test("a reload with nothing new keeps the generation; a new build is swapped in; in-flight references stay valid")
    func reloadSwaps() throws {
        let folder = TestScratch.folder("creators-reload")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let directory = IndexDirectory(path: folder + "/index")
        try ServerTestIndex.build(into: directory, seed: 1, count: 200)
        let service = try ServerTestIndex.service(directory: directory)
        let before = service.holder.current
        let unchanged = try #require(service.reload().jsonObject)
        #expect(unchanged["swapped"] as? Bool == false)
        try ServerTestIndex.build(into: directory, seed: 2, count: 300)
        let swapped = try #require(service.reload().jsonObject)
        #expect(swapped["swapped"] as? Bool == true)
        #expect(swapped["documents"] as? Int == 300)
        #expect(service.holder.current.generation == before.generation + 1)
        // The old generation still answers for whoever holds it.
        #expect(try before.searcher.search("").total == 200)
        #expect(try service.holder.current.searcher.search("").total == 300)
    }

    @Test("a missing or broken CURRENT answers an error and the old index keeps serving")
    func reloadFailureKeepsOld() throws {
        let folder = TestScratch.folder("creators-reload")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let directory = IndexDirectory(path: folder + "/index")
        try ServerTestIndex.build(into: directory, seed: 1, count: 200)
        let service = try ServerTestIndex.service(directory: directory)
        let current = directory.file(IndexDirectory.currentFileName)
        try "gen-999999.cidx\n".write(toFile: current, atomically: true, encoding: .utf8)
        let missing = try #require(service.reload().failure)
        #expect(missing.message.hasPrefix("RELOAD failed, still serving"))
        try "not-an-index\n".write(toFile: current, atomically: true, encoding: .utf8)
        #expect(service.reload().failure != nil)
        // A file that is not an index at all.
        try "garbage".write(toFile: directory.file("gen-000050.cidx"), atomically: true, encoding: .utf8)
        try "gen-000050.cidx\n".write(toFile: current, atomically: true, encoding: .utf8)
        #expect(service.reload().failure != nil)
        #expect(service.holder.current.generation == 1)
        #expect(try service.holder.current.searcher.search("").total == 200)
    }
}

@Suite("Query pool and statistics")
struct QueryPoolTests {
    @Test("the pool refuses work beyond threads + queue, and accepts again when it drains")
    func boundedQueue() async throws {
        let pool = QueryPool(threadCount: 1, maxQueued: 2)
        defer { pool.syncShutdown() }
        let gate = Gate()
        var running: [Task<Int?, Never>] = []
        for value in 0..<3 {
            running.append(Task { await pool.run { gate.wait(); return value } })
        }
        while pool.pending < 3 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(await pool.run { 99 } == nil)
        gate.open()
        var results: [Int] = []
        for task in running { if let value = await task.value { results.append(value) } }
        #expect(results.sorted() == [0, 1, 2])
        #expect(await pool.run { 42 } == 42)
    }

    @Test("a batch of samples counts like the same samples one by one")
    func batchedSamples() {
        let batched = ServerStatistics(), single = ServerStatistics()
        let samples = [("PING", 3.0, false), ("PING", 5.0, false), ("GET", 40.0, true), ("PING", 7.0, false), ("GET", 9.0, false)]
        batched.record(samples.map { ServerStatistics.Sample(command: $0.0, microseconds: $0.1, failed: $0.2) })
        for (name, micros, failed) in samples { single.record(command: name, duration: .nanoseconds(Int64(micros * 1000)), failed: failed) }
        #expect(batched.commandsServed == 5 && batched.commandsFailed == 1)
        for name in ["PING", "GET"] {
            let a = batched.latency(of: name), b = single.latency(of: name)
            #expect(a?.count == b?.count && a?.p50 == b?.p50 && a?.max == b?.max, "\(name)")
        }
        #expect(batched.latency(of: "PING")?.count == 3)
    }

    @Test("histogram percentiles are within one bucket of the exact ones")
    func percentiles() {
        var histogram = LatencyHistogram()
        let values = (1...10_000).map { Double($0) }
        for value in values.shuffled() { histogram.record(microseconds: value) }
        for share in [0.5, 0.9, 0.99] {
            let exact = values[Int(Double(values.count) * share) - 1]
            let estimate = histogram.percentile(share)
            #expect(estimate >= exact * 0.99 && estimate <= exact * 1.1, "\(share): \(estimate) vs \(exact)")
        }
        #expect(histogram.percentile(1) == 10_000)
    }
}

/// A one-shot latch for tests: `wait` blocks until `open`.
final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var isOpen = false
    func wait() {
        condition.lock()
        while !isOpen { condition.wait() }
        condition.unlock()
    }
    func isOpenNow() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return isOpen
    }
    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }
}

@Suite("Document cache")
struct DocumentCacheTests {
    @Test("a cached document is the one made; the cache stays within its bytes, oldest out first; 0 turns it off")
    func bounded() {
        let cache = DocumentCache(capacityBytes: 8 * 100)
        var made = 0
        func fetch(_ document: Int) -> [UInt8] {
            cache.document(document, kind: .profile) {
                made += 1
                return [UInt8](repeating: UInt8(document % 256), count: 100)
            }
        }
        for document in 0..<8 { #expect(fetch(document).first == UInt8(document)) }
        #expect(made == 8)
        for document in 0..<8 { _ = fetch(document) }
        #expect(made == 8)
        for document in 8..<20 { _ = fetch(document) }
        #expect(cache.usage.bytes <= 800)
        _ = fetch(0)  // evicted first
        #expect(made == 21)
        #expect(cache.document(5, kind: .risk) { [1] } == [1])  // another key space

        let off = DocumentCache(capacityBytes: 0)
        var calls = 0
        for _ in 0..<3 { _ = off.document(1, kind: .profile) { calls += 1; return [0] } }
        #expect(calls == 3 && off.usage.documents == 0)
    }

    @Test("GET through the cache answers the same bytes as the engine, and RELOAD starts a fresh cache")
    func getThroughCache() throws {
        var limits = ServerLimits.default
        limits.documentCacheBytes = 1 << 20
        let service = try ServerTestIndex.service(limits: limits)
        let index = service.holder.current.index
        let id = index.id(of: 9)
        guard case .bulk(let first) = service.get(id), case .bulk(let second) = service.get(id) else {
            Issue.record("GET did not answer a document")
            return
        }
        #expect(first == (try index.profileDocument(of: 9)))
        #expect(second == first)
        #expect(service.holder.current.documents.usage.documents == 1)
    }
}
