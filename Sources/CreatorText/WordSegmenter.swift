/// Splits UTF-8 text at ICU's word boundaries (root locale), with ICU's rule status for
/// each piece: the segmentation step of `TextAnalyzer`.
///
/// Most of a bio or caption is ASCII words between spaces, and ICU's rules for those are
/// short (`ASCIIWordRules`), while ICU's iterator pays for its generality on every
/// character (a UTF-16 copy, a state table walk per character, a rule-status lookup per
/// piece). So the text is cut into stretches at places where every rule breaks anyway, and
/// only the stretches that hold a non-ASCII byte go through ICU:
///
/// - an ASCII stretch runs up to the spaces before the first space-separated piece that
///   holds a non-ASCII byte (or to the end): a space after a non-space character, and an
///   ASCII non-space character after a space, are boundaries under every rule;
/// - an ICU stretch starts where an ASCII one could not, takes in every following
///   space-separated piece that holds a non-ASCII byte, and ends after the spaces behind the
///   last of them (so that a non-ASCII space such as U+3000 keeps the ASCII spaces after it,
///   as ICU's "keep horizontal whitespace together" rule wants).
///
/// ICU sees each of its stretches alone. That gives the boundaries and statuses it gives
/// over the whole text: the stretch's edges are boundaries whatever surrounds them, and
/// every rule that looks past a character (letters around `.`, digits around `,`, marks
/// after a character, regional-indicator pairs, dictionary runs) stops at a space.
/// `WordSegmenterTests` compare the two on random texts of every script and on real bios.
///
/// Not thread-safe (it owns an ICU break iterator): one per analyser.
final class WordSegmenter {
    private let icu: ICUWordBreaks
    private let usesASCIIRules: Bool
    private var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// Where the next segment starts: always a boundary of the whole text.
    private var cursor = 0
    /// The stretch being segmented: `[stretchStart, stretchEnd)`, by ICU or by the ASCII rules.
    private var stretchStart = 0
    private var stretchEnd = 0
    private var stretchNeedsICU = false

    /// `usesASCIIRules: false` sends every text through ICU whole (for tests that compare).
    init(usesASCIIRules: Bool = true) throws(AnalysisError) {
        icu = try ICUWordBreaks()
        self.usesASCIIRules = usesASCIIRules
    }

    /// Starts segmenting `bytes`, which must be well-formed UTF-8 (as a `String`'s are) and
    /// stay valid until the caller has taken the last segment it wants. Returns false if
    /// ICU refuses the text (then `next()` yields nothing). ICU sees its stretches only as
    /// `next()` reaches them; should it refuse one there, the segments end before it.
    func reset(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        self.bytes = bytes
        cursor = 0
        stretchStart = 0
        stretchEnd = 0
        stretchNeedsICU = false
        guard !usesASCIIRules else { return true }
        guard icu.reset(bytes) else {
            self.bytes = UnsafeBufferPointer(start: nil, count: 0)
            return false
        }
        stretchEnd = bytes.count
        stretchNeedsICU = true
        return true
    }

    /// The next segment, or nil at the end of the text.
    @inline(__always)
    func next() -> WordSegment? {
        while true {
            if cursor < stretchEnd {
                guard stretchNeedsICU else {
                    let segment = ASCIIWordRules.segment(bytes, from: cursor, to: stretchEnd)
                    cursor = segment.end
                    return segment
                }
                if let piece = icu.next() {
                    cursor = stretchStart + piece.end
                    return WordSegment(start: stretchStart + piece.start, end: cursor, ruleStatus: piece.ruleStatus)
                }
                cursor = stretchEnd
            }
            guard cursor < bytes.count, startStretch() else { return nil }
        }
    }

    /// Chooses the stretch that starts at `cursor` (see the type's comment); false if ICU
    /// refuses it.
    private func startStretch() -> Bool {
        let count = bytes.count
        let space = UInt8(ascii: " ")
        stretchStart = cursor
        stretchNeedsICU = false
        let nonASCII = firstNonASCII(from: cursor)
        guard nonASCII < count else {
            stretchEnd = count
            return true
        }
        // ASCII up to the spaces before the word that holds the first non-ASCII byte.
        var wordStart = nonASCII
        while wordStart > cursor, bytes[wordStart - 1] != space { wordStart -= 1 }
        var spacesStart = wordStart
        while spacesStart > cursor, bytes[spacesStart - 1] == space { spacesStart -= 1 }
        guard spacesStart == cursor else {
            stretchEnd = spacesStart
            return true
        }
        // ICU from here through every word that holds a non-ASCII byte, and the spaces after.
        var end = nonASCII
        while true {
            let nextWord = spacesEnd(from: firstSpace(from: end))
            let nextWordASCIIEnd = asciiWordEnd(from: nextWord)
            guard nextWordASCIIEnd < count, bytes[nextWordASCIIEnd] >= 0x80 else {
                end = nextWord
                break
            }
            end = nextWordASCIIEnd
        }
        stretchEnd = end
        stretchNeedsICU = true
        guard icu.reset(UnsafeBufferPointer(rebasing: bytes[stretchStart..<stretchEnd])) else {
            stretchEnd = count
            cursor = count
            return false
        }
        return true
    }

    /// The first byte at or after `index` that is not an ASCII space.
    @inline(__always)
    private func spacesEnd(from index: Int) -> Int {
        var index = index
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        return index
    }

    /// The first byte at or after `index` that is a space or not ASCII.
    @inline(__always)
    private func asciiWordEnd(from index: Int) -> Int {
        var index = index
        while index < bytes.count, bytes[index] < 0x80, bytes[index] != UInt8(ascii: " ") { index += 1 }
        return index
    }

    /// The first byte at or after `index` that is not ASCII (or the end), eight at a time.
    @inline(__always)
    private func firstNonASCII(from index: Int) -> Int {
        ByteScan.firstIndex(in: bytes, from: index, flags: { $0 & 0x8080_8080_8080_8080 }, where: { $0 >= 0x80 })
    }

    /// The first ASCII space at or after `index` (or the end), eight bytes at a time.
    @inline(__always)
    private func firstSpace(from index: Int) -> Int {
        ByteScan.firstIndex(in: bytes, from: index, flags: { ByteScan.zeroByteFlags($0 ^ 0x2020_2020_2020_2020) },
                            where: { $0 == UInt8(ascii: " ") })
    }
}
