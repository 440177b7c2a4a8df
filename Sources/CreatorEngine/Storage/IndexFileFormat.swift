/// The on-disk container of an index: a header, named sections, and a section table.
///
/// ```
/// offset 0   header (64 bytes)
///            magic "CRTRIDX1" · format version u32 · flags u32 · section table offset u64 ·
///            section count u32 · section table CRC-32 u32 · file length u64 · reserved ·
///            header CRC-32 u32 (over bytes 0..<60)
/// 64         sections, each starting on an 8-byte boundary (some later, so that the data
///            they hold for wide loads starts on a 64-byte boundary: `vector.lookalike`'s vectors)
/// table      one 56-byte entry per section: name (32 bytes, UTF-8, zero-padded) ·
///            offset u64 · length u64 · CRC-32 u32 · flags u32
/// ```
/// All integers are little-endian. Opening checks the header, the table, that every section
/// lies inside the file, and the CRC of every section not marked `largeSection`; those
/// (postings, positions, stored documents, and any section over `eagerCheckLimit`) are
/// checked by `verifyAll()` (`creators stats --verify`), and every read of them is
/// bounds-checked, so damage there gives wrong numbers or an error, never a crash.
public enum IndexFileFormat {
    public static let magic: [UInt8] = Array("CRTRIDX1".utf8)
    /// Bumped on every incompatible change to any section's layout.
    /// 2: the risk sections (`risk.*`). 3: the lookalike vectors and overlap postings
    /// (`vector.lookalike`, `overlap.postings`) as well. 4: overlap postings as varint deltas.
    /// 5: compact stored records with a zstd dictionary. 6: sketches only for creators with
    /// a sample, numeric columns as u32 or f64 (rows only for the known values when under
    /// half are), postings as document deltas then four-bit term frequencies, audience
    /// forward offsets in u32 and key ids in one byte, 20-byte term infos. 7: stored records
    /// keep the follower history, growth and audience as numbers, not JSON text. 8: Korean
    /// words indexed as syllable pairs (`HangulBigrams`): the terms changed, not the layout,
    /// but an index of 7 would not answer the queries the new analyser makes. 9: Traditional
    /// Chinese folded to Simplified before segmentation (`HanVariantRules`): terms again.
    /// 10: katakana words indexed as pairs too (`CharacterBigrams`, which `HangulBigrams`
    /// became): terms again. 11: audience shares in ten-thousandths (`AudienceShare`, u16)
    /// instead of `Float`, forward key ids up to u32 (no entry dropped), and the stored
    /// records without the audience's distributions, which `get` renders from the forward
    /// sections. 12: facet lists and the audience's inverted documents as 16-bit halves in
    /// 65,536-document chunks (`ChunkedDocumentLists`).
    /// Optional sections that a reader uses when present (`vector.lookalike.coarse`) are
    /// added without a new version: an older index of the same version still answers alike.
    public static let version: UInt32 = 12
    public static let headerSize = 64
    /// The largest alignment a section's data may ask of the writer (a cache line).
    public static let widestAlignment = 64
    public static let tableEntrySize = 56
    public static let nameSize = 32

    /// Section flag: checked by `verifyAll()` rather than on open.
    public static let largeSection: UInt32 = 1
    /// Sections up to this size are checked at every open (the metadata, dictionaries and
    /// small tables); larger ones are flagged `largeSection`.
    public static let eagerCheckLimit = 1 << 20
}
