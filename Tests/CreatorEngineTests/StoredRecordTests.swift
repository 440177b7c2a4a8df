import Testing
@testable import CreatorEngine

/// The document store's compact record renders to exactly the display JSON, and its
/// dictionary compression round-trips.
@Suite("Stored records and the store dictionary")
struct StoredRecordTests {
    /// Profiles with every optional post field present or absent, counts that a column does
    /// and does not give back exactly, captions that need JSON
    /// escapes and non-ASCII text, dates at midnight and not, before 1970 and far ahead,
    /// extreme counters; follower histories (with and without a growth), audiences with
    /// any mix of known distributions, shares and credibilities that are and are not
    /// short decimals (a third, NaN, −0, infinities), and the dealings after them.
    static func profiles(count: Int, seed: UInt64) -> [CreatorProfile] {
        var random = SplitMixRandom(seed: seed)
        let captions = ["Get ready with me 👩‍🍳 #fyp", "", "quote \" and \\\\ back\\nslash\ttab", "東京タワーに行きました #旅行",
                        "ภาษาไทยง่ายนิดเดียว", "control \u{01} char", "Jour 7 : appareil photo 📷 #viral"]
        let times: [Int64] = [0, 1_790_000_000 - 1_790_000_000 % 86_400, 1_790_012_345, -86_400 * 400 + 17, 253_402_300_799, -1]
        let counters: [Int64] = [0, 1, 127, 128, 16_383, 16_384, Int64.max, Int64.min, -5, 987_654_321]
        let followerCounts: [Int64] = [0, 1, 7_045, 6_137, 1 << 40, 999_999_999_999]
        let shares: [Double] = [0.7902, 1.0 / 3.0, 0.5, 0, 1, 0.00005, 0.123_456_78, 2e-9, 0.1 + 0.2]
        let credibilities: [Double] = [0.829, 1.0 / 3.0, 0, -0.0, .nan, .infinity, -.infinity, 1e-300, 123_456.789,
                                       0.1 + 0.2, 9.007_199_254_740_993e15, -42.5]
        return (0..<count).map { number in
            var profile = CreatorProfile(id: "instagram:\(number)", platform: .instagram, handle: "h\(number)",
                                         followers: Int64(number * 37))
            profile.name = random.chance(0.8) ? "Name \(number) \"q\"" : nil
            profile.bio = random.chance(0.5) ? random.pick(captions) : nil
            profile.hashtags = random.chance(0.5) ? ["fyp", "viral"] : []
            // Counts the columns give back (left out of the record) and ones they cannot
            // (kept in it): beyond 2^53, NaN, −0.
            let integers: [Int64?] = [nil, 0, 5, 1 << 53, (1 << 53) + 1, Int64.max, 123_456_789]
            profile.following = random.pick(integers)
            profile.postsCount = random.pick(integers)
            if random.chance(0.1) { profile.followers = (1 << 53) + 3 }
            let decimals: [Double?] = [nil, 0, -0.0, .nan, 18, 2.5, 1.0 / 3.0, 1e300]
            profile.avgLikes = random.pick(decimals)
            profile.avgComments = random.pick(decimals)
            profile.avgViews = random.pick(decimals)
            profile.avgShares = random.pick(decimals)
            profile.engagementRate = random.pick(decimals)
            profile.engagementRateProvided = random.chance(0.5)
            profile.updatedAt = random.chance(0.9) ? Timestamp(secondsSinceEpoch: random.pick(times)) : nil
            profile.followerHistory = (0..<(random.chance(0.3) ? 0 : Int.random(in: 1...9, using: &random))).map { _ in
                HistoryPoint(date: Timestamp(secondsSinceEpoch: random.pick(times)), followers: random.pick(followerCounts))
            }
            if random.chance(0.8) {
                var audience = Audience()
                func distribution() -> Distribution? {
                    guard random.chance(0.8) else { return nil }
                    let keys = ["US", "BR", "other", "18-24", "female", "手工", "é"].filter { _ in random.chance(0.5) }
                    return Distribution(Dictionary(uniqueKeysWithValues: keys.map { ($0, random.pick(shares)) }))
                }
                audience.countries = distribution()
                audience.languages = distribution()
                audience.genders = distribution()
                audience.ages = distribution()
                audience.interests = distribution()
                audience.credibility = random.chance(0.8) ? random.pick(credibilities) : nil
                audience.sample = random.chance(0.5) ? (0..<UInt64.random(in: 1...300, using: &random)).map { $0 } : []
                profile.audience = audience
            }
            if random.chance(0.5) { profile.price = Price(currency: "EUR", perPost: random.pick(credibilities), usd: 1.5) }
            if random.chance(0.3) { profile.collaborations = Collaborations(completed: 3, late: 1, brands: ["Nike", "\"q\""]) }
            profile.contactAvailable = random.chance(0.5) ? random.chance(0.5) : nil
            let postCount = random.chance(0.1) ? 0 : Int.random(in: 1...40, using: &random)
            profile.recentPosts = (0..<postCount).map { _ in
                Post(caption: random.chance(0.9) ? random.pick(captions) : nil,
                     postedAt: random.chance(0.9) ? Timestamp(secondsSinceEpoch: random.pick(times)) : nil,
                     likes: random.chance(0.9) ? random.pick(counters) : nil,
                     comments: random.chance(0.8) ? random.pick(counters) : nil,
                     views: random.chance(0.6) ? random.pick(counters) : nil,
                     shares: random.chance(0.4) ? random.pick(counters) : nil,
                     sponsored: random.chance(0.7) ? random.chance(0.5) : nil)
            }
            return profile
        }
    }

