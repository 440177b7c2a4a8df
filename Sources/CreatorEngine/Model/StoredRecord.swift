/// The compact form in which the document store keeps a profile's display JSON
/// (`StoredProfile`), rendered back to exactly the same JSON bytes when read.
///
/// The display JSON is written in parts (`StoredProfile.json`). What the index keeps in
/// other sections anyway is left to them and asked of a `StoredRecordFields` when read:
/// - the id and handle (`ids`, `handles`);
/// - the counts and engagement (`followers` through `engagement_rate`: numeric columns),
///   but for a value a column cannot give back bit for bit (an integer beyond 2^53, −0);
/// - the audience's distributions (the forward audience sections, which keep every entry
///   in this order at display precision).
/// At a million generated creators these were 110 MB of the compressed store. The rest is
/// kept in the form that compresses best under the store's zstd dictionary:
/// - the description (name through hashtags) and the dealings (price through
///   `updated_at`) as their JSON text: varied fields whose keys the dictionary holds;
/// - the follower history as day and count deltas, and `growth` not at all (it is derived
///   from the history when read): as JSON, dates and counts were a seventh of the
///   compressed record;
/// - the recent posts (about 70 % of the display JSON) by column: all captions,
///   then all dates, then each counter, as varints.
///
/// Layout:
/// `u8 platform` (its index in `Platform.allCases`)
/// `· varint descriptionLength · description` (JSON: the fields, no braces)
/// `· u8 inline` (bit i: count i of `ProfileCounts.integerColumns` then `decimalColumns` is
/// kept here, not read from its column)
/// `· u8 engagement_rate_derived` (0 or 1) `·` the inline counts in column order, the
/// integer ones as zigzag varints, the others as their eight bytes
/// `· varint historyCount ·` per point `zigzag varint` day and follower count, each minus
/// the previous point's (0 before the first)
/// `· u8 audience` (0: unknown; else bit 0 set, bit 1 + i when distribution i of
/// `AudienceDisplay.distributionNames` is known, bit 6 credibility, bit 7 sample size)
/// `·` credibility as a decimal `·` sample size as a zigzag varint
/// `· varint dealingsLength · dealings` (JSON: the dealings' fields, no braces; may be empty)
/// `· varint postCount · flags u8[postCount]` (bit 0 caption, 1 posted_at, 2 likes,
/// 3 comments, 4 views, 5 shares, 6 sponsored known, 7 sponsored)
/// `·` per post with a caption: `varint length · UTF-8` `·` per post with a date: zigzag
/// varint of its UTC day minus the previous such post's (0 before the first), `varint`
/// seconds into the day `·` likes, then comments, views and shares of the posts that have
/// them, each a zigzag varint.
///
/// A decimal is a `Double` that equals `m / 10^k` exactly for some k ≤ 6, kept as the varint
/// `zigzag(m) << 3 | k`; any other value (more digits, infinities, NaN, −0) is the varint 7
/// and its eight bytes.
///
/// Reading renders every part through the function of `StoredProfile` that writes it at
/// build time, so both forms are byte-identical by construction (the tests compare them on
/// generated profiles and corpora, through the index).
public enum StoredRecord {
    private enum Flag {
        static let caption: UInt8 = 1 << 0
        static let postedAt: UInt8 = 1 << 1
        static let likes: UInt8 = 1 << 2
        static let comments: UInt8 = 1 << 3
        static let views: UInt8 = 1 << 4
        static let shares: UInt8 = 1 << 5
        static let sponsoredKnown: UInt8 = 1 << 6
        static let sponsored: UInt8 = 1 << 7
    }

    /// The four counters of a post, in stored order, with their flags.
    private static let counterFlags: [UInt8] = [Flag.likes, Flag.comments, Flag.views, Flag.shares]

    private static func counterValue(_ index: Int, of post: Post) -> Int64? {
        switch index {
        case 0: post.likes
        case 1: post.comments
        case 2: post.views
        default: post.shares
        }
    }

    private static func setCounter(_ index: Int, of post: inout Post, to value: Int64) {
        switch index {
        case 0: post.likes = value
        case 1: post.comments = value
        case 2: post.views = value
        default: post.shares = value
        }
    }

