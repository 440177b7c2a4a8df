/// What the HTTP API asks of the command service: one method per protocol command, each
/// answering the same document the RESP command answers (`protocol.md`). `CommandService`
/// conforms (`CommandService+ConsoleBackend.swift`); tests use small fakes to check the
/// HTTP side (status codes, headers, sessions) without an index.
public protocol ConsoleBackend: Sendable {
    func search(_ query: String) async -> ConsoleReply
    func explain(_ query: String) async -> ConsoleReply
    func match(_ briefJSON: [UInt8]) async -> ConsoleReply
    func get(_ reference: String) async -> ConsoleReply
    func risk(_ reference: String) async -> ConsoleReply
    func overlap(_ references: [String]) async -> ConsoleReply
    func stats() async -> ConsoleReply
}

/// A command's answer as HTTP needs it.
public enum ConsoleReply: Sendable, Equatable {
    /// A JSON document (200).
    case document([UInt8])
    /// Nothing by that name (404), with the message the command line prints.
    case notFound(String)
    /// A refused command: the protocol's error code (`ERR`, `BUSY`, `NOAUTH`, …) and its
    /// message, the same text the command line prints.
    case failure(code: String, message: String)
}
