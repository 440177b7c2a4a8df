import ArgumentParser
import CreatorEngine
import CreatorServer
import Foundation

/// `creators serve`: the query server on the Redis protocol (docs/server.md).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve queries over the Redis protocol (RESP2/RESP3): redis-cli, redis-py and any Redis client work.",
        discussion: """
            Listens on 127.0.0.1:\(ServerDefaults.respPort) unless told otherwise; --port 0 picks a free port. \
            When ready it prints one line, `listening on HOST:PORT`, on stdout (with --http-port, then \
            `http listening on HOST:PORT` for the JSON API and web console). Commands: PING, SEARCH, EXPLAIN, \
            MATCH, GET, RISK, OVERLAP, STATS, RELOAD, AUTH, QUIT, HELLO (see docs/server.md). \
            SIGINT or SIGTERM stops it cleanly.
            """
    )

    @OptionGroup var location: IndexLocation

    @Option(name: .long, help: "Address to listen on (loopback by default; 0.0.0.0 for every interface).")
    var host: String = ServerDefaults.host

    @Option(name: .long, help: "RESP port (0 picks a free one).")
    var port: Int = ServerDefaults.respPort

    @Option(name: .long, help: "Also serve the JSON API and web console over HTTP on this port (0 picks a free one; docs/console.md).")
    var httpPort: Int?

    @Option(name: .long, help: "Require AUTH <password> before any command but PING, QUIT and AUTH (visible to `ps`: prefer --password-file or CREATORS_PASSWORD).")
    var password: String?

    @Option(name: .long, help: "Read the password from this file's first line, so it never shows on a command line.")
    var passwordFile: String?

    /// The password from `--password`, `--password-file` or the `CREATORS_PASSWORD`
    /// environment variable, in that order; nil when none is set (no AUTH).
    func resolvedPassword() throws -> String? {
        if let password { return password }
        if let passwordFile {
            guard let text = try? String(contentsOfFile: passwordFile, encoding: .utf8) else {
                throw ValidationError("cannot read --password-file \(passwordFile)")
            }
            let line = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let trimmed = line.hasSuffix("\r") ? String(line.dropLast()) : line
            guard !trimmed.isEmpty else { throw ValidationError("--password-file \(passwordFile) holds no password on its first line") }
            return trimmed
        }
        if let environment = ProcessInfo.processInfo.environment["CREATORS_PASSWORD"], !environment.isEmpty {
            return environment
        }
        return nil
    }

    @OptionGroup var limits: ServeLimitOptions

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if password != nil && passwordFile != nil { throw ValidationError("give --password or --password-file, not both") }
        if let httpPort, !(0...65535).contains(httpPort) { throw ValidationError("--http-port must be between 0 and 65535") }
        guard ServeLimitOptions.logLevels.contains(logLevel) else {
            throw ValidationError("--log-level must be one of \(ServeLimitOptions.logLevels.joined(separator: ", "))")
        }
    }

    func run() async throws {
        let index = try location.open()
        let configuration = ServerConfiguration(host: host, port: port, httpPort: httpPort, password: try resolvedPassword(),
                                                indexDirectory: location.directory, limits: try limits.serverLimits())
        try await ServerProcess.run(configuration: configuration, index: index, logLevel: .init(rawValue: logLevel) ?? .info) { address in
            print("listening on \(address)")
            fflush(nil)  // every stream: stdout is a pipe in tests, fully buffered
        } httpListening: { address in
            print("http listening on \(address)")
            fflush(nil)
        }
    }
}

/// The `serve` options for the server's self-protection limits (defaults: `ServerLimits.default`).
struct ServeLimitOptions: ParsableArguments {
    static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
    private static let defaults = ServerLimits.default

    @Option(name: .long, help: "Longest inline command line, in bytes.")
    var maxInlineBytes: Int = defaults.maxInlineLength

    @Option(name: .long, help: "Longest argument (bulk string), in bytes.")
    var maxBulkBytes: Int = defaults.maxBulkLength

    @Option(name: .long, help: "Most arguments in one command.")
    var maxArguments: Int = defaults.maxArguments

    @Option(name: .long, help: "Most bytes of all arguments of one command.")
    var maxRequestBytes: Int = defaults.maxRequestLength

    @Option(name: .long, help: "Time budget of one query, in milliseconds (then -BUSY).")
    var queryTimeLimitMs: Int = Int(defaults.queryTimeLimit.components.seconds * 1000)

    @Option(name: .long, help: "Close connections idle this many seconds.")
    var idleTimeout: Int = Int(defaults.idleTimeout.components.seconds)

    @Option(name: .long, help: "Most open connections; more are answered an error and closed.")
    var maxConnections: Int = defaults.maxConnections

    @Option(name: .long, help: "Unread reply bytes per connection above which its commands are no longer read.")
    var maxPendingReplyBytes: Int = defaults.maxPendingRepliesBytes

    @Option(name: .long, help: "Queries waiting for a worker (all connections) beyond which -BUSY is answered.")
    var maxQueuedQueries: Int = defaults.maxQueuedQueries

    @Option(name: .long, help: "Worker threads for queries (0: one per core).")
    var queryThreads: Int = defaults.queryThreads

    @Option(name: .long, help: "Event loop threads for connections (0: one per core).")
    var eventLoops: Int = defaults.eventLoopThreads

    @Option(name: .long, help: "Bytes of GET/RISK documents kept for creators asked for again (0: no cache).")
    var documentCacheBytes: Int = defaults.documentCacheBytes

    func serverLimits() throws -> ServerLimits {
        let positive = [("--max-inline-bytes", maxInlineBytes), ("--max-bulk-bytes", maxBulkBytes),
                        ("--max-arguments", maxArguments), ("--max-request-bytes", maxRequestBytes),
                        ("--query-time-limit-ms", queryTimeLimitMs), ("--idle-timeout", idleTimeout),
                        ("--max-connections", maxConnections), ("--max-pending-reply-bytes", maxPendingReplyBytes)]
        for (name, value) in positive where value <= 0 { throw ValidationError("\(name) must be positive") }
        guard maxQueuedQueries >= 0, queryThreads >= 0, eventLoops >= 0, documentCacheBytes >= 0 else {
            throw ValidationError("--max-queued-queries, --query-threads, --event-loops and --document-cache-bytes cannot be negative")
        }
        return ServerLimits(maxInlineLength: maxInlineBytes, maxBulkLength: maxBulkBytes, maxArguments: maxArguments,
                            maxRequestLength: maxRequestBytes, queryTimeLimit: .milliseconds(queryTimeLimitMs),
                            idleTimeout: .seconds(idleTimeout), maxConnections: maxConnections,
                            maxPendingRepliesBytes: maxPendingReplyBytes, maxQueuedQueries: maxQueuedQueries,
                            queryThreads: queryThreads, documentCacheBytes: documentCacheBytes,
                            eventLoopThreads: eventLoops)
    }
}