    private enum AudienceBit {
        static let known: UInt8 = 1 << 0
        static let firstDistribution = 1
        static let credibility: UInt8 = 1 << 6
        static let sampleSize: UInt8 = 1 << 7
    }

    /// Encodes a profile's display record.
    public static func encode(_ profile: CreatorProfile) -> [UInt8] {
        var description = JSONWriter(reservingCapacity: 512)
        StoredProfile.writeDescription(profile, into: &description)
        var dealings = JSONWriter(reservingCapacity: 256)
        StoredProfile.writeDealings(profile, into: &dealings)
        let posts = profile.recentPosts
        var bytes = ByteWriter(reservingCapacity: description.bytes.count + dealings.bytes.count + 256 + posts.count * 64)
        bytes.append(UInt8(Platform.allCases.firstIndex(of: profile.platform) ?? 0))
        bytes.appendVarint(UInt64(description.bytes.count))
        bytes.append(contentsOf: description.bytes)
        append(ProfileCounts(profile), to: &bytes)
        append(profile.followerHistory, to: &bytes)
        append(profile.audience.map(AudienceDisplay.init), to: &bytes)
        bytes.appendVarint(UInt64(dealings.bytes.count))
        bytes.append(contentsOf: dealings.bytes)
        append(posts, to: &bytes)
        return bytes.bytes
    }

    /// The display JSON of an encoded record, with what the record leaves to the index
    /// from `fields`; throws when the record is damaged.
    static func json(_ record: UnsafeRawBufferPointer, fields: some StoredRecordFields) throws -> [UInt8] {
        var reader = Reader(bytes: record)
        var json = JSONWriter(reservingCapacity: record.count * 2)
        let platform = Int(try reader.byte())
        guard platform < Platform.allCases.count else { throw damaged }
        StoredProfile.writeHead(id: fields.id, platform: Platform.allCases[platform], handle: fields.handle, into: &json)
        let description = try reader.bytes(try reader.count())
        if !description.isEmpty { json.raw(description) }
        StoredProfile.writeCounts(try counts(&reader, fields: fields), into: &json)
        StoredProfile.writeHistory(try history(&reader), into: &json)
        if let audience = try audience(&reader, distribution: fields.audienceEntries) { StoredProfile.write(audience, into: &json) }
        let dealings = try reader.bytes(try reader.count())
        if !dealings.isEmpty { json.raw(dealings) }
        StoredProfile.writePosts(try posts(&reader), into: &json)
        guard reader.isAtEnd else { throw damaged }
        json.endObject()
        return json.bytes
    }

    private static func append(_ counts: ProfileCounts, to bytes: inout ByteWriter) {
        let integers = counts.integers, decimals = counts.decimals
        // A column gives back every integer up to 2^53 and every double but NaN and −0 bit
        // for bit (`ColumnValues`); NaN would read as unknown.
        var inline: UInt8 = 0
        for (index, value) in integers.enumerated() where value.map({ Double(exactly: $0) == nil }) ?? false {
            inline |= 1 << index
        }
        for (index, value) in decimals.enumerated() where value.map({ $0.isNaN || ($0 == 0 && $0.sign == .minus) }) ?? false {
            inline |= 1 << (integers.count + index)
        }
        bytes.append(inline)
        bytes.append(UInt8(counts.engagementRateDerived ? 1 : 0))
        for (index, value) in integers.enumerated() where inline & 1 << index != 0 {
            bytes.appendVarint(zigzag(value ?? 0))
        }
        for (index, value) in decimals.enumerated() where inline & 1 << (integers.count + index) != 0 {
            bytes.append((value ?? 0).bitPattern)
        }
    }

