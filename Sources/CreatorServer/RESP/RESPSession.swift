/// The state of one RESP connection (protocol version, authentication, client name) and
/// what each command does with it. Pure: it decides, the connection handler carries out,
/// so every command's reply can be tested without a socket.
public struct RESPSession: Sendable {
    /// What the connection must do for a command.
    public enum Action: Sendable {
        /// Answer now, on the event loop (cheap commands: PING, GET, RISK, STATS, ...).
        case reply(CommandReply)
        /// Run on the query pool, then answer (SEARCH, EXPLAIN, MATCH, OVERLAP, RELOAD).
        case pooled(@Sendable (CommandService) -> CommandReply)
        /// Answer, then close the connection (QUIT).
        case replyAndClose(CommandReply)
    }

    public private(set) var version: RESPVersion = .resp2
    public private(set) var isAuthenticated: Bool
    public private(set) var clientName: String?
    public let connectionID: Int

    /// The version HELLO reports.
    public static let serverVersion = "1.0.0"

    public init(connectionID: Int, requiresPassword: Bool) {
        self.connectionID = connectionID
        isAuthenticated = !requiresPassword
    }

    /// The names statistics are kept under; anything else counts as `UNKNOWN`, so garbage
    /// cannot grow the table.
    public static let knownCommands: Set<String> = [
        "PING", "SEARCH", "EXPLAIN", "MATCH", "GET", "RISK", "OVERLAP", "STATS", "INFO", "RELOAD", "AUTH",
        "QUIT", "HELLO", "COMMAND", "CLIENT", "SELECT", "CONFIG", "ECHO",
    ]

    /// The name a command is counted under in STATS.
    public static func statisticsName(_ name: String) -> String { knownCommands.contains(name) ? name : "UNKNOWN" }

    /// Decides what `command` (upper-case name `name`) does.
    public mutating func handle(_ command: RESPCommand, name: String, service: CommandService) -> Action {
        let count = command.arguments.count - 1
        if !isAuthenticated, name != "AUTH", name != "PING", name != "QUIT", name != "HELLO" {
            return .reply(.error(.noAuthentication))
        }
        switch name {
        case "PING":
            if count == 0 { return .reply(.simple("PONG")) }
            if count == 1 { return .reply(.bulk(Array(command.arguments[1].readableBytesView))) }
            return .reply(.error(.wrongArguments(name)))
        case "ECHO":
            guard count == 1 else { return .reply(.error(.wrongArguments(name))) }
            return .reply(.bulk(Array(command.arguments[1].readableBytesView)))
        case "SEARCH", "EXPLAIN":
            guard count >= 1 else { return .reply(.error(.wrongArguments(name))) }
            let query = command.joinedParameters
            return name == "SEARCH" ? .pooled { $0.search(query) } : .pooled { $0.explain(query) }
        case "MATCH":
            guard count >= 1 else { return .reply(.error(.wrongArguments(name))) }
            let brief = count == 1 ? Array(command.arguments[1].readableBytesView) : Array(command.joinedParameters.utf8)
            return .pooled { $0.match(brief) }
        case "OVERLAP":
            guard count >= 2 else { return .reply(.error(.wrongArguments(name))) }
            let references = command.parameters
            return .pooled { $0.overlap(references) }
        case "GET":
            guard count == 1 else { return .reply(.error(.wrongArguments(name))) }
            return .reply(service.get(command.string(1)))
        case "RISK":
            guard count == 1 else { return .reply(.error(.wrongArguments(name))) }
            return .reply(service.risk(command.string(1)))
        case "STATS", "INFO":
            return .reply(service.stats())
        case "RELOAD":
            guard count == 0 else { return .reply(.error(.wrongArguments(name))) }
            return .pooled { $0.reload() }
        case "AUTH":
            guard count == 1 || count == 2 else { return .reply(.error(.wrongArguments(name))) }
            return .reply(authenticate(user: count == 2 ? command.string(1) : nil, password: command.string(count), service: service))
        case "QUIT":
            return .replyAndClose(.ok)
        case "HELLO":
            return .reply(hello(command.parameters, service: service))
        case "SELECT":
            guard count == 1 else { return .reply(.error(.wrongArguments(name))) }
            return .reply(command.string(1) == "0" ? .ok : .error(CommandError("DB index is out of range")))
        case "COMMAND":
            return .reply(commandReply(command.parameters))
        case "CLIENT":
            return .reply(client(command.parameters))
        case "CONFIG":
            // redis-benchmark reads `CONFIG GET save` and `appendonly`: nothing to report.
            return .reply(.map([]))
        default:
            return .reply(.error(Self.unknown(command, name: name)))
        }
    }

