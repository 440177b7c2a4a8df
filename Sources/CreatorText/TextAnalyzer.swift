// The multilingual text analyser: one pipeline for indexing and for queries.
//
// Pipeline, for each text (bios, captions, names, queries):
//
// 1. Segment the text with ICU's word break iterator, root locale (`WordSegmenter`): rules
//    for space-separated scripts, dictionaries for Chinese, Japanese, Thai, Lao, Khmer and
//    Burmese. Segment first, fold after: folding the whole text first would change what
//    the dictionaries see (NFKC splits Thai SARA AM, and `ออกกำลังกาย` would no longer
//    segment as `ออก`/`กำลัง`/`กาย`).
// 2. Keep ICU's word segments (numbers, letters, kana, ideographs) and fold each one
//    (`TokenFolder`): NFKC case folding (`CaseFolder`: `ＳＫＩＮ` → `skin`); diacritics of
//    Latin, Greek and Cyrillic, vowel marks of Arabic and Hebrew (`DiacriticFolder`:
//    `Café` → `cafe`, `İstanbul` → `istanbul`); Traditional → Simplified Chinese, Japanese
//    kanji included (`HanVariantFolder`: `護膚` → `护肤`, `動画` → `动画`). ASCII tokens are
//    only lower-cased, and tokens that no step would change skip ICU altogether.
// 3. Of the other segments, keep emoji as tokens (`EmojiTerm`: skin tones and variation
//    selectors removed, ZWJ sequences whole) and drop spaces, punctuation and symbols.
// 4. A word with an apostrophe is also indexed by its parts (`ApostropheParts`:
//    `İstanbul'da` → `istanbul'da`, `istanbul`, `da`; `l'été` → `l'ete`, `ete`).
// 5. Hashtags and mentions (`SocialMarker`): `#fitness` gives `#fitness` and `fitness` at
//    one position, `@nike` gives `@nike` and `nike`; the marked token's body is folded like
//    `foldKeyword`, so it equals `"#" + foldKeyword("fitness")`.
//
// Positions count the kept words from 0. The output depends only on the text, never on the
// analyser instance or on earlier calls, so the index and the query side agree.

/// Splits text into folded, positioned search terms with ICU (see the file header for the
/// pipeline). The same analyser serves indexing and queries.
///
/// Not thread-safe: make one per thread. Making one is cheap after the first in a process
/// (about 1 ms: a break iterator, two transliterators, character sets and a warm-up run);
/// the first also loads ICU's segmentation dictionaries and compiles transliterator rules
/// (20–60 ms), which the initialiser does up front so that no query pays for it.
public final class TextAnalyzer {
    private let segmenter: WordSegmenter
    private let folder: TokenFolder

    public init() throws(AnalysisError) {
        segmenter = try WordSegmenter()
        folder = try TokenFolder()
        _ = analyze(Self.warmUpText)
    }

    /// The terms of `text`, in text order; positions count up from 0, and a `#tag`/`@handle`
    /// token has the same position as its plain word.
    public func analyze(_ text: String) -> [AnalyzedTerm] {
        var terms: [AnalyzedTerm] = []
        // About one term per six bytes in Latin-script text, more in CJK: one allocation
        // instead of a string of regrowths for most texts.
        terms.reserveCapacity(text.utf8.count / 6 + 4)
        analyze(text, into: &terms)
        return terms
    }

    /// Like `analyze(_:)`, but replaces the contents of `terms`, reusing its storage: a
    /// build loop that analyses many texts with one array allocates less.
    public func analyze(_ text: String, into terms: inout [AnalyzedTerm]) {
        terms.removeAll(keepingCapacity: true)
        var text = text
        text.withUTF8 { collectTerms(of: $0, into: &terms) }
    }

    /// The texts of `analyze(text)`.
    public func terms(_ text: String) -> [String] {
        analyze(text).map(\.text)
    }

    /// Folds a keyword for exact-match facets (hashtags without their leading `#`, category
    /// tags, handles): the same folding as text tokens (NFKC case folding, diacritics,
    /// Traditional → Simplified) applied to the whole keyword, without segmentation. It does
    /// not trim, strip `#`/`@`, or remove spaces: that is the caller's business. A keyword
    /// that is only emoji gets the emoji token's form (`👍🏽` → `👍`).
    public func foldKeyword(_ keyword: String) -> String {
        var keyword = keyword
        return keyword.withUTF8 { bytes in
            if EmojiTerm.isEmojiOnly(bytes), let emoji = EmojiTerm.canonicalForm(of: bytes) { return emoji }
            return folder.fold(bytes)
        }
    }

