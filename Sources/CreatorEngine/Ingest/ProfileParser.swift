internal import CSimdjson

/// Parses and validates one dump line into a `CreatorProfile` (see
/// `/spec/profile-dump.md`), or says why the line is rejected.
///
/// Holds a simdjson parser and its buffers, reused from line to line: make one per thread
/// and never share it. Parsing does not use Foundation; strings are made straight from the
/// parsed UTF-8.
///
/// Validation decisions beyond the dump format's text:
/// - every known field is checked, required or not: a wrong type or a value out of range
///   rejects the line (an optional field is never silently dropped); unknown fields are
///   ignored; `null` for an optional field means absent (unknown); `null` for a required
///   field is a missing field; a known top-level field given twice rejects the line.
/// - `id`: 1–128 Unicode scalars, kept exactly (no trimming). `handle`: one leading `@` is
///   removed; empty after that is rejected. Free text (`name`, `bio`, `city`, captions,
///   brands) is kept as given, an empty string included.
/// - counts (`followers`, `likes`, …): integers >= 0; a number with a fraction part of zero
///   (`1200.0`, `1.2e3`) is accepted as that integer.
/// - codes and tags: see `CodeNormalisation` (case-normalised, `pt-BR` → `pt`, `#` dropped);
///   lists drop exact repeats after normalisation, keeping first-seen order.
/// - `engagement_rate` and other fractions: 0–1; above 1 the reason says it looks like a
///   percent. When absent, the rate is derived (`DerivedEngagement`).
/// - `follower_history`: `[date, count]` pairs; sorted by date (stably) when given out of
///   order, rather than rejected: the order is a presentation detail, the points are good.
/// - `audience` distributions: shares 0–1 summing to 0.98–1.02, renormalised to 1; keys
///   normalised as codes (`countries` 2-letter codes, `languages` primary subtags, `genders`
///   female/male, `ages` the format's six buckets, `interests` lower-cased), `other` allowed
///   in each; keys that normalise alike (`pt-BR`, `pt-PT`) are added together.
/// - `audience.sample`: strings (non-empty) or integers, hashed with `SampleHash`.
/// - `price`: needs `currency` (3 ASCII letters, upper-cased); amounts >= 0; `usd` is
///   per_post else per_video converted with the parser's `CurrencyRates`.
/// - `blacklisted`: an object; `false` is accepted as "not blacklisted".
/// - nested objects (posts, price, …) ignore unknown keys; a repeated nested key: last wins.
public final class ProfileParser {
    public let rates: CurrencyRates
    private let json = JSONDocumentParser()

    public init(rates: CurrencyRates = .builtIn) {
        self.rates = rates
    }

    /// Parses one line (without its newline). The bytes need no padding and are not kept.
    public func parse(_ line: UnsafeRawBufferPointer) -> ParseOutcome {
        let root: csj_value
        switch json.parse(line) {
        case .success(let value): root = value
        case .failure(let error): return .rejected(reason: "not valid JSON: \(error.message)")
        }
        guard root.type == CSJ_OBJECT else {
            return .rejected(reason: "not a JSON object: got \(root.shortDescription)")
        }
        do throws(Rejection) {
            return .accepted(try readProfile(root))
        } catch {
            return .rejected(reason: error.reason)
        }
    }

    /// Parses one line given as text (a convenience for tests and tools).
    public func parse(_ line: String) -> ParseOutcome {
        var line = line
        return line.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }

