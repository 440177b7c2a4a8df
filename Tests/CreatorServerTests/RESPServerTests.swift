import CreatorEngine
import Foundation
import Testing
@testable import CreatorServer
import TestScratch

/// The server end to end over a real socket, with the small client in RESPTestClient.swift.
@Suite("RESP server over a socket", .serialized)
struct RESPServerTests {
    @Test("every command answers: PING, SEARCH, EXPLAIN, GET, RISK, STATS, INFO, RELOAD, MATCH, OVERLAP, SELECT, COMMAND, CLIENT, ECHO")
    func everyCommand() async throws {
        let running = try await RunningServer.start()
        defer { Task { await running.shutdown() } }
        let client = try running.client()
        let index = running.service.holder.current.index

        #expect(try client.call("PING") == .simple("PONG"))
        #expect(try client.call("ping", "hello") == .bulk(Array("hello".utf8)))
        #expect(try client.call("ECHO", "x y") == .bulk(Array("x y".utf8)))

        // SEARCH: words sent as separate arguments are joined with spaces.
        let joined = try #require(try client.call("SEARCH", "tier:micro..mid", "sort:followers", "limit:3").json)
        let single = try #require(try client.call("SEARCH", "tier:micro..mid sort:followers limit:3").json)
        #expect(joined["total"] as? Int == single["total"] as? Int)
        let hits = try #require(joined["hits"] as? [[String: Any]])
        #expect(hits.count == 3)
        for key in ["id", "handle", "platform", "followers", "tier", "score", "risk", "flags"] {
            #expect(hits[0][key] != nil, "hit lacks \(key)")
        }
        let explained = try #require(try client.call("EXPLAIN", "tier:micro limit:2").json)
        #expect(explained["plan"] is String)

        let id = index.id(of: 3)
        let profile = try #require(try client.call("GET", id).json)
        #expect(profile["id"] as? String == id)
        #expect((profile["risk"] as? [String: Any])?["level"] is String)
        let byHandle = try client.call("GET", "@" + index.handle(of: 3))
        #expect(byHandle.text?.contains(id) == true)
        #expect(try client.call("GET", "nobody:1") == .null)
        #expect(try #require(try client.call("RISK", id).json)["id"] as? String == id)
        #expect(try client.call("RISK", "nobody:1") == .error("ERR no creator with id or handle 'nobody:1'"))

        let stats = try #require(try client.call("STATS").json)
        #expect((stats["index"] as? [String: Any])?["documents"] as? Int == index.documentCount)
        let server = try #require(stats["server"] as? [String: Any])
        #expect((server["commands_served"] as? Int ?? 0) >= 10)
        let commands = try #require(server["commands"] as? [String: Any])
        #expect(commands["SEARCH"] != nil && commands["GET"] != nil)
        #expect(try client.call("INFO").json?["server"] != nil)

        let reload = try #require(try client.call("RELOAD").json)
        #expect(reload["swapped"] as? Bool == false)
        let shortlist = try #require(try client.call("MATCH", #"{"product": "vitamin c serum", "keywords": ["skincare"], "count": 5}"#).json)
        #expect(shortlist["brief"] != nil)
        #expect(try client.call("MATCH", #"{"product": "x", "count": "ten"}"#).text?.hasPrefix("ERR brief field 'count'") == true)
        let overlap = try #require(try client.call("OVERLAP", id, index.id(of: 4), index.id(of: 5)).json)
        #expect(overlap["creators"] as? Int == 3)
        #expect((overlap["matrix"] as? [[Any]])?.count == 3)
        #expect(try client.call("OVERLAP", id, "nobody:1") == .error("ERR no creator with id or handle 'nobody:1'"))
        #expect(try client.call("OVERLAP", id) == .error("ERR wrong number of arguments for 'overlap' command"))

        #expect(try client.call("SELECT", "0") == .simple("OK"))
        #expect(try client.call("SELECT", "1").isError)
        #expect(try client.call("COMMAND") == .array([]))
        #expect(try client.call("COMMAND", "DOCS") == .array([]))  // an empty map is an empty array in RESP2
        #expect(try client.call("CLIENT", "SETINFO", "LIB-NAME", "test") == .simple("OK"))
        #expect(try client.call("CLIENT", "SETNAME", "tester") == .simple("OK"))
        #expect(try client.call("CLIENT", "GETNAME") == .bulk(Array("tester".utf8)))
        #expect(try client.call("NOSUCH", "a") == .error("ERR unknown command 'NOSUCH', with args beginning with: 'a' "))
        #expect(try client.call("GET") == .error("ERR wrong number of arguments for 'get' command"))
        #expect(try client.call("PING") == .simple("PONG"))
    }

