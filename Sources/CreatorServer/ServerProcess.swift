#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CreatorEngine
import Dispatch
import Logging
import NIOCore
import NIOPosix

/// One `creators serve` process: the command service over the index, the RESP listener on
/// event loops (one per core), clean shutdown on SIGINT and SIGTERM.
///
/// The command line calls `run`; the transports share `service`, so a second listener
/// (HTTP) starts beside the RESP one in `run` when `configuration.httpPort` is set.
public enum ServerProcess {
    /// Serves `index` (the current index of `configuration.indexDirectory`) until SIGINT or
    /// SIGTERM. `listening` is called once with `host:port` when connections are accepted.
    /// With `configuration.httpPort`, the HTTP API and web console start too (docs/console.md),
    /// on the same event loops, and `httpListening` gets their `host:port` after `listening`.
    public static func run(configuration: ServerConfiguration, index: CreatorIndex, logLevel: Logger.Level = .info,
                           listening: @Sendable (String) -> Void,
                           httpListening: @Sendable (String) -> Void = { _ in }) async throws {
        var logger = Logger(label: "creators.serve")
        logger.logLevel = logLevel
        raiseFileLimit(toFit: configuration.limits.maxConnections, logger: logger)

        let holder = IndexHolder(directory: configuration.indexDirectory, index: index,
                                 queryTimeLimit: configuration.limits.queryTimeLimit,
                                 documentCacheBytes: configuration.limits.documentCacheBytes)
        let service = CommandService(holder: holder, configuration: configuration, statistics: ServerStatistics())
        let group = MultiThreadedEventLoopGroup(numberOfThreads: configuration.limits.effectiveEventLoopThreads)
        let server = RESPServer(service: service, group: group, logger: logger)
        let address: SocketAddress
        do {
            address = try await server.start()
        } catch {
            try? await group.shutdownGracefully()
            service.pool.syncShutdown()
            throw error
        }
        logger.info("serving \(holder.current.path) (\(index.documentCount) creators), \(service.pool.threadCount) query threads")

        var http: ConsoleHTTPServer.Running?
        if let httpPort = configuration.httpPort {
            var httpLogger = logger
            httpLogger.logLevel = max(logLevel, .warning)  // Hummingbird's own notices would go to stdout
            let console = ConsoleHTTPServer(backend: service, configuration: ConsoleHTTPConfiguration(configuration, port: httpPort),
                                            eventLoopGroup: group, logger: httpLogger)
            do {
                http = try await console.start()
            } catch {
                await server.stop()
                try? await group.shutdownGracefully()
                service.pool.syncShutdown()
                throw error
            }
        }

        let signals = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                logger.info("signal \(number): stopping")
                Task { await server.stop() }
            }
            source.resume()
            return source
        }
        listening("\(address.ipAddress ?? configuration.host):\(address.port ?? configuration.port)")
        if let http { httpListening(http.address) }

        await server.waitUntilClosed()
        await http?.stop()
        for source in signals { source.cancel() }
        try? await group.shutdownGracefully()
        await service.pool.shutdown()
        logger.info("stopped after \(service.statistics.commandsServed) commands")
    }

    /// Connections need file descriptors: lifts the soft limit towards the hard one so that
    /// `maxConnections` (plus the index files and a margin) fit.
    static func raiseFileLimit(toFit connections: Int, logger: Logger) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        let wanted = rlim_t(connections + 256)
        guard limit.rlim_cur < wanted else { return }
        let previous = limit.rlim_cur
        limit.rlim_cur = min(wanted, limit.rlim_max)
        if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) != 0 || limit.rlim_cur < wanted {
            logger.warning("open file limit is \(limit.rlim_cur) (was \(previous)): fewer than \(connections) connections fit")
        }
    }
}
