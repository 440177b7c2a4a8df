import CreatorEngine

/// The commands of the query protocol (`protocol.md`), independent of the transport: the
/// RESP server and the HTTP server both call these, so a command answers the same document
/// on both. Each call takes the serving index once and finishes on it (see `IndexHolder`).
///
/// The slow commands (`search`, `explain`, `match`, `overlap`, `reload`) must not run on an
/// event loop: run them on `pool` (`QueryPool.submit(on:)` or `pooled(_:)`).
public final class CommandService: Sendable {
    public let holder: IndexHolder
    public let configuration: ServerConfiguration
    public let statistics: ServerStatistics
    public let pool: QueryPool

    public init(holder: IndexHolder, configuration: ServerConfiguration, statistics: ServerStatistics) {
        self.holder = holder
        self.configuration = configuration
        self.statistics = statistics
        pool = QueryPool(threadCount: configuration.limits.effectiveQueryThreads,
                         maxQueued: configuration.limits.maxQueuedQueries)
    }

    // MARK: - Authentication

    /// Whether clients must authenticate before most commands.
    public var requiresPassword: Bool { configuration.password != nil }

    /// Checks a password in constant time for equal lengths.
    public func accepts(password: String) -> Bool {
        guard let expected = configuration.password else { return true }
        let given = Array(password.utf8), wanted = Array(expected.utf8)
        var difference = given.count ^ wanted.count
        for position in 0..<min(given.count, wanted.count) { difference |= Int(given[position] ^ wanted[position]) }
        return difference == 0
    }

    // MARK: - Queries (slow: run on the pool)

    /// SEARCH: the hits document (`{"total", "took_ms", "hits": [...]}`).
    public func search(_ query: String) -> CommandReply {
        let serving = holder.current
        do {
            return .bulk(serving.searcher.json(try serving.searcher.search(query)))
        } catch {
            return .error(Self.failure(error))
        }
    }

    /// EXPLAIN: the parse tree, the plan, and the hits with their score parts.
    public func explain(_ query: String) -> CommandReply {
        let serving = holder.current
        do {
            return .bulk(serving.searcher.json(try serving.searcher.explain(query)))
        } catch {
            return .error(Self.failure(error))
        }
    }

    /// MATCH: the shortlist for a brief (`docs/matching.md`); a brief that does not parse is
    /// an ERR naming the field, as `creators match` prints it.
    public func match(_ briefJSON: [UInt8]) -> CommandReply {
        let brief: Brief
        do {
            brief = try Brief.parse(briefJSON)
        } catch {
            return .error(CommandError(error.description))
        }
        let serving = holder.current
        do {
            return .bulk(try serving.matcher.match(brief).json)
        } catch let error as QueryError {
            return .error(Self.failure(error))
        } catch {
            return .error(CommandError("\(error)"))
        }
    }

    /// OVERLAP: for a set of creators (ids or @handles naming one creator each), total and
    /// estimated unique reach, each one's unique and overlapping share, and the asymmetric
    /// pairwise matrix (`AudienceOverlapSet`).
    public func overlap(_ references: [String]) -> CommandReply {
        guard references.count >= 2 else { return .error(.wrongArguments("OVERLAP")) }
        let index = holder.current.index
        var documents: [Int] = []
        for reference in references {
            let found = index.resolve(reference)
            switch found.count {
            case 0: return .error(CommandError(CreatorIndex.unknownCreatorMessage(reference)))
            case 1: documents.append(found[0])
            default:
                let ids = found.map { index.id(of: $0) }.joined(separator: ", ")
                return .error(CommandError("'\(reference)' names several creators (\(ids)); give one id"))
            }
        }
        return .bulk(AudienceOverlapSet(index: index, documents: documents).json)
    }

    // MARK: - Lookups (fast: fine on an event loop)

