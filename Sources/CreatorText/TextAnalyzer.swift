// The multilingual text analyser: one pipeline for indexing and for queries.
//
// Pipeline, for each text (bios, captions, names, queries):
//
// 0. Fold Traditional Chinese characters to Simplified in the whole text (`HanVariantRules`),
//    so that ICU's dictionary sees the same characters in both scripts and segments them
//    alike (it splits `化妆品` but not `化妝品`).
// 1. Segment the text with ICU's word break iterator, root locale (`WordSegmenter`): rules
//    for space-separated scripts, dictionaries for Chinese, Japanese, Thai, Lao, Khmer and
//    Burmese. Segment first, fold after (but for step 0): folding the whole text first
//    would change what the dictionaries see (NFKC splits Thai SARA AM, and `ออกกำลังกาย`
//    would no longer segment as `ออก`/`กำลัง`/`กาย`).
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
// 5. A word's runs of Hangul syllables, and its runs of katakana, become overlapping pairs
//    at consecutive positions (`CharacterBigrams`: `서울에서` → `서울`, `울에`, `에서`;
//    `プチプラコーデ` → `プチ`, `チプ`, `プラ`, `ラコ`, `コー`, `ーデ`), so that a word finds
//    the texts that attach particles or other words to it.
// 6. Hashtags and mentions (`SocialMarker`): `#fitness` gives `#fitness` and `fitness` at
//    one position, `@nike` gives `@nike` and `nike`; the marked token's body is folded like
//    `foldKeyword`, so it equals `"#" + foldKeyword("fitness")`.
//
// Positions count the kept words from 0 (a word's pairs take one each). The output
// depends only on the text, never on the analyser instance or on earlier calls, so the index
// and the query side agree.

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
    private let hanRules = HanVariantRules.icu
    /// Scratch for a text whose Han characters `hanRules` changed (only ever passed to
    /// `hanRules.fold`, so no access overlaps another).
    @exclusivity(unchecked) private var hanFoldedText: [UInt8] = []

    public init() throws(AnalysisError) {
        segmenter = try WordSegmenter()
        folder = try TokenFolder()
        _ = analyze(Self.warmUpText)
    }

    /// Scratch for `analyze(_:into:)`, reused between calls.
    private var arena = TermArena()

    /// The terms of `text`, in text order; positions count up from 0, and a `#tag`/`@handle`
    /// token has the same position as its plain word.
    public func analyze(_ text: String) -> [AnalyzedTerm] {
        var terms: [AnalyzedTerm] = []
        analyze(text, into: &terms)
        return terms
    }

    /// Like `analyze(_:)`, but replaces the contents of `terms`, reusing its storage.
    public func analyze(_ text: String, into terms: inout [AnalyzedTerm]) {
        terms.removeAll(keepingCapacity: true)
        arena.removeAll()
        analyze(text, appendingTo: &arena)
        terms.reserveCapacity(arena.count)
        arena.bytes.withUnsafeBufferPointer { bytes in
            for index in 0..<arena.count {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[arena.range(of: index)]), as: UTF8.self)
                terms.append(AnalyzedTerm(text: text, position: Int(arena.positions[index])))
            }
        }
    }

    /// Appends the terms of `text` to `arena`, in the order and with the positions of
    /// `analyze(_:)` plus `firstPosition`, making no `String` or array per term: the index
    /// build's path. The arena's earlier terms are left as they are.
    public func analyze(_ text: String, appendingTo arena: inout TermArena, firstPosition: UInt32 = 0) {
        var text = text
        text.withUTF8 { bytes in
            guard hanRules.fold(bytes, into: &hanFoldedText) else {
                collectTerms(of: bytes, into: &arena, firstPosition: firstPosition)
                return
            }
            hanFoldedText.withUnsafeBufferPointer { collectTerms(of: $0, into: &arena, firstPosition: firstPosition) }
        }
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

    /// A `#…` or `@…` token whose body is still being read: where its term is (or goes) in
    /// the output, its position and the body's bytes.
    ///
    /// The marked term is written as the body's first word is folded, as the marker byte
    /// followed by that word's fold, right before the word's own term: for a one-word body
    /// (nearly every hashtag and all mentions) that is already the final term, and nothing
    /// moves. A body of several words (a hashtag that the dictionary splits) gets its term
    /// replaced by the fold of the whole body when it ends.
    private struct OpenMarker {
        var marker: SocialMarker
        var termIndex: Int
        var position: UInt32
        var bodyStart: Int
        var bodyEnd: Int
        /// Whether the body is one word so far.
        var isSingleWord = true
        /// Whether the output holds the marked term at `termIndex` (not when the first word
        /// folded to nothing).
        var hasTerm = false
    }

    /// Scratch for a marked token's bytes, and for a word split into pairs.
    private var markedBytes: [UInt8] = []
    private var pairBytes: [UInt8] = []

    private func collectTerms(of bytes: UnsafeBufferPointer<UInt8>, into terms: inout TermArena, firstPosition: UInt32) {
        guard !bytes.isEmpty, segmenter.reset(bytes) else { return }
        var position = firstPosition
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
                    terms.append(emoji.utf8, position: position)
                    position += 1
                }
                continue
            }
            var wordStart = segment.start
            var opensMarker = false
            let atSigns = SocialMarker.leadingAtSignBytes(piece)
            if atSigns > 0 {
                if let marked = open { close(marked, in: bytes, into: &terms) }
                open = nil
                if atSigns == piece.count {  // a lone `@`, as ICU leaves it before kana or ideographs
                    pendingMarker = .mention
                    continue
                }
                wordStart += atSigns
                open = OpenMarker(marker: .mention, termIndex: terms.count, position: position,
                                  bodyStart: wordStart, bodyEnd: segment.end)
                opensMarker = true
            } else if let marker = pendingMarker {
                open = OpenMarker(marker: marker, termIndex: terms.count, position: position,
                                  bodyStart: wordStart, bodyEnd: segment.end)
                opensMarker = true
            } else if open != nil {  // a hashtag's body goes on (a mention's ends after one word)
                open?.bodyEnd = segment.end
                open?.isSingleWord = false
            }
            pendingMarker = nil

            let word = UnsafeBufferPointer(rebasing: bytes[wordStart..<segment.end])
            var wordHasTerm = false
            if opensMarker, let marker = open?.marker {
                // The marked term first: marker byte, then the word's fold, which is then
                // copied as the word's own term.
                let markedStart = terms.pendingStart
                terms.bytes.append(marker.prefixByte)
                folder.fold(word, appendingTo: &terms.bytes)
                if terms.bytes.count > markedStart + 1 {
                    terms.closeTerm(position: position)
                    open?.hasTerm = true
                    terms.appendCopy(of: (markedStart + 1)..<terms.bytes.count, position: position)
                    wordHasTerm = true
                } else {
                    terms.bytes.removeLast()
                }
            } else {
                folder.fold(word, appendingTo: &terms.bytes)
                if terms.bytes.count > terms.pendingStart {
                    terms.closeTerm(position: position)
                    wordHasTerm = true
                }
            }
            if wordHasTerm, CharacterBigrams.mayHavePairs(piece) {
                // A Korean or katakana word: its pairs instead, a position each.
                position += CharacterBigrams.splitLastTerm(of: &terms, position: position, scratch: &pairBytes)
            } else if wordHasTerm {
                // The word's term is the arena's last: its apostrophe parts, then the next position.
                let wordRange = terms.range(of: terms.count - 1)
                if ApostropheParts.mayHaveApostrophe(piece) {
                    let parts = terms.bytes.withUnsafeBufferPointer {
                        ApostropheParts.partRanges(of: UnsafeBufferPointer(rebasing: $0[wordRange]))
                    }
                    let offset = wordRange.lowerBound
                    if let head = parts.head { terms.appendCopy(of: (head.lowerBound + offset)..<(head.upperBound + offset), position: position) }
                    if let tail = parts.tail { terms.appendCopy(of: (tail.lowerBound + offset)..<(tail.upperBound + offset), position: position) }
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

    /// Completes a marked token: a one-word body's term is already in place; a longer body's
    /// term becomes the marker byte and the fold of the whole body (or goes, if that is empty).
    private func close(_ marked: OpenMarker, in bytes: UnsafeBufferPointer<UInt8>, into terms: inout TermArena) {
        guard !marked.isSingleWord else { return }
        markedBytes.removeAll(keepingCapacity: true)
        markedBytes.append(marked.marker.prefixByte)
        folder.fold(UnsafeBufferPointer(rebasing: bytes[marked.bodyStart..<marked.bodyEnd]), appendingTo: &markedBytes)
        let body = markedBytes.count > 1 ? markedBytes : nil
        if marked.hasTerm {
            terms.replaceTerm(at: marked.termIndex, with: body)
        } else if let body {
            terms.insert(body, position: marked.position, at: marked.termIndex)
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
