/// Why dump files could not be found or read, or a rate table could not be loaded.
///
/// These are the only fatal errors of ingest: a line that is not valid JSON or fails
/// validation is rejected (see `ParseOutcome`), never thrown.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A path given on the command line does not exist.
    case pathNotFound(String)
    /// A folder holds no `*.jsonl` or `*.jsonl.gz` file, at any depth.
    case noDumpFiles(folder: String)
    /// The operating system refused to open, read or write a file.
    case io(path: String, reason: String)
    /// A gzip file is damaged or truncated.
    case corruptGzip(path: String, reason: String)
    /// A currency rate file is missing, not JSON, or not shaped as expected.
    case invalidRates(path: String, reason: String)

    public var description: String {
        switch self {
        case .pathNotFound(let path): "no such file or folder: \(path)"
        case .noDumpFiles(let folder): "no dump files (*.jsonl, *.jsonl.gz) in folder \(folder)"
        case .io(let path, let reason): "\(path): \(reason)"
        case .corruptGzip(let path, let reason): "\(path): corrupt gzip stream: \(reason)"
        case .invalidRates(let path, let reason): "currency rate file \(path): \(reason)"
        }
    }
}
