/// Builds a malformed line from a clean profile: a `Malformation` applied either while
/// writing (wrong types, impossible values, missing fields) or to the written bytes
/// (truncation, broken JSON), or a line that is not a profile at all.
struct MalformedLine {
    let bytes: [UInt8]
    let reason: Malformation
    /// What exactly is wrong, for people reading the labels.
    let detail: String

    init(base: CreatorRecord, reason: Malformation, writer: inout CreatorJSONWriter, random: inout SplitMix64) {
        self.reason = reason
        var record = base
        var detail = ""
        var defect: CreatorJSONWriter.Defect?
        var postProcess: ((inout [UInt8], inout SplitMix64) -> Void)?
        switch reason {
        case .truncated:
            detail = "line cut off"
            postProcess = { bytes, random in
                // Cut at an ASCII byte so the file stays valid UTF-8; any strict prefix of an object is invalid JSON.
                var cut = Int(Double(bytes.count) * random.uniform(0.2...0.95))
                while cut > 1 && bytes[cut] >= 0x80 { cut -= 1 }
                bytes.removeSubrange(max(1, min(cut, bytes.count - 1))...)
            }
        case .invalidJSON:
            let variant = random.below(4)
            detail = ["missing colon after \"followers\"", "trailing comma", "unquoted key", "NaN for followers"][variant]
            postProcess = { bytes, _ in MalformedLine.breakJSON(&bytes, variant: variant) }
        case .notAnObject, .htmlErrorPage:
            break
        case .wrongType:
            switch random.below(3) {
            case 0:
                defect = .followersAsText
                detail = "followers as text"
            case 1:
                defect = .languagesAsString
                record.languages = record.languages ?? ["en"]
                detail = "languages as a string"
            default:
                if let posts = record.posts, !posts.isEmpty {
                    defect = .postLikesAsText
                    detail = "recent_posts[0].likes as text"
                } else {
                    defect = .followersAsText
                    detail = "followers as text"
                }
            }
        case .negativeFollowers:
            defect = .negativeFollowers
            detail = "followers < 0"
        case .missingRequiredField, .nullRequiredField:
            let field: CreatorJSONWriter.RequiredField = random.pick([.id, .platform, .handle, .followers])
            defect = reason == .missingRequiredField ? .omit(field) : .null(field)
            detail = "\(field)"
        case .unknownPlatform:
            let name = random.pick(["weibo", "snapchat", "MySpace", "tik tok", "ig", "pinterest", "linkedin", "vk"])
            defect = .platform(name)
            detail = name
        case .audienceSum:
            var audience = record.audience ?? AudienceRecord(sampleStyle: .integers)
            if audience.countries == nil {
                audience.countries = ShareTable(weights: [(record.country ?? "US", 0.7), ("other", 0.3)])
            }
            record.audience = audience
            defect = .audienceSumScaled
            detail = "audience.countries sums to 1.3"
        case .engagementRatePercent:
            defect = .engagementRatePercent
            detail = "engagement_rate as a percent"
        case .credibilityPercent:
            var audience = record.audience ?? AudienceRecord(sampleStyle: .integers)
            audience.credibility = audience.credibility ?? 0.85
            record.audience = audience
            defect = .credibilityPercent
            detail = "audience.credibility as a percent"
        case .badDate:
            if let history = record.history, history.count >= 2, random.chance(0.3) {
                defect = .historyDate("2026-02-30")
                detail = "follower_history date 2026-02-30"
            } else {
                let text = random.pick(["2026-13-45", "31/10/2026", "yesterday", "2026-11-31", "2026-10-05T25:61:00Z"])
                defect = .updatedAt(text)
                detail = "updated_at \(text)"
            }
        case .idTooLong:
            defect = .longID
            detail = "id over 128 characters"
        }

        switch reason {
        case .notAnObject:
            var json = JSONBuffer(capacity: 256)
            if random.chance(0.5) {
                json.beginArray()
                json.string(record.id)
                json.string(record.platform.name)
                json.string(record.handle)
                json.integer(record.followers)
                json.endArray()
                detail = "a JSON array"
            } else {
                json.string(record.handle)
                detail = "a JSON string"
            }
            bytes = json.bytes
        case .htmlErrorPage:
            bytes = Array("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>".utf8)
            detail = "an HTML error page"
        default:
            writer.reset()
            writer.write(record, defect: defect)
            var written = writer.bytes
            postProcess?(&written, &random)
            bytes = written
        }
        self.detail = detail
    }

    /// Breaks the JSON syntax of a written line in one of four ways.
    static func breakJSON(_ bytes: inout [UInt8], variant: Int) {
        let followersKey = Array("\"followers\":".utf8)
        switch variant {
        case 0, 3:
            guard let start = find(followersKey, in: bytes) else {
                bytes.insert(UInt8(ascii: ","), at: bytes.count - 1)
                return
            }
            if variant == 0 {
                bytes[start + followersKey.count - 1] = UInt8(ascii: " ") // "followers" 1234
            } else {
                var end = start + followersKey.count
                while end < bytes.count, bytes[end] == UInt8(ascii: "-") || (bytes[end] >= 48 && bytes[end] <= 57) { end += 1 }
                bytes.replaceSubrange((start + followersKey.count)..<end, with: Array("NaN".utf8))
            }
        case 1:
            bytes.insert(UInt8(ascii: ","), at: bytes.count - 1) // ...,}
        default:
            let handleKey = Array("\"handle\":".utf8)
            if let start = find(handleKey, in: bytes) {
                bytes.replaceSubrange(start..<(start + handleKey.count), with: Array("handle:".utf8))
            } else {
                bytes.insert(UInt8(ascii: ","), at: bytes.count - 1)
            }
        }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var position = 0
        while position <= haystack.count - needle.count {
            if haystack[position] == needle[0] && Array(haystack[position..<(position + needle.count)]) == needle {
                return position
            }
            position += 1
        }
        return nil
    }
}
