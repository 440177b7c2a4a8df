import Logging
import Synchronization
@testable import CreatorServer

/// A command service stand-in: answers each command with a fixed reply and records what it
/// was asked, so HTTP tests check the HTTP side alone.
final class RecordingBackend: ConsoleBackend {
    let reply: @Sendable (_ command: String, _ arguments: [String]) -> ConsoleReply
    private let calls = Mutex<[(String, [String])]>([])

    init(reply: @escaping @Sendable (_ command: String, _ arguments: [String]) -> ConsoleReply = { command, _ in
        .document(Array("{\"command\":\"\(command)\"}".utf8))
    }) {
        self.reply = reply
    }

    var recorded: [(command: String, arguments: [String])] { calls.withLock { $0 } }

    private func answer(_ command: String, _ arguments: [String]) -> ConsoleReply {
        calls.withLock { $0.append((command, arguments)) }
        return reply(command, arguments)
    }

    func search(_ query: String) async -> ConsoleReply { answer("SEARCH", [query]) }
    func explain(_ query: String) async -> ConsoleReply { answer("EXPLAIN", [query]) }
    func match(_ briefJSON: [UInt8]) async -> ConsoleReply { answer("MATCH", [String(decoding: briefJSON, as: UTF8.self)]) }
    func get(_ reference: String) async -> ConsoleReply { answer("GET", [reference]) }
    func risk(_ reference: String) async -> ConsoleReply { answer("RISK", [reference]) }
    func overlap(_ references: [String]) async -> ConsoleReply { answer("OVERLAP", references) }
    func stats() async -> ConsoleReply { answer("STATS", []) }
}

/// Runs `ConsoleHTTPServer` on a free loopback port for the duration of `body`.
func withConsoleServer(backend: any ConsoleBackend = RecordingBackend(),
                       configuration: ConsoleHTTPConfiguration = ConsoleHTTPConfiguration(port: 0),
                       _ body: (_ port: Int) async throws -> Void) async throws {
    var logger = Logger(label: "creators.http.test")
    logger.logLevel = .critical  // stopping the server at the end of a test logs a cancellation
    let server = ConsoleHTTPServer(backend: backend, configuration: configuration, logger: logger)
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let task = Task { try await server.run { _, port in continuation.yield(port) } }
    defer { task.cancel() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else { throw HTTPTestClient.Failure(description: "server did not start") }
    try await body(port)
}
