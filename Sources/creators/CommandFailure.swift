/// A command that could not do its job, with the message the user sees (exit code 1).
/// ArgumentParser prints it as `Error: <message>` without the usage text, which is for
/// mistakes in the command line itself (`ValidationError`).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
