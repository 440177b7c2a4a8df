import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// The HTTP server beside the RESP one: the JSON API (`APIRoutes`), the web console's pages
/// (`AssetRoutes`), signing in (`LoginRoutes`), behind the password gate
/// (`ConsoleAuthentication`) and the security headers (`SecurityHeaders`), on Hummingbird 2.
/// It asks the same command service as RESP, so both answer from the same index, reloads
/// included.
public struct ConsoleHTTPServer: Sendable {
    public let configuration: ConsoleHTTPConfiguration
    let backend: any ConsoleBackend
    let logger: Logger
    let eventLoopGroup: (any EventLoopGroup)?

    /// `logger` defaults to warnings and above: Hummingbird's own "listening on" notice
    /// would otherwise go to standard output beside the line `creators serve` prints.
    /// `eventLoopGroup`: the RESP server's, to share its threads (default: NIO's singleton).
    public init(backend: any ConsoleBackend, configuration: ConsoleHTTPConfiguration,
                eventLoopGroup: (any EventLoopGroup)? = nil, logger: Logger = ConsoleHTTPServer.defaultLogger) {
        self.backend = backend
        self.configuration = configuration
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
    }

    /// A logger for `creators.http` at warning level.
    public static var defaultLogger: Logger {
        var logger = Logger(label: "creators.http")
        logger.logLevel = .warning
        return logger
    }

    /// The routes and middleware: security headers first (they go on every answer, refusals
    /// included), then the password gate, then login, API and asset routes.
    func router() -> Router<BasicRequestContext> {
        let sessions = SessionStore(lifetime: configuration.sessionLifetime)
        let router = Router()
        router.add(middleware: SecurityHeaders(checksHost: configuration.bindsLoopback))
        router.add(middleware: ConsoleAuthentication(password: configuration.password, sessions: sessions))
        LoginRoutes(password: configuration.password, sessions: sessions, configuration: configuration).add(to: router)
        APIRoutes(backend: backend, configuration: configuration).add(to: router)
        AssetRoutes().add(to: router)
        return router
    }

    /// Listens and serves until the task is cancelled; `onListening` gets the bound host and
    /// port once the socket is open (the port is the real one when 0 was asked for).
    public func run(onListening: @escaping @Sendable (_ host: String, _ port: Int) -> Void = { _, _ in }) async throws {
        let application = Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: TimeAmount(configuration.idleTimeout))),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: nil,
                availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections)),
            onServerRunning: { channel in
                let address = channel.localAddress
                onListening(address?.ipAddress ?? configuration.host, address?.port ?? configuration.port)
            },
            eventLoopGroupProvider: eventLoopGroup.map { .shared($0) } ?? .singleton,
            logger: logger)
        try await application.run()
    }

    /// Starts serving in a task of its own and returns once the socket listens (or throws
    /// what stopped it first, such as a port in use). `creators serve` uses this beside RESP.
    public func start() async throws -> Running {
        let (addresses, continuation) = AsyncThrowingStream.makeStream(of: String.self)
        let task = Task {
            do {
                try await run { host, port in continuation.yield(host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)") }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        do {
            for try await address in addresses { return Running(address: address, task: task) }
        } catch {
            task.cancel()
            throw error
        }
        throw ConsoleHTTPServerError(message: "the HTTP server stopped before it listened on port \(configuration.port)")
    }

    /// A started server: where it listens, and how to stop it.
    public struct Running: Sendable {
        /// `host:port` it listens on.
        public let address: String
        let task: Task<Void, Never>

        /// Stops accepting, finishes the requests in flight, and returns when it has stopped.
        public func stop() async {
            task.cancel()
            await task.value
        }
    }
}

/// Why the HTTP server could not start.
public struct ConsoleHTTPServerError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