    /// What the index gives a record being read, taken from the profile.
    struct ProfileFields: StoredRecordFields {
        let profile: CreatorProfile
        var id: String { profile.id }
        var handle: String { profile.handle }
        func value(of column: NumericColumn) -> Double { column.value(of: profile) ?? .nan }
        func audienceEntries(_ dimension: Int) -> [AudienceDisplay.Entry] {
            profile.audience.map(AudienceDisplay.init)?.distributions[dimension] ?? []
        }
    }

    @Test("a record renders to the same bytes as StoredProfile.json", arguments: [1, 2, 3] as [UInt64])
    func roundTrip(seed: UInt64) throws {
        for profile in Self.profiles(count: 300, seed: seed) {
            let record = StoredRecord.encode(profile)
            let rendered = try record.withUnsafeBytes { try StoredRecord.json($0, fields: ProfileFields(profile: profile)) }
            #expect(String(decoding: rendered, as: UTF8.self) == String(decoding: StoredProfile.json(profile), as: UTF8.self))
        }
    }

    @Test("every truncation or extension of a record is reported, never read past")
    func damagedRecords() throws {
        let profiles = Self.profiles(count: 20, seed: 9).filter { !$0.recentPosts.isEmpty }
        for profile in profiles {
            let record = StoredRecord.encode(profile)
            for length in 0..<record.count {
                #expect(throws: IndexError.self) {
                    try Array(record[0..<length]).withUnsafeBytes { try StoredRecord.json($0, fields: ProfileFields(profile: profile)) }
                }
            }
            #expect(throws: IndexError.self) {
                try (record + [0]).withUnsafeBytes { try StoredRecord.json($0, fields: ProfileFields(profile: profile)) }
            }
        }
    }

    @Test("a trained dictionary compresses blocks smaller, and they decompress to the same bytes")
    func dictionary() throws {
        let records = Self.profiles(count: 1000, seed: 4).map(StoredRecord.encode)
        let trained = try #require(CompressionDictionary.train(samples: Array(records[0..<600])))
        let dictionary = try #require(CompressionDictionary(bytes: trained))
        // What an index being read prepares: decompression only.
        let reading = try #require(CompressionDictionary(bytes: trained, level: nil))
        let plain = BlockCompressor(), withDictionary = BlockCompressor(dictionary: dictionary)
        var plainBytes = 0, dictionaryBytes = 0
        for block in stride(from: 600, to: 1000, by: 16) {
            let raw = Array(records[block..<block + 16].joined())
            let compressed = withDictionary.compress(raw)
            plainBytes += plain.compress(raw).count
            dictionaryBytes += compressed.count
            let restored = try compressed.withUnsafeBytes {
                try BlockDecompressor.decompress($0, size: raw.count, dictionary: reading)
            }
            #expect(restored == raw)
            // Without its dictionary the block does not decompress: reported, not garbage.
            #expect(throws: IndexError.self) { try compressed.withUnsafeBytes { try BlockDecompressor.decompress($0, size: raw.count) } }
        }
        #expect(dictionaryBytes < plainBytes * 9 / 10, "\(dictionaryBytes) with the dictionary, \(plainBytes) without")
    }

    @Test("a chunk's records are grouped by key, in their own order within a key, and positions find each")
    func grouping() {
        var random = SplitMixRandom(seed: 11)
        for count in [0, 1, 2, 17, 300] {
            let keys = (0..<count).map { _ in random.pick(["en\u{0}beauty", "en\u{0}food", "th\u{0}", "\u{0}"]) }
            let grouping = StoredBlock.Grouping(keys: keys)
            #expect(grouping.order.sorted() == Array(0..<count))
            for (position, record) in grouping.order.enumerated() { #expect(grouping.positions[record] == UInt32(position)) }
            for (first, second) in zip(grouping.order, grouping.order.dropFirst()) {
                #expect(keys[first] < keys[second] || (keys[first] == keys[second] && first < second))
            }
        }
    }

    @Test("too small a sample trains no dictionary")
    func tinySample() {
        let records = Self.profiles(count: 10, seed: 5).map(StoredRecord.encode)
        #expect(CompressionDictionary.train(samples: records) == nil)
        #expect(CompressionDictionary(bytes: []) == nil)
    }
}
