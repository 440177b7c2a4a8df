/// The compact form in which the document store keeps a profile's display JSON
/// (`StoredProfile`), rendered back to exactly the same JSON bytes when read.
///
/// The recent posts are about 70 % of a display record, and as JSON most of their bytes
/// are keys, quotes and decimal digits that zstd codes as short matches one field at a
/// time. Here they are stored by column instead (all captions, then all dates, then each
/// counter), as varints, which compresses about a sixth smaller and is cheaper to make
/// (no date or number text at build time). The fields before the posts stay JSON text:
/// they are a third of the record, varied, and compress well with the store's dictionary.
///
/// Layout:
/// `varint headLength · head` (JSON: `{` and every field before `recent_posts`, the
/// object left open) `· varint postCount · flags u8[postCount]` (bit 0 caption, 1
/// posted_at, 2 likes, 3 comments, 4 views, 5 shares, 6 sponsored known, 7 sponsored)
/// `·` per post with a caption: `varint length · UTF-8` `·` per post with a date: zigzag
/// varint of its UTC day minus the previous such post's (0 before the first), `varint`
/// seconds into the day `·` likes, then comments, views and shares of the posts that have
/// them, each a zigzag varint.
///
/// Reading renders the head as it is and the posts through `StoredProfile.writePosts`,
/// the function that makes the JSON at build time, so both forms are byte-identical by
/// construction (the tests compare them on generated corpora).
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

    /// Encodes a profile's display record.
    public static func encode(_ profile: CreatorProfile) -> [UInt8] {
        var head = JSONWriter(reservingCapacity: 1024)
        StoredProfile.writeHead(profile, into: &head)
        let posts = profile.recentPosts
        var bytes = ByteWriter(reservingCapacity: head.bytes.count + 16 + posts.count * 64)
        bytes.appendVarint(UInt64(head.bytes.count))
        bytes.append(contentsOf: head.bytes)
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
        return bytes.bytes
    }

    /// The display JSON of an encoded record; throws when the record is damaged.
    public static func json(_ record: UnsafeRawBufferPointer) throws -> [UInt8] {
        var reader = Reader(bytes: record)
        let headLength = try reader.count()
        let head = try reader.bytes(headLength)
        var json = JSONWriter(reservingCapacity: record.count * 2)
        json.raw(head)
        StoredProfile.writePosts(try posts(&reader), into: &json)
        guard reader.isAtEnd else { throw damaged }
        json.endObject()
        return json.bytes
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

    private static var damaged: IndexError { IndexError.corrupt("stored record is damaged") }

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