    // MARK: - Connection commands

    private mutating func authenticate(user: String?, password: String, service: CommandService) -> CommandReply {
        guard service.requiresPassword else {
            return .error(CommandError("AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?"))
        }
        guard user == nil || user == "default", service.accepts(password: password) else { return .error(.wrongPassword) }
        isAuthenticated = true
        return .ok
    }

    /// `HELLO [protover [AUTH user pass] [SETNAME name]]`: switches the protocol and answers
    /// the server's facts (a map in RESP3, a flat array in RESP2).
    private mutating func hello(_ parameters: [String], service: CommandService) -> CommandReply {
        var requested = version
        var position = 0
        if let first = parameters.first {
            guard let number = Int(first), let chosen = RESPVersion(rawValue: number) else {
                return .error(CommandError(code: "NOPROTO", "unsupported protocol version"))
            }
            requested = chosen
            position = 1
        }
        var credentials: (user: String, password: String)?
        var name: String?
        while position < parameters.count {
            let option = parameters[position].uppercased()
            if option == "AUTH", position + 2 < parameters.count {
                credentials = (parameters[position + 1], parameters[position + 2])
                position += 3
            } else if option == "SETNAME", position + 1 < parameters.count {
                name = parameters[position + 1]
                position += 2
            } else {
                return .error(CommandError("syntax error in HELLO option '\(parameters[position])'"))
            }
        }
        if let credentials {
            let outcome = authenticate(user: credentials.user, password: credentials.password, service: service)
            if outcome.failure != nil, service.requiresPassword { return outcome }
        }
        guard isAuthenticated else {
            return .error(CommandError(code: "NOAUTH", "HELLO must be called with the client already authenticated, otherwise the HELLO <proto> AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time"))
        }
        version = requested
        if let name { clientName = name }
        return .map([
            (.text("server"), .text("creators")),
            (.text("version"), .text(Self.serverVersion)),
            (.text("proto"), .integer(version.rawValue)),
            (.text("id"), .integer(connectionID)),
            (.text("mode"), .text("standalone")),
            (.text("role"), .text("master")),
            (.text("modules"), .array([])),
        ])
    }

    /// `COMMAND`, `COMMAND DOCS`, `COMMAND COUNT`, ...: harmless, empty answers (what
    /// redis-cli and client libraries ask on connect).
    private func commandReply(_ parameters: [String]) -> CommandReply {
        switch parameters.first?.uppercased() {
        case "COUNT": .integer(Self.knownCommands.count)
        case "DOCS": .map([])
        default: .array([])
        }
    }

    private mutating func client(_ parameters: [String]) -> CommandReply {
        switch parameters.first?.uppercased() {
        case "ID": return .integer(connectionID)
        case "GETNAME": return clientName.map { .text($0) } ?? .null
        case "SETNAME":
            guard parameters.count == 2 else { return .error(.wrongArguments("CLIENT|SETNAME")) }
            clientName = parameters[1]
            return .ok
        default: return .ok  // SETINFO and the rest: accepted and ignored
        }
    }

    /// Redis's wording: the name and the first arguments, each cut short.
    static func unknown(_ command: RESPCommand, name: String) -> CommandError {
        func clipped(_ text: String) -> String { text.count > 64 ? String(text.prefix(64)) + "..." : text }
        let arguments = command.arguments.count > 1 ? (1..<min(command.arguments.count, 4)).map { "'" + clipped(command.string($0)) + "' " }.joined() : ""
        return CommandError("unknown command '\(clipped(command.string(0)))', with args beginning with: \(arguments)")
    }
}
