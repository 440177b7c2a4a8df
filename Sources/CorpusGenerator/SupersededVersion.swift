/// The older export of a creator that a duplicate line carries: same id, an earlier (or, when
/// it comes first in the file, the same) `updated_at`, and a different follower count, so
/// that the canonical line always wins by the format's rule (latest `updated_at`, ties to
/// the later line).
enum SupersededVersion {
    /// `sameTime`: keep the canonical `updated_at` (allowed only when the duplicate line is
    /// written before the canonical one).
    static func make(from canonical: CreatorRecord, sameTime: Bool, random: inout SplitMix64) -> CreatorRecord {
        var older = canonical
        if sameTime {
            let change = random.uniform(0.005...0.03) * (random.chance(0.5) ? 1 : -1)
            older.followers = different(Int64((Double(canonical.followers) * (1 + change)).rounded()), from: canonical.followers)
            if var history = older.history, !history.isEmpty {
                history[history.count - 1].followers = older.followers
                older.history = history
            }
            return older
        }
        let daysEarlier = random.integer(7...120)
        let day = canonical.updatedAt.day - daysEarlier
        older.updatedAt.day = day
        var followers = Int64((Double(canonical.followers) * random.uniform(0.86...0.98)).rounded())
        if let history = canonical.history {
            let kept = history.filter { $0.day <= day }
            if let last = kept.last {
                followers = Int64((Double(last.followers) * random.uniform(1.0...1.01)).rounded())
                var trimmed = kept
                if last.day < day { trimmed.append(HistoryPoint(day: day, followers: followers)) } else {
                    trimmed[trimmed.count - 1].followers = followers
                }
                older.history = trimmed
            } else {
                older.history = nil
            }
        }
        older.followers = different(followers, from: canonical.followers)
        if let history = older.history, !history.isEmpty, history[history.count - 1].day == day {
            older.history?[history.count - 1].followers = older.followers
        }
        if let posts = canonical.posts {
            older.posts = posts.filter { $0.postedAt.day <= day }
        }
        if let blacklisted = canonical.blacklisted, blacklisted.since > day {
            older.blacklisted = nil
        }
        return older
    }

    private static func different(_ value: Int64, from other: Int64) -> Int64 {
        value != other ? value : value + 1
    }
}