    @Test("query errors carry the command line's message on one line")
    func queryErrors() async throws {
        let running = try await RunningServer.start()
        defer { Task { await running.shutdown() } }
        let client = try running.client()
        let reply = try client.call("SEARCH", "category:beauty contry:US")
        #expect(reply.text?.hasPrefix("ERR error at column 17: unknown qualifier 'contry' (did you mean 'country'?)") == true)
        #expect(try client.call("SEARCH", "\"unterminated").isError)
        #expect(try client.call("PING") == .simple("PONG"))
    }

    @Test("pipelined commands are answered in order")
    func pipelining() async throws {
        let running = try await RunningServer.start()
        defer { Task { await running.shutdown() } }
        let client = try running.client()
        let index = running.service.holder.current.index
        var batch: [UInt8] = []
        var expected: [(String, Int)] = []
        for round in 0..<60 {
            switch round % 4 {
            case 0: batch += RESPTestClient.encode(["PING", "p\(round)"]); expected.append(("ping", round))
            case 1: batch += RESPTestClient.encode(["SEARCH", "limit:1 offset:\(round)"]); expected.append(("search", round))
            case 2: batch += RESPTestClient.encode(["GET", index.id(of: round)]); expected.append(("get", round))
            default: batch += Array("PING i\(round)\r\n".utf8); expected.append(("ping", round))
            }
        }
        try client.send(raw: batch)
        let direct = running.service.holder.current.searcher
        for (kind, round) in expected {
            let reply = try client.read()
            switch kind {
            case "ping":
                #expect(reply.text == (round % 4 == 0 ? "p\(round)" : "i\(round)"))
            case "search":
                let expectedID = try direct.search("limit:1 offset:\(round)").hits.first.map { index.id(of: $0.document) }
                #expect(((reply.json?["hits"] as? [[String: Any]])?.first?["id"] as? String) == expectedID)
            default:
                #expect(reply.json?["id"] as? String == index.id(of: round))
            }
        }
    }

    @Test("inline commands: split on spaces, quotes kept for the query; empty lines ignored")
    func inlineCommands() async throws {
        let running = try await RunningServer.start()
        defer { Task { await running.shutdown() } }
        let client = try running.client()
        try client.send(raw: Array("\r\nPING\r\nSEARCH  limit:2   tier:micro\nEXPLAIN \"a b\" limit:1\r\n".utf8))
        #expect(try client.read() == .simple("PONG"))
        #expect((try client.read().json?["hits"] as? [Any])?.count == 2)
        let explained = try client.read().json
        #expect((explained?["parse_tree"] as? String)?.contains("a b") == true)
    }

    @Test("AUTH: NOAUTH before, WRONGPASS for a bad password, then everything works; HELLO 3 AUTH too")
    func authentication() async throws {
        let running = try await RunningServer.start(password: "letmein")
        defer { Task { await running.shutdown() } }
        let client = try running.client()
        #expect(try client.call("PING") == .simple("PONG"))
        #expect(try client.call("SEARCH", "limit:1").text?.hasPrefix("NOAUTH") == true)
        #expect(try client.call("GET", "x").text?.hasPrefix("NOAUTH") == true)
        #expect(try client.call("HELLO", "3").text?.hasPrefix("NOAUTH") == true)
        #expect(try client.call("AUTH", "wrong").text?.hasPrefix("WRONGPASS") == true)
        #expect(try client.call("AUTH", "letmein") == .simple("OK"))
        #expect(try client.call("SEARCH", "limit:1").json != nil)

        let other = try running.client()
        #expect(try other.call("HELLO", "3", "AUTH", "default", "nope").text?.hasPrefix("WRONGPASS") == true)
        guard case .map = try other.call("HELLO", "3", "AUTH", "default", "letmein") else {
            Issue.record("HELLO 3 AUTH did not answer a map")
            return
        }
        #expect(try other.call("GET", "nobody:1") == .null)
    }

