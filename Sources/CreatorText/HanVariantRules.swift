/// Traditional Chinese folded to Simplified in a whole text before it is segmented, by
/// ICU's `Traditional-Simplified` rules applied without calling ICU.
///
/// ICU's dictionary segments the two scripts differently: `化妆品` (cosmetics) gives `化妆`
/// `品` but `化妝品` gives `化妝品`, and `護膚品推薦` gives `護膚品` `推薦` but `护肤品推荐`
/// gives `护肤` `品` `推荐`. Folding each token after segmentation (`HanVariantFolder` in
/// `TokenFolder`) then left different terms on the two sides, and a search in one script
/// missed the texts written in the other. Folded first, both texts reach the dictionary as
/// the same characters and segment alike, and a mixed spelling (`护膚`) reaches it as a word
/// it knows instead of two unknown characters. Only this fold runs before segmentation:
/// NFKC and the others still run per token (NFKC on a whole text would split Thai SARA AM;
/// see `TextAnalyzer`). Japanese kanji are Han characters and fold too, as they always did
/// per token, so Japanese text may segment differently than before (`東京タワー` is now
/// `东京` `タワー`), alike in the index and in queries.
///
/// Why not ICU's transliterator: it costs a rule search at every character, and a Chinese
/// caption is one long run of Han characters, different every time, so no memo helps;
/// analysing Chinese and Japanese text took about a fifth longer through it. The rules are
/// plain (`key > value;`: about 3,000 of one character and 1,000 phrases such as `餘額 >
/// 余额`), so they become a table per character and, for the characters that start a
/// phrase, that character's phrases, longest first. ICU's transliterator tries the rules in
/// order at each position and refuses a rule set where a rule hides a later one, so a phrase
/// comes before any shorter rule it starts with: taking the longest phrase that matches,
/// else the character's own rule, gives what the transliterator gives (a test checks every
/// rule and random runs against ICU). Should a later ICU print its rules in another form,
/// `icu` is empty and texts are folded per token only, as before.
final class HanVariantRules: Sendable {
    /// Per BMP character, the simplified character of its one-character rule (0: none).
    private let single: [UInt16]
    /// Per character that starts a phrase rule, those rules, longest key first.
    private let phrases: [UInt32: [(key: [UInt32], value: [Unicode.Scalar])]]
    /// One bit per BMP character: whether it starts a phrase (a dictionary lookup per
    /// character would cost more than the rest of the fold).
    private let startsPhrase: [UInt64]

    /// The rules parsed from ICU's own, once per process; no rules if ICU's have a line of
    /// another form.
    static let icu: HanVariantRules = HanVariantFolder.icuRules.flatMap(HanVariantRules.init(rules:)) ?? HanVariantRules()

    private init(single: [UInt16], phrases: [UInt32: [(key: [UInt32], value: [Unicode.Scalar])]], startsPhrase: [UInt64]) {
        self.single = single
        self.phrases = phrases
        self.startsPhrase = startsPhrase
    }

    /// No rules: folds nothing.
    private convenience init() {
        self.init(single: [], phrases: [:], startsPhrase: [])
    }

    /// Parses plain rules (`HanVariantFolder.plainRules(in:)`) whose keys are characters from
    /// U+3000 to U+FFFF (three bytes of UTF-8 each, which is what `fold` looks up); nil for
    /// any other.
    convenience init?(rules: String) {
        guard let parsed = HanVariantFolder.plainRules(in: rules) else { return nil }
        var single = [UInt16](repeating: 0, count: 0x10000)
        var phrases: [UInt32: [(key: [UInt32], value: [Unicode.Scalar])]] = [:]
        for (key, value) in parsed {
            guard let first = key.first, key.allSatisfy({ (0x3000...0xFFFF).contains($0.value) }) else { return nil }
            if key.count == 1, value.count == 1, (0x800...0xFFFF).contains(value[0].value) {
                if single[Int(first.value)] == 0, first != value[0] { single[Int(first.value)] = UInt16(value[0].value) }
            } else {
                phrases[first.value, default: []].append((key.map(\.value), value))
            }
        }
        var startsPhrase = [UInt64](repeating: 0, count: 0x10000 / 64)
        for first in phrases.keys {
            phrases[first]?.sort { $0.key.count > $1.key.count }
            startsPhrase[Int(first >> 6)] |= 1 << UInt64(first & 63)
        }
        self.init(single: single, phrases: phrases, startsPhrase: startsPhrase)
    }