    /// GET: the stored profile with its tier and risk report; null when the reference names
    /// no creator; a JSON array when a handle names several (one per platform).
    public func get(_ reference: String) -> CommandReply {
        let serving = holder.current
        let index = serving.index
        let documents = index.resolve(reference)
        func profile(_ document: Int) throws -> [UInt8] {
            try serving.documents.document(document, kind: .profile) { try index.profileDocument(of: document) }
        }
        do {
            switch documents.count {
            case 0: return .null
            case 1: return .bulk(try profile(documents[0]))
            default: return .bulk(Self.array(try documents.map(profile)))
            }
        } catch {
            return .error(CommandError("cannot read the profile of '\(reference)': \(error)"))
        }
    }

    /// RISK: `{"id", "handle", "risk": {level, score, flags, findings…}}`; an array when a
    /// handle names several creators; an error when it names none (as the command line).
    public func risk(_ reference: String) -> CommandReply {
        let serving = holder.current
        let index = serving.index
        let documents = index.resolve(reference)
        func report(_ document: Int) -> [UInt8] {
            serving.documents.document(document, kind: .risk) { index.riskDocument(of: document) }
        }
        switch documents.count {
        case 0: return .error(CommandError(CreatorIndex.unknownCreatorMessage(reference)))
        case 1: return .bulk(report(documents[0]))
        default: return .bulk(Self.array(documents.map(report)))
        }
    }

    /// STATS / INFO: `{"index": creators stats --json, "serving": {generation, path},
    /// "server": connections, commands, errors, latency percentiles per command}`.
    public func stats() -> CommandReply {
        let serving = holder.current
        var json = JSONWriter(reservingCapacity: serving.statisticsJSON.count + 2048)
        json.beginObject()
        json.key("index"); json.raw(serving.statisticsJSON)
        json.key("serving")
        json.beginObject()
        json.key("generation"); json.value(serving.generation)
        json.key("path"); json.value(serving.path)
        json.key("query_threads"); json.value(pool.threadCount)
        json.key("queries_pending"); json.value(pool.pending)
        let cached = serving.documents.usage
        json.key("cached_documents"); json.value(cached.documents)
        json.key("cached_bytes"); json.value(cached.bytes)
        json.endObject()
        json.key("server"); statistics.write(to: &json)
        json.endObject()
        return .bulk(json.bytes)
    }

    // MARK: - RELOAD (slow: run on the pool)

    /// Swaps in the newest completed index; on failure the current one keeps serving and
    /// the reply is an error naming both.
    public func reload() -> CommandReply {
        do {
            let outcome = try holder.reload()
            var json = JSONWriter()
            json.beginObject()
            json.key("swapped"); json.value(outcome.swapped)
            json.key("generation"); json.value(outcome.serving.generation)
            json.key("path"); json.value(outcome.serving.path)
            json.key("documents"); json.value(outcome.serving.index.documentCount)
            json.endObject()
            return .bulk(json.bytes)
        } catch {
            return .error(CommandError("RELOAD failed, still serving \(holder.current.path): \(error)"))
        }
    }

    // MARK: - Running on the pool

    /// Runs a slow command on the pool from async code (Hummingbird); `-BUSY` when the
    /// pool's queue is full.
    public func pooled(_ command: @escaping @Sendable (CommandService) -> CommandReply) async -> CommandReply {
        await pool.run { [self] in command(self) } ?? .error(.busy(QueryPool.fullMessage))
    }

    // MARK: - Helpers

    /// A query error as the command line shows it: one line for RESP, the full rendering
    /// with carets and hint as `detail`. A query stopped by the time limit answers `BUSY`.
    static func failure(_ error: QueryError) -> CommandError {
        let line = "error at column \(error.column): \(error.message)" + (error.hint.map { "; hint: " + $0 } ?? "")
        return CommandError(code: error.kind == .timeLimit ? "BUSY" : "ERR", line, detail: error.detailedDescription)
    }

    static func array(_ documents: [[UInt8]]) -> [UInt8] {
        var json = JSONWriter()
        json.beginArray()
        for document in documents { json.raw(document) }
        json.endArray()
        return json.bytes
    }
}