    @Test("HELLO 3 answers a map and switches to RESP3 (null is _); HELLO 2 back; bad version is NOPROTO")
    func hello() async throws {
        let running = try await RunningServer.start()
        defer { Task { await running.shutdown() } }
        let client = try running.client()
        guard case .array(let flat) = try client.call("HELLO") else { Issue.record("HELLO in RESP2 is not an array"); return }
        #expect(flat.count == 14)
        guard case .map(let facts) = try client.call("HELLO", "3", "SETNAME", "py") else { Issue.record("not a map"); return }
        let pairs = Dictionary(uniqueKeysWithValues: stride(from: 0, to: facts.count, by: 2).map { (facts[$0].text ?? "", facts[$0 + 1]) })
        #expect(pairs["server"] == .bulk(Array("creators".utf8)))
        #expect(pairs["proto"] == .integer(3))
        try client.send(raw: Array("*2\r\n$3\r\nGET\r\n$8\r\nnobody:1\r\n".utf8))
        #expect(try client.read() == .null)
        #expect(try client.call("COMMAND", "DOCS") == .map([]))
        #expect(try client.call("SEARCH", "limit:1").json != nil)
        #expect(try client.call("HELLO", "4").text?.hasPrefix("NOPROTO") == true)
        #expect(try client.call("HELLO", "2") != .null)
        #expect(try client.call("COMMAND", "DOCS") == .array([]))
    }

    @Test("QUIT answers OK and closes")
    func quit() async throws {
        let running = try await RunningServer.start()
        defer { Task { await running.shutdown() } }
        let client = try running.client()
        #expect(try client.call("QUIT") == .simple("OK"))
        #expect(client.isClosedByServer())
    }

    @Test("protocol errors are answered, close only that connection, and others go on", arguments: [
        "*2\r\n$3\r\nGET\r\n%3\r\nabc\r\n",     // not a bulk
        "*99999999\r\n",                        // too many arguments
        "*1\r\n$99999999999\r\n",               // bulk too long
        "*1\r\n$-5\r\n",                        // negative bulk length
        "*x\r\n",                               // not a number
    ])
    func protocolErrors(request: String) async throws {
        let running = try await RunningServer.start()
        defer { Task { await running.shutdown() } }
        let bystander = try running.client()
        #expect(try bystander.call("PING") == .simple("PONG"))
        let client = try running.client()
        try client.send(raw: Array(("PING\r\n" + request).utf8))
        #expect(try client.read() == .simple("PONG"))
        let error = try client.read()
        #expect(error.text?.hasPrefix("ERR Protocol error") == true, "\(error)")
        #expect(client.isClosedByServer())
        #expect(try bystander.call("PING") == .simple("PONG"))
    }

    @Test("an inline line over the limit is a protocol error")
    func longInline() async throws {
        var limits = ServerLimits.default
        limits.maxInlineLength = 1024
        let running = try await RunningServer.start(limits: limits)
        defer { Task { await running.shutdown() } }
        let client = try running.client()
        try client.send(raw: [UInt8](repeating: UInt8(ascii: "a"), count: 4096))
        #expect(try client.read() == .error("ERR Protocol error: too big inline request"))
        #expect(client.isClosedByServer())
    }

