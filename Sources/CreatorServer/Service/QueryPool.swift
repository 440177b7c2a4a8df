import NIOCore
import NIOPosix
import Synchronization

/// The bounded pool slow commands run on (SEARCH, EXPLAIN, MATCH, OVERLAP, RELOAD), so they
/// never run on an event loop: a long query holds one worker, and every connection's PING
/// and GET go on being answered.
///
/// At most `maxQueued` commands wait for a worker (over all connections); beyond that
/// `submit` refuses at once and the caller answers `-BUSY`, so a flood of queries cannot
/// queue without bound. Usable from NIO handlers (`submit(on:)`, a future) and from async
/// code such as Hummingbird's handlers (`run`).
public final class QueryPool: Sendable {
    public let threadCount: Int
    public let maxQueued: Int
    private let threads: NIOThreadPool
    /// Commands submitted and not yet finished (running or waiting).
    private let inFlight = Atomic<Int>(0)

    public init(threadCount: Int, maxQueued: Int) {
        self.threadCount = max(1, threadCount)
        self.maxQueued = max(0, maxQueued)
        threads = NIOThreadPool(numberOfThreads: self.threadCount)
        threads.start()
    }

    /// Commands running or waiting right now.
    public var pending: Int { inFlight.load(ordering: .relaxed) }

    /// The message of the `-BUSY` reply when the queue is full.
    public static let fullMessage = "the server is busy: too many queries are waiting; try again shortly"

    /// Runs `work` on a worker and completes the future on `eventLoop`; nil when the queue
    /// is full (nothing was started).
    public func submit<Value: Sendable>(on eventLoop: any EventLoop,
                                        _ work: @escaping @Sendable () -> Value) -> EventLoopFuture<Value>? {
        guard reserve() else { return nil }
        let promise = eventLoop.makePromise(of: Value.self)
        threads.submit { [self] state in
            defer { self.inFlight.subtract(1, ordering: .relaxed) }
            guard case .active = state else {
                promise.fail(ChannelError.ioOnClosedChannel)
                return
            }
            promise.succeed(work())
        }
        return promise.futureResult
    }

    /// Runs `work` on a worker; nil when the queue is full.
    public func run<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value? {
        guard reserve() else { return nil }
        defer { inFlight.subtract(1, ordering: .relaxed) }
        return try? await threads.runIfActive(work)
    }

    public func shutdown() async {
        try? await threads.shutdownGracefully()
    }

    public func syncShutdown() {
        try? threads.syncShutdownGracefully()
    }

    private func reserve() -> Bool {
        let limit = threadCount + maxQueued
        while true {
            let value = inFlight.load(ordering: .relaxed)
            guard value < limit else { return false }
            if inFlight.compareExchange(expected: value, desired: value + 1, ordering: .relaxed).exchanged { return true }
        }
    }
}
