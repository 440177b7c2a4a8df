internal import CICU

/// Folds Traditional Chinese characters to Simplified with ICU's `Traditional-Simplified`
/// transliterator, so `護膚` and `护肤` (skin care), `臺灣` and `台湾` index alike.
///
/// The same rules also run on a whole text before segmentation, applied in Swift
/// (`HanVariantRules`, so that ICU's dictionary segments both scripts alike); this class
/// folds each token after it (`TokenFolder`, which also serves `foldKeyword`).
///
/// Japanese kanji are folded too, on purpose. The fold is applied to every Han character
/// regardless of the surrounding text, so Japanese `動画` indexes as `动画` and `東京` as
/// `东京`, while shinjitai with no traditional form in ICU's table stay as they are
/// (`広告`). Folding by context (not in text that contains kana) was rejected because
/// queries are short and carry no context: the query `東京` has no kana, so it would fold to
/// `东京` while the Japanese bio `東京に住んでいます` kept `東京`, and the search for Tokyo
/// would miss Tokyo's Japanese creators. Folding everywhere keeps index and query in step.
/// The price: a Chinese query finds Japanese text written with the same (folded)
/// characters (`家电` finds `家電`), mostly the same meaning in both languages, rarely a
/// false friend (`手紙` letter → `手纸` toilet paper); the `languages` and `country` filters
/// separate the markets when that matters.
///
/// The transliterator is slow (rule matching, some rules span words: `計畫` → `计划`, not
/// `计画`), so it runs only on tokens with a character it can change. ICU's own source set
/// is no help there: it holds every character of every rule, common simplified ones
/// (`了`, `美`, `和`) included. The set used instead is read from the rules themselves.
final class HanVariantFolder {
    private let transliterator: Transliterator
    /// The characters folding can change (about 2,900 on ICU 72).
    let traditionalCharacters: ICUCharacterSet

    init() throws(AnalysisError) {
        transliterator = try Transliterator(id: "Traditional-Simplified")
        if let changeable = Self.changedCharactersOfICURules {
            traditionalCharacters = try Self.characterSet(changeable)
        } else {
            traditionalCharacters = try transliterator.sourceSet()
        }
    }

    /// ICU's `Traditional-Simplified` rules as text, read once per process (a few ms; ICU's
    /// data does not change while it runs). Immutable after that.
    static let icuRules: String? = {
        guard let transliterator = try? Transliterator(id: "Traditional-Simplified") else { return nil }
        return transliterator.rules()
    }()

    /// `changedCharacters(inRules:)` of ICU's rules.
    private static let changedCharactersOfICURules: [Unicode.Scalar]? = icuRules.flatMap(changedCharacters(inRules:))

    /// Whether folding could change `units`.
    func mayChange(_ units: UnsafeBufferPointer<UInt16>) -> Bool {
        traditionalCharacters.containsAny(units)
    }

    /// Folds `buffers.current` (the result stays in `buffers.current`); on an ICU failure
    /// the text stays as it was.
    func fold(_ buffers: inout UTF16BufferPair) {
        if transliterator.transliterate(buffers.current, into: buffers.spare) { buffers.swap() }
    }

    /// The rules of `rules` when every line has the plain form `key > value;` (as ICU 72
    /// prints `Traditional-Simplified`), with no ASCII (so no rule syntax); nil otherwise.
    static func plainRules(in rules: String) -> [(key: [Unicode.Scalar], value: [Unicode.Scalar])]? {
        var parsed: [(key: [Unicode.Scalar], value: [Unicode.Scalar])] = []
        for line in rules.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 3, parts[1] == ">", parts[2].hasSuffix(";") else { return nil }
            let key = Array(parts[0].unicodeScalars)
            let value = Array(parts[2].dropLast().unicodeScalars)
            guard !key.isEmpty, (key + value).allSatisfy({ $0.value >= 0x80 }) else { return nil }
            parsed.append((key, value))
        }
        return parsed
    }

    /// The characters that the plain rules of `rules` (`plainRules(in:)`) change: in each
    /// rule, the key's characters at the places where the value differs, or all of them when
    /// the lengths differ. A token with none of them matches no rule that changes anything.
    /// Nil if the rules are not plain (then the caller falls back to the source set, which
    /// is always safe).
    static func changedCharacters(inRules rules: String) -> [Unicode.Scalar]? {
        guard let parsed = plainRules(in: rules) else { return nil }
        var changed = Set<Unicode.Scalar>()
        for (key, value) in parsed {
            if key.count == value.count {
                for (from, to) in zip(key, value) where from != to { changed.insert(from) }
            } else {
                changed.formUnion(key)
            }
        }
        return changed.isEmpty ? nil : changed.sorted { $0.value < $1.value }
    }

    private static func characterSet(_ scalars: [Unicode.Scalar]) throws(AnalysisError) -> ICUCharacterSet {
        guard let set = cicu_uset_openEmpty() else {
            throw AnalysisError.icuFailure(operation: "uset_openEmpty", errorName: "U_MEMORY_ALLOCATION_ERROR")
        }
        for scalar in scalars { cicu_uset_add(set, UChar32(bitPattern: scalar.value)) }
        return ICUCharacterSet(adopting: set)
    }
}