    @Test("a busy pool answers BUSY at once while PING goes on; a query over its time budget answers BUSY")
    func busy() async throws {
        var limits = ServerLimits.default
        limits.queryThreads = 1
        limits.maxQueuedQueries = 0
        let running = try await RunningServer.start(limits: limits)
        defer { Task { await running.shutdown() } }
        let gate = Gate()
        let blocker = Task { await running.service.pool.run { gate.wait(); return 1 } }
        while running.service.pool.pending < 1 { try await Task.sleep(for: .milliseconds(2)) }
        let client = try running.client()
        let start = ContinuousClock.now
        #expect(try client.call("PING") == .simple("PONG"))
        #expect(try client.call("GET", "nobody:1") == .null)
        #expect(try client.call("SEARCH", "limit:1").text?.hasPrefix("BUSY") == true)
        #expect(ContinuousClock.now - start < .seconds(2))
        gate.open()
        _ = await blocker.value
        #expect(try client.call("SEARCH", "limit:1").json != nil)

        var tight = ServerLimits.default
        tight.queryTimeLimit = .nanoseconds(1)
        let limited = try await RunningServer.start(limits: tight)
        defer { Task { await limited.shutdown() } }
        let reply = try limited.client().call("SEARCH", "sort:followers")
        #expect(reply.text?.hasPrefix("BUSY error at column 1: the query ran longer than") == true, "\(reply)")
    }

    @Test("connections beyond the cap are refused with an error; idle connections are closed")
    func connectionLimits() async throws {
        var limits = ServerLimits.default
        limits.maxConnections = 3
        limits.idleTimeout = .milliseconds(300)
        let running = try await RunningServer.start(limits: limits)
        defer { Task { await running.shutdown() } }
        let clients = try (0..<3).map { _ in try running.client() }
        for client in clients { #expect(try client.call("PING") == .simple("PONG")) }
        let extra = try running.client()
        #expect(try extra.read() == .error("ERR max number of clients reached"))
        #expect(extra.isClosedByServer())
        try await Task.sleep(for: .milliseconds(800))
        for client in clients { #expect(client.isClosedByServer()) }
        let fresh = try running.client()
        #expect(try fresh.call("PING") == .simple("PONG"))
    }

    @Test("RELOAD under queries from several connections: a new build is swapped in, no query fails")
    func reloadUnderLoad() async throws {
        let folder = TestScratch.folder("creators-reload-load")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let directory = IndexDirectory(path: folder + "/index")
        try ServerTestIndex.build(into: directory, seed: 1, count: 300)
        let running = try await RunningServer.start(directory: directory)
        defer { Task { await running.shutdown() } }
        let port = running.port
        let stop = Gate()
        let failures = Failures()
        let workers = (0..<4).map { worker in
            Thread.detachNewThreadWithResult {
                guard let client = try? RESPTestClient(port: port) else { failures.add("connect"); return 0 }
                var served = 0
                while !stop.isOpenNow() {
                    do {
                        let reply = try client.call("SEARCH", "sort:followers limit:5 offset:\(worker)")
                        if reply.json?["total"] == nil { failures.add("\(reply)") }
                        served += 1
                    } catch { failures.add("\(error)"); return served }
                }
                return served
            }
        }
        let control = try running.client()
        for (round, count) in [400, 500, 600].enumerated() {
            try ServerTestIndex.build(into: directory, seed: UInt64(10 + round), count: count)
            let reply = try #require(try control.call("RELOAD").json)
            #expect(reply["swapped"] as? Bool == true)
            #expect(reply["documents"] as? Int == count)
        }
        stop.open()
        let served = workers.map { $0.wait() }.reduce(0, +)
        #expect(failures.all.isEmpty, "\(failures.all.prefix(3))")
        #expect(served > 20)
        #expect(try #require(try control.call("SEARCH", "limit:1").json)["total"] as? Int == 600)
    }
}

/// Failure messages gathered from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func add(_ message: String) { lock.withLock { messages.append(message) } }
    var all: [String] { lock.withLock { messages } }
}

extension Thread {
    /// Runs `body` on a new thread; `wait()` returns its result.
    static func detachNewThreadWithResult(_ body: @escaping @Sendable () -> Int) -> ThreadResult {
        let result = ThreadResult()
        Thread.detachNewThread { result.set(body()) }
        return result
    }
}

final class ThreadResult: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Int?
    func set(_ value: Int) {
        condition.lock(); self.value = value; condition.broadcast(); condition.unlock()
    }
    func wait() -> Int {
        condition.lock(); defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value ?? 0
    }
}
