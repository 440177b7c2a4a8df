/// A failed command: a RESP error code (`ERR`, `BUSY`, `NOAUTH`, `WRONGPASS`) and the text the
/// command line prints for the same mistake.
///
/// `message` is one line (RESP errors cannot hold line breaks); `detail`, when present, is the
/// command line's full rendering (a query error's excerpt with carets and its hint), for
/// transports that can show several lines.
public struct CommandError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: String
    public let message: String
    public let detail: String?

    public init(code: String = "ERR", _ message: String, detail: String? = nil) {
        self.code = code
        self.message = Self.oneLine(message)
        self.detail = detail
    }

    /// `CODE message`, as a RESP error reply carries it.
    public var description: String { code + " " + message }

    public static func busy(_ message: String) -> CommandError { CommandError(code: "BUSY", message) }
    public static let noAuthentication = CommandError(code: "NOAUTH", "Authentication required.")
    public static let wrongPassword = CommandError(code: "WRONGPASS", "invalid username-password pair or user is disabled.")

    public static func wrongArguments(_ command: String) -> CommandError {
        CommandError("wrong number of arguments for '\(command.lowercased())' command")
    }

    /// Line breaks become spaces: a RESP simple error ends at the first CR or LF.
    static func oneLine(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 10 || $0 == 13 }) else { return text }
        return String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
