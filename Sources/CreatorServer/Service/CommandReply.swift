/// What a command answers, independent of the transport. The RESP encoder writes it as
/// RESP2 or RESP3; the HTTP side maps it to a status and a body (bulk JSON → 200, null → 404,
/// ERR → 400, BUSY → 503, NOAUTH → 401).
public enum CommandReply: Sendable {
    case simple(String)
    case integer(Int)
    /// A bulk string; every rich result is one holding a JSON document.
    case bulk([UInt8])
    case null
    case array([CommandReply])
    /// A RESP3 map; RESP2 clients receive it as a flat array of keys and values.
    case map([(CommandReply, CommandReply)])
    case error(CommandError)

    public static let ok = CommandReply.simple("OK")

    /// A bulk string of UTF-8 text.
    public static func text(_ string: String) -> CommandReply { .bulk(Array(string.utf8)) }

    /// The error, when this reply is one.
    public var failure: CommandError? {
        if case .error(let error) = self { return error }
        return nil
    }
}
