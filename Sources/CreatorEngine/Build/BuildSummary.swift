/// What a build read, decided and wrote. `linesRead == accepted + rejected + superseded`.
public struct BuildSummary: Sendable, Equatable, Codable {
    /// Non-blank lines read from all dump files.
    public var linesRead: Int
    /// Records that are documents of the new index.
    public var accepted: Int
    /// Lines that were not valid JSON or failed validation (see `rejectFile`).
    public var rejected: Int
    /// Valid records replaced by a record with the same id and a later `updated_at`.
    public var superseded: Int
    public var files: [String]
    /// Bytes read from the dump files as stored (compressed files count compressed).
    public var bytesRead: Int
    public var rejectFile: String
    public var indexPath: String
    public var indexBytes: Int
    public var seconds: Double

    public init(linesRead: Int = 0, accepted: Int = 0, rejected: Int = 0, superseded: Int = 0, files: [String] = [],
                bytesRead: Int = 0, rejectFile: String = "", indexPath: String = "", indexBytes: Int = 0, seconds: Double = 0) {
        self.linesRead = linesRead
        self.accepted = accepted
        self.rejected = rejected
        self.superseded = superseded
        self.files = files
        self.bytesRead = bytesRead
        self.rejectFile = rejectFile
        self.indexPath = indexPath
        self.indexBytes = indexBytes
        self.seconds = seconds
    }

    /// The summary as one JSON object, for scripts (`creators build --json`).
    public var json: String {
        var json = JSONWriter()
        json.beginObject()
        json.key("lines_read"); json.value(linesRead)
        json.key("accepted"); json.value(accepted)
        json.key("rejected"); json.value(rejected)
        json.key("superseded"); json.value(superseded)
        json.field("files", files)
        json.key("bytes_read"); json.value(bytesRead)
        json.key("reject_file"); json.value(rejectFile)
        json.key("index_path"); json.value(indexPath)
        json.key("index_bytes"); json.value(indexBytes)
        json.key("seconds"); json.value((seconds * 1000).rounded() / 1000)
        json.endObject()
        return json.string
    }
}

/// A snapshot of a running build, for progress lines.
public struct BuildProgress: Sendable {
    public var linesRead: Int
    public var accepted: Int
    public var rejected: Int
    public var superseded: Int
    public var bytesRead: Int
    public var totalBytes: Int
    public var seconds: Double
    /// Every line is read; the index sections are being written (the last, serial phase).
    public var isWriting = false

    public var linesPerSecond: Double { seconds > 0 ? Double(linesRead) / seconds : 0 }
    /// Seconds left, from the share of bytes read so far; `nil` before there is a rate.
    public var estimatedSecondsLeft: Double? {
        guard bytesRead > 0, seconds > 0.5, totalBytes >= bytesRead else { return nil }
        return seconds * Double(totalBytes - bytesRead) / Double(bytesRead)
    }
}
