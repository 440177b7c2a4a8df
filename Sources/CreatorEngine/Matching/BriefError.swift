/// Why a brief was refused: the field (a JSON path such as `budget.total` or `keywords[2]`;
/// empty for the document itself) and what is wrong with it. Nothing in a refused brief is
/// guessed or dropped silently.
public struct BriefError: Error, Sendable, Equatable, CustomStringConvertible {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// `brief field 'budget.total': must be a number above 0, got "100"` (the CLI prints
    /// this and exits with code 2; the server's MATCH answers it as `-ERR`).
    public var description: String {
        field.isEmpty ? "brief: \(message)" : "brief field '\(field)': \(message)"
    }
}
