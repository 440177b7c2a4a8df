import Logging
import NIOCore

/// Runs the commands of one RESP connection in order and writes their replies in order.
///
/// Cheap commands are answered on the event loop; slow ones (`RESPSession.Action.pooled`)
/// run on the service's `QueryPool`. While one runs, or while the client is not reading its
/// replies (the channel is above its write-buffer high watermark), later commands wait in a
/// queue and the handler stops asking the socket for more bytes (it holds back `read`), so
/// neither pipelining nor a slow reader can grow memory past a read's worth of requests and
/// the watermark. Replies of a batch of pipelined commands are gathered and written with
/// one flush when the batch has been read.
///
/// A protocol error is answered (after the replies before it) and closes the connection, as
/// do QUIT and the idle timeout: a connection that sent nothing and received no reply for
/// `idleTimeout` (its own timer, cheaper than `IdleStateHandler`, which wraps every write
/// in a promise).
final class RESPConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = RESPCommand
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum Waiting {
        case command(RESPCommand)
        case protocolError(RESPProtocolError)
    }

    /// Gathered replies are written out once they reach this many bytes, so writability
    /// (and therefore backpressure) sees them before the batch ends.
    private static let gatherLimit = 64 * 1024

    private let service: CommandService
    private let logger: Logger
    private var session: RESPSession
    private var waiting = CircularBuffer<Waiting>(initialCapacity: 4)
    private var output = ByteBuffer()
    private var isRunningPooled = false
    private var isClosing = false
    private var heldRead = false
    /// The client shut its sending side (`nc` after its input): answer what was sent, then close.
    private var inputClosed = false

    /// Commands served since the last flush of statistics (once per read batch).
    private var samples: [ServerStatistics.Sample] = []
    /// When the previous command of the current read batch finished: the next one's start,
    /// so a pipelined command costs one clock reading, not two.
    private var batchInstant: ContinuousClock.Instant?

    private let idleTimeout: TimeAmount
    private var lastActivity = NIODeadline.now()
    private var idleCheck: Scheduled<Void>?

    init(service: CommandService, connectionID: Int, idleTimeout: TimeAmount, logger: Logger) {
        self.service = service
        self.idleTimeout = idleTimeout
        self.logger = logger
        session = RESPSession(connectionID: connectionID, requiresPassword: service.requiresPassword)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        output = context.channel.allocator.buffer(capacity: 512)
        scheduleIdleCheck(context: context, in: idleTimeout)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        idleCheck?.cancel()
        idleCheck = nil
    }

    /// Closes the connection when nothing happened on it for `idleTimeout`, else checks again
    /// when it could next have been idle that long.
    private func scheduleIdleCheck(context: ChannelHandlerContext, in delay: TimeAmount) {
        idleCheck = context.eventLoop.assumeIsolated().scheduleTask(in: delay) {
            guard !self.isClosing else { return }
            let idle = NIODeadline.now() - self.lastActivity
            if idle >= self.idleTimeout, !self.isRunningPooled {
                self.logger.debug("closing an idle connection", metadata: ["connection": "\(self.session.connectionID)"])
                self.isClosing = true
                context.close(promise: nil)
            } else {
                self.scheduleIdleCheck(context: context, in: max(.milliseconds(1), self.idleTimeout - idle))
            }
        }
    }

    // MARK: - Inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !isClosing else { return }
        let command = unwrapInboundIn(data)
        if isPaused(context) || !waiting.isEmpty {
            waiting.append(.command(command))
        } else {
            run(command, context: context)
        }
    }

    /// A closed connection takes no more replies (a pooled query may still finish later).
    func channelInactive(context: ChannelHandlerContext) {
        isClosing = true
        waiting.removeAll()
        flushStatistics()
        idleCheck?.cancel()
        idleCheck = nil
        context.fireChannelInactive()
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        lastActivity = .now()
        batchInstant = nil
        flushStatistics()
        flushOutput(context: context)
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        guard !isClosing else { return }
        let failure: RESPProtocolError
        switch error {
        case let protocolError as RESPProtocolError:
            failure = protocolError
        case is ByteToMessageDecoderError.PayloadTooLargeError:
            failure = RESPProtocolError("request too large")
        case ByteToMessageDecoderError.dataReceivedInErrorState:
            return  // the first error is already being answered
        default:
            logger.debug("connection error", metadata: ["error": "\(error)"])
            isClosing = true
            context.close(promise: nil)
            return
        }
        if isPaused(context) || !waiting.isEmpty {
            waiting.append(.protocolError(failure))
        } else {
            fail(failure, context: context)
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { proceed(context: context) }
        context.fireChannelWritabilityChanged()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event {
            inputClosed = true
            closeIfDone(context: context)
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// After the client's half-close, closes once every command it sent is answered.
    private func closeIfDone(context: ChannelHandlerContext) {
        if inputClosed, !isClosing, !isRunningPooled, waiting.isEmpty { close(context: context) }
    }

    // MARK: - Outbound

    /// Holds back reading while commands wait, so a client cannot queue without bound.
    func read(context: ChannelHandlerContext) {
        if isPaused(context) || !waiting.isEmpty || isClosing {
            heldRead = true
        } else {
            context.read()
        }
    }

    // MARK: - Running commands

    private func isPaused(_ context: ChannelHandlerContext) -> Bool {
        isRunningPooled || !context.channel.isWritable
    }

    private func run(_ command: RESPCommand, context: ChannelHandlerContext) {
        let name = command.name
        let start = batchInstant ?? ContinuousClock.now
        switch session.handle(command, name: name, service: service) {
        case .reply(let reply):
            append(reply, context: context)
            record(name, since: start, reply: reply)
        case .replyAndClose(let reply):
            append(reply, context: context)
            record(name, since: start, reply: reply)
            close(context: context)
        case .pooled(let work):
            flushOutput(context: context)
            let service = self.service
            guard let future = service.pool.submit(on: context.eventLoop, { work(service) }) else {
                let busy = CommandReply.error(.busy(QueryPool.fullMessage))
                append(busy, context: context)
                record(name, since: start, reply: busy)
                return
            }
            isRunningPooled = true
            future.assumeIsolated().whenComplete { result in
                self.isRunningPooled = false
                self.lastActivity = .now()
                let reply: CommandReply
                switch result {
                case .success(let value): reply = value
                case .failure: reply = .error(.busy("the server is shutting down"))
                }
                self.record(name, since: start, reply: reply)
                self.flushStatistics()
                guard !self.isClosing else { return }
                self.append(reply, context: context)
                self.proceed(context: context)
                self.batchInstant = nil
                self.flushStatistics()
            }
        }
    }

    /// Runs what waited while the connection was paused, writes the replies, and reads on.
    private func proceed(context: ChannelHandlerContext) {
        while !isClosing, !isPaused(context), let next = waiting.popFirst() {
            switch next {
            case .command(let command): run(command, context: context)
            case .protocolError(let error): fail(error, context: context)
            }
        }
        flushOutput(context: context)
        closeIfDone(context: context)
        if heldRead, !isClosing, !isPaused(context), waiting.isEmpty {
            heldRead = false
            context.read()
        }
    }

    private func append(_ reply: CommandReply, context: ChannelHandlerContext) {
        RESPEncoder.write(reply, version: session.version, into: &output)
        if output.readableBytes >= Self.gatherLimit { flushOutput(context: context) }
    }

    private func flushOutput(context: ChannelHandlerContext) {
        guard output.readableBytes > 0 else { return }
        let gathered = output
        output = context.channel.allocator.buffer(capacity: 512)
        context.writeAndFlush(wrapOutboundOut(gathered), promise: nil)
    }

    private func fail(_ error: RESPProtocolError, context: ChannelHandlerContext) {
        service.statistics.protocolError()
        logger.debug("protocol error", metadata: ["connection": "\(session.connectionID)", "error": "\(error)"])
        append(.error(CommandError(error.description)), context: context)
        close(context: context)
    }

    /// Writes what is gathered, then closes once it is sent.
    private func close(context: ChannelHandlerContext) {
        isClosing = true
        let gathered = output
        output = context.channel.allocator.buffer(capacity: 0)
        context.writeAndFlush(wrapOutboundOut(gathered)).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    private func flushStatistics() {
        guard !samples.isEmpty else { return }
        service.statistics.record(samples)
        samples.removeAll(keepingCapacity: true)
    }

    private func record(_ name: String, since start: ContinuousClock.Instant, reply: CommandReply) {
        let end = ContinuousClock.now
        batchInstant = end
        samples.append(ServerStatistics.Sample(command: RESPSession.statisticsName(name),
                                               microseconds: ServerStatistics.microseconds(end - start),
                                               failed: reply.failure != nil))
        if samples.count >= 256 { flushStatistics() }
    }
}
