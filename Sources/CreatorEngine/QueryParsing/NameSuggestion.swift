/// "Did you mean …?": the nearest valid name to a mistyped one.
///
/// Distance is the optimal-string-alignment form of Damerau–Levenshtein (insertions,
/// deletions, substitutions and swaps of adjacent characters each cost 1), compared
/// case-insensitively. A candidate is suggested only when it is at most 2 edits away and
/// the edits are fewer than half the typed word (so `x` does not suggest `er`); ties go
/// to the earlier candidate, so callers list the most common names first.
enum NameSuggestion {
    static func nearest(to typed: String, among candidates: [String]) -> String? {
        let typedCharacters = Array(typed.lowercased())
        guard !typedCharacters.isEmpty else { return nil }
        let allowed = min(2, max(1, typedCharacters.count / 2))
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(typedCharacters, Array(candidate.lowercased()), cutoff: allowed)
            if distance <= allowed, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// Optimal string alignment distance; returns `cutoff + 1` early once every cell of
    /// a row exceeds `cutoff` (the answer can only grow from there).
    static func editDistance(_ a: [Character], _ b: [Character], cutoff: Int = .max) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if cutoff != .max, abs(a.count - b.count) > cutoff { return cutoff + 1 }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if cutoff != .max, rowMinimum > cutoff { return cutoff + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