    /// A `#…` or `@…` token whose body is still being read: its slot in the output (filled
    /// in when the body ends, or removed if the body folds to nothing) and the body's bytes.
    private struct OpenMarker {
        var marker: SocialMarker
        var termIndex: Int
        var bodyStart: Int
        var bodyEnd: Int
        /// Whether the body is one word, whose fold is then the term after the slot.
        var isSingleWord = true
    }

    private func collectTerms(of bytes: UnsafeBufferPointer<UInt8>, into terms: inout [AnalyzedTerm]) {
        guard !bytes.isEmpty, segmenter.reset(bytes) else { return }
        var position = 0
        var pendingMarker: SocialMarker?
        var open: OpenMarker?
        while let segment = segmenter.next() {
            let piece = UnsafeBufferPointer(rebasing: bytes[segment.start..<segment.end])
            guard segment.isWord else {
                if let marked = open {
                    close(marked, in: bytes, into: &terms)
                    open = nil
                }
                pendingMarker = SocialMarker(segment: piece)
                if pendingMarker == nil, let emoji = EmojiTerm.canonicalForm(of: piece) {
                    terms.append(AnalyzedTerm(text: emoji, position: position))
                    position += 1
                }
                continue
            }
            var wordStart = segment.start
            let atSigns = SocialMarker.leadingAtSignBytes(piece)
            if atSigns > 0 {
                if let marked = open { close(marked, in: bytes, into: &terms) }
                open = nil
                if atSigns == piece.count {  // a lone `@`, as ICU leaves it before kana or ideographs
                    pendingMarker = .mention
                    continue
                }
                wordStart += atSigns
                open = OpenMarker(marker: .mention, termIndex: terms.count, bodyStart: wordStart, bodyEnd: segment.end)
                terms.append(AnalyzedTerm(text: "", position: position))
            } else if let marker = pendingMarker {
                open = OpenMarker(marker: marker, termIndex: terms.count, bodyStart: wordStart, bodyEnd: segment.end)
                terms.append(AnalyzedTerm(text: "", position: position))
            } else if open != nil {  // a hashtag's body goes on (a mention's ends after one word)
                open?.bodyEnd = segment.end
                open?.isSingleWord = false
            }
            pendingMarker = nil

            let word = folder.fold(UnsafeBufferPointer(rebasing: bytes[wordStart..<segment.end]))
            if !word.isEmpty {
                terms.append(AnalyzedTerm(text: word, position: position))
                if ApostropheParts.mayHaveApostrophe(piece) {
                    for part in ApostropheParts.parts(of: word) {
                        terms.append(AnalyzedTerm(text: String(part), position: position))
                    }
                }
                position += 1
            }
            if let marked = open, marked.marker == .mention {
                close(marked, in: bytes, into: &terms)
                open = nil
            }
        }
        if let marked = open { close(marked, in: bytes, into: &terms) }
    }

    /// Writes a marked token into its slot (or removes the slot if its body folded to nothing).
    private func close(_ marked: OpenMarker, in bytes: UnsafeBufferPointer<UInt8>, into terms: inout [AnalyzedTerm]) {
        let body: String
        if marked.isSingleWord {
            body = marked.termIndex + 1 < terms.count ? terms[marked.termIndex + 1].text : ""
        } else {
            body = folder.fold(UnsafeBufferPointer(rebasing: bytes[marked.bodyStart..<marked.bodyEnd]))
        }
        if body.isEmpty {
            terms.remove(at: marked.termIndex)
        } else {
            terms[marked.termIndex].text = marked.marker.prefix + body
        }
    }

    /// Text that exercises every dictionary, transliterator and folding step once, so the
    /// first real text does not pay for loading them.
    static let warmUpText = """
        Hello Café ærø İstanbul Αθήνα ёлка ＳＫＩＮ 護膚 东京タワーに行きました 서울 \
        ภาษาไทยง่ายนิดเดียว ພາສາລາວ ភាសាខ្មែរ မြန်မာဘာသာ مرحبا #tag @nike 👍🏽
        """
}

@available(*, unavailable, message: "TextAnalyzer is not thread-safe: make one per thread")
extension TextAnalyzer: Sendable {}
