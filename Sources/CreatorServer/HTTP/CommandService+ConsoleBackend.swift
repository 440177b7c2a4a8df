import CreatorEngine

/// The HTTP API asks the same `CommandService` as RESP: the slow commands run on its bounded
/// pool (`pooled`, `-BUSY` → 503 when the queue is full), lookups run in place, and every
/// call is counted in the server's statistics under the command's name, as on RESP.
extension CommandService: ConsoleBackend {
    public func search(_ query: String) async -> ConsoleReply {
        await timed("SEARCH") { await pooled { $0.search(query) } }
    }

    public func explain(_ query: String) async -> ConsoleReply {
        await timed("EXPLAIN") { await pooled { $0.explain(query) } }
    }

    public func match(_ briefJSON: [UInt8]) async -> ConsoleReply {
        await timed("MATCH") { await pooled { $0.match(briefJSON) } }
    }

    public func get(_ reference: String) async -> ConsoleReply {
        await timed("GET", reference: reference) { get(reference) }
    }

    /// RISK answers an error for an unknown creator (as the command line does); over HTTP
    /// that is a 404 like GET's.
    public func risk(_ reference: String) async -> ConsoleReply {
        await timed("RISK", reference: reference) {
            let reply = risk(reference)
            if let failure = reply.failure, failure.message == CreatorIndex.unknownCreatorMessage(reference) { return .null }
            return reply
        }
    }

    public func overlap(_ references: [String]) async -> ConsoleReply {
        await timed("OVERLAP") { await pooled { $0.overlap(references) } }
    }

    public func stats() async -> ConsoleReply {
        await timed("STATS") { stats() }
    }

    private func timed(_ command: String, reference: String = "", _ run: () async -> CommandReply) async -> ConsoleReply {
        let started = ContinuousClock.now
        let reply = await run()
        statistics.record(command: command, duration: ContinuousClock.now - started, failed: reply.failure != nil)
        return ConsoleReply(reply, notFoundMessage: CreatorIndex.unknownCreatorMessage(reference))
    }
}

extension ConsoleReply {
    /// A command's reply as HTTP sees it: a JSON bulk is a document; null an unknown creator;
    /// an error keeps its code and the command line's full text (`detail`, with the caret
    /// line for a query) when it has one.
    init(_ reply: CommandReply, notFoundMessage: String) {
        switch reply {
        case .bulk(let json):
            self = .document(json)
        case .null:
            self = .notFound(notFoundMessage)
        case .error(let error):
            self = .failure(code: error.code, message: error.detail ?? error.message)
        case .simple(let text):
            var writer = JSONWriter()
            writer.value(text)
            self = .document(writer.bytes)
        case .integer(let value):
            self = .document(Array(String(value).utf8))
        case .array, .map:
            self = .failure(code: "ERR", message: "this command has no JSON document")
        }
    }
}

extension ConsoleHTTPConfiguration {
    /// The HTTP side of `creators serve`: its host, `--http-port`, password and limits (a
    /// request body at most one bulk string, a request target at most one inline command).
    public init(_ server: ServerConfiguration, port: Int) {
        self.init(host: server.host, port: port, password: server.password,
                  maxBodyBytes: server.limits.maxBulkLength, maxTargetBytes: server.limits.maxInlineLength,
                  maxConnections: server.limits.maxConnections, idleTimeout: server.limits.idleTimeout)
    }
}
