internal import CSimdjson

/// `recent_posts` and `follower_history`.
extension ProfileParser {
    static func readPosts(_ value: csj_value) throws(Rejection) -> [Post] {
        try value.require(CSJ_ARRAY, at: "recent_posts")
        var posts: [Post] = []
        posts.reserveCapacity(value.length)
        try value.forEachItem { (index, item) throws(Rejection) in
            try item.require(CSJ_OBJECT, at: "recent_posts[\(index)]")
            var post = Post()
            try item.forEachField { (key, field) throws(Rejection) in
                guard field.type != CSJ_NULL else { return }
                switch key.count {
                case 5 where key.equals("likes"): post.likes = try field.count(at: "recent_posts[\(index)].likes")
                case 5 where key.equals("views"): post.views = try field.count(at: "recent_posts[\(index)].views")
                case 6 where key.equals("shares"): post.shares = try field.count(at: "recent_posts[\(index)].shares")
                case 7 where key.equals("caption"): post.caption = try field.string(at: "recent_posts[\(index)].caption")
                case 8 where key.equals("comments"): post.comments = try field.count(at: "recent_posts[\(index)].comments")
                case 9 where key.equals("posted_at"): post.postedAt = try field.date(at: "recent_posts[\(index)].posted_at")
                case 9 where key.equals("sponsored"): post.sponsored = try field.bool(at: "recent_posts[\(index)].sponsored")
                default: break
                }
            }
            posts.append(post)
        }
        return posts
    }

    /// `[date, count]` pairs, returned oldest first (a stable sort when out of order).
    static func readFollowerHistory(_ value: csj_value) throws(Rejection) -> [HistoryPoint] {
        try value.require(CSJ_ARRAY, at: "follower_history")
        var points: [HistoryPoint] = []
        points.reserveCapacity(value.length)
        var sorted = true
        try value.forEachItem { (index, item) throws(Rejection) in
            guard item.type == CSJ_ARRAY, item.length == 2 else {
                throw item.mismatch("follower_history[\(index)]", "a [date, follower count] pair")
            }
            var date: Timestamp?
            var followers: Int64 = 0
            try item.forEachItem { (position, part) throws(Rejection) in
                if position == 0 {
                    date = try part.date(at: "follower_history[\(index)][0]")
                } else {
                    followers = try part.count(at: "follower_history[\(index)][1]")
                }
            }
            guard let date else { throw item.mismatch("follower_history[\(index)]", "a [date, follower count] pair") }
            if let last = points.last, date < last.date { sorted = false }
            points.append(HistoryPoint(date: date, followers: followers))
        }
        if !sorted {
            points = points.enumerated()
                .sorted { $0.element.date != $1.element.date ? $0.element.date < $1.element.date : $0.offset < $1.offset }
                .map(\.element)
        }
        return points
    }
}
