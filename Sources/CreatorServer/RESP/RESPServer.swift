import Logging
import NIOCore
import NIOPosix
import Synchronization

/// The RESP listener: binds, sets up each connection's pipeline, enforces the connection cap,
/// and stops cleanly.
///
/// Pipeline per connection: `ByteToMessageHandler(RESPDecoder)` (framing with limits) →
/// `RESPConnectionHandler` (commands, order, backpressure, idle timeout). The
/// channel's write-buffer watermarks are `maxPendingRepliesBytes / 2 ... maxPendingRepliesBytes`.
public final class RESPServer: Sendable {
    public let service: CommandService
    private let group: any EventLoopGroup
    /// Whether `group` was made here (and is shut down by `shutdown`).
    private let ownsGroup: Bool
    private let logger: Logger
    private let serverChannel = Mutex<(any Channel)?>(nil)
    private let nextConnectionID = Atomic<Int>(1)

    /// A server on `group`, or on event loops of its own (one per core) when nil.
    public init(service: CommandService, group: (any EventLoopGroup)? = nil,
                logger: Logger = Logger(label: "creators.serve")) {
        self.service = service
        self.group = group ?? MultiThreadedEventLoopGroup(numberOfThreads: service.configuration.limits.effectiveEventLoopThreads)
        ownsGroup = group == nil
        self.logger = logger
    }

    /// The port listened on (after `start`), 0 before.
    public var port: Int { serverChannel.withLock { $0?.localAddress?.port } ?? 0 }

    /// Stops accepting, closes every connection (when the event loops are this server's own)
    /// and stops the query pool.
    public func shutdown() async {
        await stop()
        if ownsGroup { try? await group.shutdownGracefully() }
        await service.pool.shutdown()
    }

    /// Binds and starts accepting; returns the address bound (with the port the system
    /// picked when the configuration asks for port 0).
    public func start() async throws -> SocketAddress {
        let configuration = service.configuration
        let limits = configuration.limits
        let service = self.service
        let logger = self.logger
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(.writeBufferWaterMark,
                                value: .init(low: max(1, limits.maxPendingRepliesBytes / 2), high: max(2, limits.maxPendingRepliesBytes)))
            .childChannelInitializer { [self] channel in
                let open = service.statistics.connectionOpened()
                channel.closeFuture.whenComplete { _ in service.statistics.connectionClosed() }
                guard open <= limits.maxConnections else {
                    service.statistics.connectionRefused()
                    logger.notice("refusing a connection: \(limits.maxConnections) are open")
                    return channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(RefusingHandler())
                    }
                }
                let id = nextConnectionID.wrappingAdd(1, ordering: .relaxed).oldValue
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(RESPDecoder(limits: limits),
                                             maximumBufferSize: limits.maxRequestLength + limits.maxArguments * RESPDecoder.maxHeaderLength * 2
                                                + limits.maxInlineLength),
                        RESPConnectionHandler(service: service, connectionID: id, idleTimeout: TimeAmount(limits.idleTimeout),
                                              logger: logger),
                    ])
                }
            }
            .bind(host: configuration.host, port: configuration.port)
            .get()
        serverChannel.withLock { $0 = channel }
        guard let address = channel.localAddress else { throw ChannelError.unknownLocalAddress }
        return address
    }

    /// Stops accepting. Open connections close when the caller shuts the event loops down.
    public func stop() async {
        let channel = serverChannel.withLock { $0 }
        try? await channel?.close()
    }

    /// Completes when the listening socket has closed (after `stop`).
    public func waitUntilClosed() async {
        let channel = serverChannel.withLock { $0 }
        try? await channel?.closeFuture.get()
    }
}

extension TimeAmount {
    /// A Swift `Duration` as NIO's time amount (nanosecond precision).
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

/// The whole pipeline of a connection over the cap: answers the error once the connection
/// is active, then closes it.
final class RefusingHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    func channelActive(context: ChannelHandlerContext) {
        var refusal = context.channel.allocator.buffer(capacity: 64)
        RESPEncoder.write(.error(CommandError("max number of clients reached")), version: .resp2, into: &refusal)
        context.writeAndFlush(wrapOutboundOut(refusal)).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}
