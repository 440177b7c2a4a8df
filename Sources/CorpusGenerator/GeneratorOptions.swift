/// What to generate. The same options always give byte-identical output, whatever the
/// number of threads.
public struct GeneratorOptions: Sendable {
    /// Number of distinct creators (each has exactly one winning, valid line).
    public var count: Int
    public var seed: UInt64
    /// Recent posts per creator (`--posts`); some creators have fewer or none.
    public var postsPerCreator: Int = 20
    /// Largest `audience.sample` written (100 to 2,000 ids by follower count, capped here):
    /// lower it for small committed samples, where the random ids dominate the file size.
    public var maxSampleSize: Int = 2_000
    /// Share of creators followed by an extra malformed line.
    public var malformedRate: Double = 0.005
    /// Share of creators for which an extra, superseded version of another creator is written.
    public var duplicateRate: Double = 0.01
    /// Share of creators with at least one injected fraud pattern.
    public var fraudRate: Double = 0.08
    /// Share of creator pairs that are audience twins (near-identical follower samples).
    public var twinRate: Double = 0.03
    /// "Today" for the corpus: `updated_at` dates, history and posts are placed relative to it.
    public var referenceDate: CalendarDay = GeneratorOptions.defaultReferenceDate
    /// Worker threads; does not change the output.
    public var threads: Int = 2
    /// Creators per work unit (and per gzip member); part of the output's identity for gzip.
    public var chunkSize: Int = 256
    /// zlib level for `.jsonl.gz` output: 1 compresses about 2.5× faster than the usual 6
    /// for files only ~10% larger (the follower ids compress poorly at any level).
    public var gzipLevel: Int32 = 1

    public static let defaultReferenceDate = CalendarDay(daysSinceEpoch: CalendarDay.daysFromCivil(year: 2026, month: 11, day: 15))

    public init(count: Int, seed: UInt64) {
        self.count = count
        self.seed = seed
    }
}