    private func readProfile(_ root: csj_value) throws(Rejection) -> CreatorProfile {
        var id: String?
        var platform: Platform?
        var handle: String?
        var followers: Int64?
        var seen: UInt32 = 0
        var draft = CreatorProfile(id: "", platform: .other, handle: "", followers: 0)

        try root.forEachField { (key, value) throws(Rejection) in
            guard let field = ProfileField.named(key) else { return } // unknown: ignored
            guard seen & field.bit == 0 else { throw Rejection("field '\(field.name)' appears twice") }
            seen |= field.bit
            if value.type == CSJ_NULL {
                if field.isRequired { throw Rejection("missing required field '\(field.name)' (it is null)") }
                return
            }
            switch field {
            case .id:
                id = try Self.readID(value)
            case .platform:
                platform = try Self.readPlatform(value)
            case .handle:
                handle = try Self.readHandle(value)
            case .followers:
                followers = try value.count(at: "followers")
            case .name: draft.name = try value.string(at: "name")
            case .bio: draft.bio = try value.string(at: "bio")
            case .city: draft.city = try value.string(at: "city")
            case .country:
                guard value.type == CSJ_STRING, let code = CodeNormalisation.countryCode(value.stringBytes) else {
                    throw value.mismatch("country", "an ISO 3166-1 alpha-2 code (2 letters)")
                }
                draft.country = code
            case .languages:
                draft.languages = try value.stringList(at: "languages", expected: "a BCP 47 language tag (en, pt-BR)",
                                                       CodeNormalisation.languageSubtag)
            case .categories:
                draft.categories = try value.stringList(at: "categories", expected: "a non-empty string",
                                                        CodeNormalisation.lowercasedTag)
            case .hashtags:
                draft.hashtags = try value.stringList(at: "hashtags", expected: "a non-empty hashtag",
                                                      CodeNormalisation.hashtag)
            case .recentPosts: draft.recentPosts = try Self.readPosts(value)
            case .following: draft.following = try value.count(at: "following")
            case .postsCount: draft.postsCount = try value.count(at: "posts_count")
            case .avgLikes: draft.avgLikes = try value.nonNegativeNumber(at: "avg_likes")
            case .avgComments: draft.avgComments = try value.nonNegativeNumber(at: "avg_comments")
            case .avgViews: draft.avgViews = try value.nonNegativeNumber(at: "avg_views")
            case .avgShares: draft.avgShares = try value.nonNegativeNumber(at: "avg_shares")
            case .engagementRate:
                draft.engagementRate = try value.fraction(at: "engagement_rate")
                draft.engagementRateProvided = true
            case .followerHistory: draft.followerHistory = try Self.readFollowerHistory(value)
            case .audience: draft.audience = try Self.readAudience(value)
            case .price: draft.price = try readPrice(value)
            case .collaborations: draft.collaborations = try Self.readCollaborations(value)
            case .commerce: draft.commerce = try Self.readCommerce(value)
            case .blacklisted: draft.blacklisted = try Self.readBlacklisting(value)
            case .contactAvailable: draft.contactAvailable = try value.bool(at: "contact_available")
            case .updatedAt: draft.updatedAt = try value.date(at: "updated_at")
            }
        }

        guard let id else { throw Rejection("missing required field 'id'") }
        guard let platform else { throw Rejection("missing required field 'platform'") }
        guard let handle else { throw Rejection("missing required field 'handle'") }
        guard let followers else { throw Rejection("missing required field 'followers'") }
        draft.id = id
        draft.platform = platform
        draft.handle = handle
        draft.followers = followers
        if !draft.engagementRateProvided {
            draft.engagementRate = DerivedEngagement.rate(for: draft)
        }
        return draft
    }

    private static func readID(_ value: csj_value) throws(Rejection) -> String {
        guard value.type == CSJ_STRING else { throw value.mismatch("id", "a string of 1–128 characters") }
        var scalars = 0
        for byte in value.stringBytes where byte & 0xC0 != 0x80 { scalars += 1 }
        guard scalars >= 1, scalars <= 128 else {
            throw Rejection("id: expected a string of 1–128 characters, got \(scalars) characters")
        }
        return value.text
    }

    private static func readPlatform(_ value: csj_value) throws(Rejection) -> Platform {
        guard value.type == CSJ_STRING, value.length <= 16,
              let platform = Platform(rawValue: CodeNormalisation.asciiString(value.stringBytes, upper: false))
        else { throw value.mismatch("platform", "one of " + Platform.allCases.map(\.rawValue).joined(separator: ", ")) }
        return platform
    }

    private static func readHandle(_ value: csj_value) throws(Rejection) -> String {
        guard value.type == CSJ_STRING else { throw value.mismatch("handle", "a non-empty string") }
        var bytes = value.stringBytes
        if bytes.first == UInt8(ascii: "@") { bytes = UnsafeRawBufferPointer(rebasing: bytes.dropFirst()) }
        guard !bytes.isEmpty else { throw value.mismatch("handle", "a non-empty handle") }
        return bytes.utf8Text
    }
}
