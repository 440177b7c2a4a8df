/// Folds one token, or a whole keyword, to the form the index stores: NFKC case folding,
/// then diacritic folding (Latin, Greek, Cyrillic; Arabic and Hebrew marks), then
/// Traditional → Simplified Chinese.
///
/// Most tokens need little or none of that, so each step runs only when the token has a
/// character it could change:
/// - an ASCII token is only lower-cased, in Swift (NFKC_Casefold of ASCII is lower-casing,
///   and the later steps never touch ASCII);
/// - a token that `UnchangedTokenCheck` finds stable is returned from its UTF-8 bytes;
/// - any other token is converted to UTF-16 once (ICU's normaliser and transliterators work
///   on UTF-16); NFKC case folding runs only past ICU's quick check, and the other two steps
///   only when a frozen set of the characters they can change intersects the token;
/// - a token that no step changed is returned from its original UTF-8 bytes;
/// - the results of the UTF-16 path are memoised (`FoldCache`): word frequencies are
///   Zipfian, so most tokens that need ICU's normaliser or transliterators (`Москва`,
///   `café`, traditional Chinese, Japanese kanji) have been folded before.
final class TokenFolder {
    private var cache = FoldCache(capacity: 16_384)
    private var buffers = UTF16BufferPair()
    private let caseFolder: CaseFolder
    private let diacriticFolder: DiacriticFolder
    private let hanVariantFolder: HanVariantFolder
    private let unchangedCheck: UnchangedTokenCheck

    init() throws(AnalysisError) {
        caseFolder = try CaseFolder()
        diacriticFolder = try DiacriticFolder()
        hanVariantFolder = try HanVariantFolder()
        unchangedCheck = try UnchangedTokenCheck(
            excluding: [diacriticFolder.trigger, hanVariantFolder.traditionalCharacters])
    }

    /// Scratch for `fold(_:)`, reused between calls.
    private var scratch: [UInt8] = []

    /// The folded form of the UTF-8 `bytes` (ill-formed bytes become U+FFFD).
    func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        scratch.removeAll(keepingCapacity: true)
        fold(bytes, appendingTo: &scratch)
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Appends the folded form of the UTF-8 `bytes` to `output`: the analyser's path, which
    /// makes no `String` for the tokens that need no ICU folding (most of them). Ill-formed
    /// `bytes` may be appended as they are (`fold(_:)` repairs them when it makes its string).
    func fold(_ bytes: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) {
        if bytes.isEmpty { return }
        if UTF8Scalars.isASCII(bytes) {
            Self.appendLowercasedASCII(bytes, to: &output)
            return
        }
        if unchangedCheck.isUnchanged(bytes) {
            output.append(contentsOf: bytes)
            return
        }
        let token = String(decoding: bytes, as: UTF8.self)
        let folded: String
        if let cached = cache[token] {
            folded = cached
        } else {
            folded = foldInUTF16(bytes)
            cache[token] = folded
        }
        output.append(contentsOf: folded.utf8)
    }

    /// Folds `bytes` through the UTF-16 steps. With `skippingUnneededSteps` false every step
    /// runs on every token, which must give the same result as the shortcuts (tests check).
    func foldInUTF16(_ bytes: UnsafeBufferPointer<UInt8>, skippingUnneededSteps skip: Bool = true) -> String {
        guard buffers.current.assign(utf8: bytes) else { return String(decoding: bytes, as: UTF8.self) }
        var changed = caseFolder.fold(&buffers, skippingQuickCheckedText: skip) || !skip
        if !skip || diacriticFolder.mayChange(buffers.current.contents) {
            diacriticFolder.fold(&buffers)
            changed = true
        }
        if !skip || hanVariantFolder.mayChange(buffers.current.contents) {
            hanVariantFolder.fold(&buffers)
            changed = true
        }
        if !changed { return String(decoding: bytes, as: UTF8.self) }
        return buffers.current.makeString()
    }

    /// Appends `bytes` (all ASCII) with `A`–`Z` lower-cased.
    @inline(__always)
    static func appendLowercasedASCII(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let start = output.count
        output.append(contentsOf: bytes)
        output.withUnsafeMutableBufferPointer { output in
            for index in start..<output.count {
                let byte = output[index]
                output[index] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
            }
        }
    }
}
