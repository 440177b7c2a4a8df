import NIOCore

/// How far one client may go before the server refuses it. Every limit is a `creators serve`
/// option; the defaults (`ServerLimits.default`) are documented in docs/server.md.
///
/// Protocol limits (line, bulk, arguments, request) answer a protocol error and close that
/// connection, like Redis; the query limits answer `-BUSY` and keep the connection.
public struct ServerLimits: Sendable, Equatable {
    /// Longest inline command line, in bytes (Redis: 64 KiB).
    public var maxInlineLength: Int
    /// Longest single bulk string (one argument), in bytes.
    public var maxBulkLength: Int
    /// Most arguments in one command, the name included.
    public var maxArguments: Int
    /// Most bytes of all arguments of one command together.
    public var maxRequestLength: Int
    /// A search (SEARCH, EXPLAIN, MATCH) running longer is stopped and answered `-BUSY`.
    public var queryTimeLimit: Duration
    /// A connection that neither sends nor receives anything for this long is closed.
    public var idleTimeout: Duration
    /// Connections beyond this many are answered an error and closed at once.
    public var maxConnections: Int
    /// Replies waiting to be read by one client, in bytes, above which the server stops
    /// reading that client's commands until it catches up (the write-buffer high watermark).
    public var maxPendingRepliesBytes: Int
    /// Slow commands waiting for a worker, over all connections, beyond which they are answered `-BUSY`.
    public var maxQueuedQueries: Int
    /// Worker threads for slow commands; 0 means one per core.
    public var queryThreads: Int
    /// Bytes of GET/RISK documents kept for creators asked for again (0: no cache).
    public var documentCacheBytes: Int
    /// Event loop threads (framing, cheap commands, replies); 0 means one per core.
    public var eventLoopThreads: Int

    public init(maxInlineLength: Int = 64 * 1024,
                maxBulkLength: Int = 1024 * 1024,
                maxArguments: Int = 1024,
                maxRequestLength: Int = 4 * 1024 * 1024,
                queryTimeLimit: Duration = .seconds(2),
                idleTimeout: Duration = .seconds(300),
                maxConnections: Int = 4096,
                maxPendingRepliesBytes: Int = 1024 * 1024,
                maxQueuedQueries: Int = 256,
                queryThreads: Int = 0,
                documentCacheBytes: Int = 32 * 1024 * 1024,
                eventLoopThreads: Int = 0) {
        self.maxInlineLength = maxInlineLength
        self.maxBulkLength = maxBulkLength
        self.maxArguments = maxArguments
        self.maxRequestLength = maxRequestLength
        self.queryTimeLimit = queryTimeLimit
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.maxPendingRepliesBytes = maxPendingRepliesBytes
        self.maxQueuedQueries = maxQueuedQueries
        self.queryThreads = queryThreads
        self.documentCacheBytes = documentCacheBytes
        self.eventLoopThreads = eventLoopThreads
    }

    /// The documented defaults.
    public static let `default` = ServerLimits()

    /// The worker count to use: `queryThreads`, or the number of cores when 0.
    public var effectiveQueryThreads: Int {
        queryThreads > 0 ? queryThreads : max(1, System.coreCount)
    }

    /// The event loop count to use: `eventLoopThreads`, or the number of cores when 0.
    public var effectiveEventLoopThreads: Int {
        eventLoopThreads > 0 ? eventLoopThreads : max(1, System.coreCount)
    }
}
