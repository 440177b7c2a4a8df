/// Why an index could not be opened, read or written.
public enum IndexError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No index has been built in the directory yet.
    case missing(directory: String)
    /// The file is not an index of this engine, or of a version this build cannot read.
    case incompatible(String)
    /// The file is damaged: truncated, a checksum does not match, or a structure is inconsistent.
    case corrupt(String)
    /// The operating system refused a read or write.
    case io(String)

    public var description: String {
        switch self {
        case .missing(let directory): "no index in \(directory): build one with `creators build <dumps...> --index \(directory)`"
        case .incompatible(let detail): "index is incompatible: \(detail); rebuild it with `creators build`"
        case .corrupt(let detail): "index is corrupt: \(detail); rebuild it with `creators build`"
        case .io(let detail): "index I/O error: \(detail)"
        }
    }
}