    private static func counts(_ reader: inout Reader, fields: some StoredRecordFields) throws -> ProfileCounts {
        let inline = try reader.byte()
        let derived = try reader.byte()
        guard derived <= 1 else { throw damaged }
        var bit = 0
        func isInline() -> Bool {
            defer { bit += 1 }
            return inline & 1 << bit != 0
        }
        let integers = try ProfileCounts.integerColumns.map { column -> Int64? in
            if isInline() { return unzigzag(try reader.varint()) }
            let value = fields.value(of: column)
            guard !value.isNaN else { return nil }
            guard let integer = Int64(exactly: value) else { throw damaged }
            return integer
        }
        let decimals = try ProfileCounts.decimalColumns.map { column -> Double? in
            if isInline() {
                let raw = try reader.bytes(8)
                return Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)))
            }
            let value = fields.value(of: column)
            return value.isNaN ? nil : value
        }
        guard let counts = ProfileCounts(integers: integers, decimals: decimals, engagementRateDerived: derived == 1) else {
            throw damaged
        }
        return counts
    }

    private static func append(_ history: [HistoryPoint], to bytes: inout ByteWriter) {
        bytes.appendVarint(UInt64(history.count))
        var previousDay: Int64 = 0, previousFollowers: Int64 = 0
        for point in history {
            bytes.appendVarint(zigzag(point.date.day &- previousDay))
            bytes.appendVarint(zigzag(point.followers &- previousFollowers))
            previousDay = point.date.day
            previousFollowers = point.followers
        }
    }

    /// The history as the display shows it: days (the time of day is not shown) and counts.
    private static func history(_ reader: inout Reader) throws -> [HistoryPoint] {
        let count = try reader.count()
        var history: [HistoryPoint] = []
        history.reserveCapacity(count)
        var day: Int64 = 0, followers: Int64 = 0
        for _ in 0..<count {
            day = day &+ unzigzag(try reader.varint())
            followers = followers &+ unzigzag(try reader.varint())
            history.append(HistoryPoint(date: Timestamp(secondsSinceEpoch: day &* 86_400), followers: followers))
        }
        return history
    }

    private static func append(_ audience: AudienceDisplay?, to bytes: inout ByteWriter) {
        guard let audience else { return bytes.append(UInt8(0)) }
        var presence = AudienceBit.known
        for (index, entries) in audience.distributions.enumerated() where entries != nil {
            presence |= 1 << (AudienceBit.firstDistribution + index)
        }
        if audience.credibility != nil { presence |= AudienceBit.credibility }
        if audience.sampleSize != nil { presence |= AudienceBit.sampleSize }
        bytes.append(presence)
        if let credibility = audience.credibility { appendDecimal(credibility, to: &bytes) }
        if let sampleSize = audience.sampleSize { bytes.appendVarint(zigzag(sampleSize)) }
    }

    private static func audience(_ reader: inout Reader,
                                 distribution: (Int) throws -> [AudienceDisplay.Entry]) throws -> AudienceDisplay? {
        let presence = try reader.byte()
        guard presence != 0 else { return nil }
        guard presence & AudienceBit.known != 0 else { throw damaged }
        let distributions = try AudienceDisplay.distributionNames.indices.map { index -> [AudienceDisplay.Entry]? in
            presence & 1 << (AudienceBit.firstDistribution + index) != 0 ? try distribution(index) : nil
        }
        return AudienceDisplay(distributions: distributions,
                               credibility: presence & AudienceBit.credibility != 0 ? try reader.decimal() : nil,
                               sampleSize: presence & AudienceBit.sampleSize != 0 ? unzigzag(try reader.varint()) : nil)
    }

    private static let powersOfTen: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]
    private static let rawDecimal: UInt64 = 7

    private static func appendDecimal(_ value: Double, to bytes: inout ByteWriter) {
        for (places, scale) in powersOfTen.enumerated() {
            let scaled = (value * scale).rounded()
            guard abs(scaled) < 0x1p53 else { break }
            if (Double(Int64(scaled)) / scale).bitPattern == value.bitPattern {
                return bytes.appendVarint(zigzag(Int64(scaled)) << 3 | UInt64(places))
            }
        }
        bytes.appendVarint(rawDecimal)
        bytes.append(value.bitPattern)
    }

    private static func append(_ posts: [Post], to bytes: inout ByteWriter) {
        bytes.appendVarint(UInt64(posts.count))
        for post in posts { bytes.append(flags(of: post)) }
        for post in posts {
            guard let caption = post.caption else { continue }
            bytes.appendVarint(UInt64(caption.utf8.count))
            bytes.append(contentsOf: caption.utf8)
        }
        var previousDay: Int64 = 0
        for post in posts {
            guard let time = post.postedAt else { continue }
            let day = time.day
            bytes.appendVarint(zigzag(day &- previousDay))
            bytes.appendVarint(UInt64(time.secondsSinceEpoch - day * 86_400))
            previousDay = day
        }
        for counter in counterFlags.indices {
            for post in posts {
                if let value = counterValue(counter, of: post) { bytes.appendVarint(zigzag(value)) }
            }
        }
    }

    private static func posts(_ reader: inout Reader) throws -> [Post] {
        let count = try reader.count()
        let flags = Array(try reader.bytes(count))
        var posts = flags.map { flag in
            Post(sponsored: flag & Flag.sponsoredKnown != 0 ? flag & Flag.sponsored != 0 : nil)
        }
        for index in posts.indices where flags[index] & Flag.caption != 0 {
            posts[index].caption = String(decoding: try reader.bytes(try reader.count()), as: UTF8.self)
        }
        var day: Int64 = 0
        for index in posts.indices where flags[index] & Flag.postedAt != 0 {
            day = day &+ unzigzag(try reader.varint())
            let seconds = try reader.varint()
            guard seconds < 86_400 else { throw damaged }
            posts[index].postedAt = Timestamp(secondsSinceEpoch: day &* 86_400 &+ Int64(seconds))
        }
        for (counter, flag) in counterFlags.enumerated() {
            for index in posts.indices where flags[index] & flag != 0 {
                setCounter(counter, of: &posts[index], to: unzigzag(try reader.varint()))
            }
        }
        return posts
    }

    private static func flags(of post: Post) -> UInt8 {
        var flags: UInt8 = 0
        if post.caption != nil { flags |= Flag.caption }
        if post.postedAt != nil { flags |= Flag.postedAt }
        for (counter, flag) in counterFlags.enumerated() where counterValue(counter, of: post) != nil { flags |= flag }
        if let sponsored = post.sponsored { flags |= Flag.sponsoredKnown | (sponsored ? Flag.sponsored : 0) }
        return flags
    }

    private static func zigzag(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }
    private static func unzigzag(_ value: UInt64) -> Int64 { Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1) }

    static var damaged: IndexError { IndexError.corrupt("stored record is damaged") }

    /// Reads varints and byte runs, checking every bound.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var cursor = 0
        var isAtEnd: Bool { cursor == bytes.count }

        mutating func varint() throws -> UInt64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while cursor < bytes.count, shift < 64 {
                let byte = bytes[cursor]
                cursor += 1
                result |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return result }
                shift += 7
            }
            throw StoredRecord.damaged
        }

        mutating func byte() throws -> UInt8 {
            guard cursor < bytes.count else { throw StoredRecord.damaged }
            defer { cursor += 1 }
            return bytes[cursor]
        }

        /// A decimal (see the layout above).
        mutating func decimal() throws -> Double {
            let code = try varint()
            let places = Int(code & 7)
            guard UInt64(places) == StoredRecord.rawDecimal else {
                return Double(StoredRecord.unzigzag(code >> 3)) / StoredRecord.powersOfTen[places]
            }
            guard code == StoredRecord.rawDecimal else { throw StoredRecord.damaged }
            let raw = try bytes(8)
            return Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)))
        }

        /// A length or count: a varint no larger than the bytes left.
        mutating func count() throws -> Int {
            let value = try varint()
            guard value <= UInt64(bytes.count - cursor) else { throw StoredRecord.damaged }
            return Int(value)
        }

        mutating func bytes(_ count: Int) throws -> UnsafeRawBufferPointer {
            guard count <= bytes.count - cursor else { throw StoredRecord.damaged }
            defer { cursor += count }
            return UnsafeRawBufferPointer(rebasing: bytes[cursor..<cursor + count])
        }
    }
}

/// What a stored record leaves to the index's other sections, asked for while the record is
/// read (`StoredRecord.json(_:fields:)`): one creator's id, handle, numeric columns and the
/// entries of its audience distributions.
protocol StoredRecordFields {
    var id: String { get }
    var handle: String { get }
    /// The creator's value in a numeric column, NaN when unknown.
    func value(of column: NumericColumn) -> Double
    /// The entries of distribution `dimension` (an index into `AudienceDisplay.distributionNames`).
    func audienceEntries(_ dimension: Int) throws -> [AudienceDisplay.Entry]
}