    @inline(__always)
    private func startsAPhrase(_ scalar: UInt32) -> Bool {
        startsPhrase[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0
    }

    /// Replaces `output` with the fold of the UTF-8 `text` and returns true, or returns
    /// false when no rule applies to `text` (the usual case, which writes nothing; a rule
    /// may apply and change nothing, as `于思 > 于思` does): one pass that passes eight
    /// bytes at a time where no character of three or four bytes starts, and looks up each
    /// character of three bytes from U+3000 on (where every key character lies). `text` must
    /// be well-formed UTF-8, as a Swift string's is.
    func fold(_ text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Bool {
        guard text.baseAddress != nil, !single.isEmpty else { return false }
        var copied = 0, index = 0, changed = false
        // Starts a replacement at `start`: the text since the last one is copied first.
        func copyUnchanged(upTo start: Int) {
            if !changed { output.removeAll(keepingCapacity: true) }
            changed = true
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<start]))
        }
        next: while index < text.count {
            // Eight bytes at a time to the next byte that starts a character of three or
            // four bytes (0xE0 or more: its top three bits all set; no continuation byte is).
            index = ByteScan.firstIndex(in: text, from: index,
                                        flags: { ByteScan.zeroByteFlags(($0 & 0xE0E0_E0E0_E0E0_E0E0) ^ 0xE0E0_E0E0_E0E0_E0E0) },
                                        where: { $0 >= 0xE0 })
            guard index < text.count else { break }
            // From 0xE0 to 0xE2, the start of a character below U+3000; from 0xF0 on, a
            // character outside the BMP: no rule reads either.
            let lead = text[index]
            guard lead >= 0xE3, lead < 0xF0, index + 2 < text.count else {
                index += lead >= 0xF0 ? 4 : 1
                continue
            }
            let scalar = UInt32(lead & 0x0F) << 12 | UInt32(text[index + 1] & 0x3F) << 6 | UInt32(text[index + 2] & 0x3F)
            if startsAPhrase(scalar), let candidates = phrases[scalar] {
                for phrase in candidates {
                    guard let end = Self.match(phrase.key, in: text, at: index) else { continue }
                    copyUnchanged(upTo: index)
                    for character in phrase.value { Self.appendUTF8(character.value, to: &output) }
                    index = end
                    copied = end
                    continue next
                }
            }
            let replacement = single[Int(scalar)]
            if replacement != 0 {
                copyUnchanged(upTo: index)
                Self.appendUTF8(UInt32(replacement), to: &output)
                copied = index + 3
            }
            index += 3
        }
        guard changed else { return false }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<text.count]))
        return true
    }

    /// Where `key` ends if `text` holds it from `start`, else nil.
    private static func match(_ key: [UInt32], in text: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var index = start
        for expected in key {
            guard index < text.count else { return nil }
            let (scalar, length) = UTF8Scalars.decode(text, at: index)
            guard scalar == expected else { return nil }
            index += length
        }
        return index
    }

    @inline(__always)
    private static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        if scalar >= 0x800, scalar <= 0xFFFF {  // every Han character: three bytes
            output.append(0xE0 | UInt8(truncatingIfNeeded: scalar >> 12))
            output.append(0x80 | UInt8(truncatingIfNeeded: (scalar >> 6) & 0x3F))
            output.append(0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F))
        } else if let character = Unicode.Scalar(scalar), let encoded = UTF8.encode(character) {
            output.append(contentsOf: encoded)
        }
    }
}
