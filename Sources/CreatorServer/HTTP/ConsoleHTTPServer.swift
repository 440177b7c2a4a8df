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

    /// `logger` defaults to warnings and above: Hummingbird's own "listening on" notice
    /// would otherwise go to standard output beside the line `creators serve` prints.
    public init(backend: any ConsoleBackend, configuration: ConsoleHTTPConfiguration,
                logger: Logger = ConsoleHTTPServer.defaultLogger) {
        self.backend = backend
        self.configuration = configuration
        self.logger = logger
    }

    public static var defaultLogger: Logger {
        var logger = Logger(label: "creators.http")
        logger.logLevel = .warning
        return logger
    }

    /// The routes and middleware, without a socket (tests drive it with Hummingbird's
    /// testing, the server with `run`).
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
            logger: logger)
        try await application.run()
    }
}
