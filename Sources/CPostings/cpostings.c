#include "cpostings.h"

#include <stdlib.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CPOST_X86 1
#endif

/// Finishes a skip a byte at a time from `offset`, where `left` varints remain.
static size_t skip_tail(const uint8_t *bytes, size_t length, size_t offset, size_t left) {
    while (left > 0) {
        if (offset >= length) return SIZE_MAX;
        if (bytes[offset] < 0x80) left--;
        offset++;
    }
    return offset;
}

static size_t skip_portable(const uint8_t *bytes, size_t length, size_t count) {
    return skip_tail(bytes, length, 0, count);
}

static uint64_t sum_portable(const uint32_t *values, size_t count) {
    uint64_t sum = 0;
    for (size_t i = 0; i < count; i++) sum += values[i];
    return sum;
}

/// The loop of cpost_widen_chunked; compiled once for the baseline and once for AVX2 (which
/// widens eight documents an instruction: half the time on a 587k-document list).
#define WIDEN_CHUNKED_BODY                                                        \
    size_t start = 0;                                                             \
    for (size_t chunk = 0; chunk < chunk_count; chunk++) {                        \
        const uint32_t base = (uint32_t)chunk << 16;                              \
        const size_t end = chunk_ends[chunk];                                     \
        for (size_t i = start; i < end; i++) out[i] = base | lows[i];             \
        start = end;                                                              \
    }

static void widen_chunked_portable(const uint16_t *lows, const uint32_t *chunk_ends, size_t chunk_count, uint32_t *out) {
    WIDEN_CHUNKED_BODY
}

void cpost_set_bits_ascending(uint64_t *words, const uint32_t *documents, size_t count) {
    size_t i = 0;
    while (i < count) {
        const uint32_t word = documents[i] >> 6;
        uint64_t bits = 0;
        do {
            bits |= 1ull << (documents[i] & 63);
            i++;
        } while (i < count && documents[i] >> 6 == word);
        words[word] |= bits;
    }
}

// MARK: Decoding postings

/// Reads one varint at *cursor as Swift's `Varint.read` does: at most five bytes, bits past
/// 32 dropped; 0 when `end` comes first or a sixth byte would be needed.
static inline int read_varint(const uint8_t *bytes, size_t end, size_t *cursor, uint32_t *value) {
    uint32_t result = 0;
    size_t at = *cursor;
    for (uint32_t shift = 0; at < end && shift < 32; shift += 7) {
        const uint8_t byte = bytes[at++];
        result |= (uint32_t)(byte & 0x7F) << shift;
        if (byte < 0x80) {
            *cursor = at;
            *value = result;
            return 1;
        }
    }
    *cursor = at;
    return 0;
}


/// One delta after `*document`: 0 for damage (a zero delta, or past 2^32).
static inline int next_document(uint32_t *document, uint32_t delta) {
    if (delta == 0 || *document > UINT32_MAX - delta) return 0;
    *document += delta;
    return 1;
}

/// The frequencies from `index` on, a code at a time; *large moves past the large ones.
static inline int decode_codes_tail(const uint8_t *bytes, size_t length, size_t codes, size_t index, size_t count,
                                    size_t *large, uint32_t *frequencies) {
    for (; index < count; index++) {
        const uint32_t code = (uint32_t)(bytes[codes + (index >> 1)] >> ((index & 1) << 2)) & 0x0F;
        frequencies[index] = code + 1;
        if (code == CPOST_FREQUENCY_ESCAPE) {
            uint32_t extra;
            if (!read_varint(bytes, length, large, &extra) || extra >= UINT32_MAX - CPOST_FREQUENCY_ESCAPE) return 0;
            frequencies[index] = extra + CPOST_FREQUENCY_ESCAPE + 1;
        }
    }
    return 1;
}

/// Reads the first document (stored as is) into documents[0] when there is one; *index is
/// then how many documents are read. 0 for damage.
static inline int read_first_document(const uint8_t *bytes, size_t length, size_t count, size_t *offset,
                                      uint32_t *document, uint32_t *documents, size_t *index) {
    *document = 0;
    *index = 0;
    if (count == 0) return 1;
    if (!read_varint(bytes, length, offset, document)) return 0;
    documents[0] = *document;
    *index = 1;
    return 1;
}

/// After the deltas, which end at `offset` with `last`: checks `last` against the limit and
/// that the codes fit, and sets *large where the large frequencies start. 0 for damage.
static inline int locate_codes(size_t length, size_t offset, size_t count, uint32_t last, uint32_t limit,
                               size_t *large) {
    if (count > 0 && last >= limit) return 0;
    const size_t code_bytes = (count + 1) / 2;
    if (code_bytes > length - offset) return 0;
    *large = offset + code_bytes;
    return 1;
}

static int decode_portable(const uint8_t *bytes, size_t length, size_t count, uint32_t limit,
                           uint32_t *documents, uint32_t *frequencies) {
    size_t offset = 0, index, large;
    uint32_t document;
    if (!read_first_document(bytes, length, count, &offset, &document, documents, &index)) return 0;
    for (; index < count; index++) {
        uint32_t delta;
        if (!read_varint(bytes, length, &offset, &delta) || !next_document(&document, delta)) return 0;
        documents[index] = document;
    }
    if (!locate_codes(length, offset, count, document, limit, &large)) return 0;
    if (!decode_codes_tail(bytes, length, offset, 0, count, &large, frequencies)) return 0;
    return large == length;
}

#ifdef CPOST_X86
/// Sixteen codes (eight bytes from an even posting) hold no escape: a zero nibble of ~word.
static inline int no_escape(uint64_t word) {
    const uint64_t inverted = ~word;
    return ((inverted - 0x1111111111111111ull) & ~inverted & 0x8888888888888888ull) == 0;
}

/// Sixteen one-byte deltas (1...127) at `bytes` added up from `document`: the documents go
/// to out[0..<16]. The callers check the bytes first (block_of_small_deltas).
typedef void (*sixteen_deltas)(const uint8_t *bytes, uint32_t document, uint32_t *out);
/// Sixteen four-bit codes, none the escape (the eight bytes of `word`), as frequencies
/// (code + 1) in out[0..<16].
typedef void (*sixteen_codes)(uint64_t word, uint32_t *out);

/// Whether the sixteen bytes at `bytes` are all one-byte deltas: no top bit set (a wider
/// varint) and none zero (damage).
__attribute__((target("sse2"), always_inline))
static inline int block_of_small_deltas(const uint8_t *bytes) {
    const __m128i block = _mm_loadu_si128((const __m128i *)bytes);
    return _mm_movemask_epi8(block) == 0 && _mm_movemask_epi8(_mm_cmpeq_epi8(block, _mm_setzero_si128())) == 0;
}

/// As decode_portable, with sixteen postings at a time where their deltas are one byte each
/// (as most of a common word's are) and sixteen codes at a time where none is the escape,
/// each block handled by the kernel's `deltas` and `codes`. Inlined into each kernel, so
/// that those calls are too.
__attribute__((always_inline))
static inline int decode_blocks(const uint8_t *bytes, size_t length, size_t count, uint32_t limit,
                                uint32_t *documents, uint32_t *frequencies, sixteen_deltas deltas, sixteen_codes codes) {
    size_t offset = 0, index, large;
    uint32_t document;
    if (!read_first_document(bytes, length, count, &offset, &document, documents, &index)) return 0;
    while (index < count) {
        if (count - index >= 16 && length - offset >= 16 && document <= UINT32_MAX - 16 * 127
            && block_of_small_deltas(bytes + offset)) {
            deltas(bytes + offset, document, documents + index);
            document = documents[index + 15];
            index += 16;
            offset += 16;
            continue;
        }
        uint32_t delta;
        if (!read_varint(bytes, length, &offset, &delta) || !next_document(&document, delta)) return 0;
        documents[index++] = document;
    }
    if (!locate_codes(length, offset, count, document, limit, &large)) return 0;
    const size_t code_start = offset;
    index = 0;
    // Every code read here lies inside the code bytes (checked above).
    while (count - index >= 16) {
        uint64_t word;
        __builtin_memcpy(&word, bytes + code_start + (index >> 1), 8);
        if (no_escape(word)) {
            codes(word, frequencies + index);
        } else if (!decode_codes_tail(bytes, length, code_start, index, index + 16, &large, frequencies)) {
            return 0;
        }
        index += 16;
    }
    if (!decode_codes_tail(bytes, length, code_start, index, count, &large, frequencies)) return 0;
    return large == length;
}

/// The sixteen codes of `word` as bytes, in order (each byte's low nibble first).
__attribute__((target("sse2"), always_inline))
static inline __m128i unpack_codes(uint64_t word) {
    const __m128i packed = _mm_cvtsi64_si128((long long)word);
    const __m128i low_nibbles = _mm_set1_epi8(0x0F);
    const __m128i low = _mm_and_si128(packed, low_nibbles);
    const __m128i high = _mm_and_si128(_mm_srli_epi16(packed, 4), low_nibbles);
    return _mm_unpacklo_epi8(low, high);
}

/// The deltas widened to 32 bits and summed in four shift-and-add steps across the register.
__attribute__((target("avx512f,avx512bw,avx512vl"), always_inline))
static inline void deltas_avx512(const uint8_t *bytes, uint32_t document, uint32_t *out) {
    const __m512i zero = _mm512_setzero_si512();
    __m512i sums = _mm512_cvtepu8_epi32(_mm_loadu_si128((const __m128i *)bytes));
    sums = _mm512_add_epi32(sums, _mm512_alignr_epi32(sums, zero, 15));
    sums = _mm512_add_epi32(sums, _mm512_alignr_epi32(sums, zero, 14));
    sums = _mm512_add_epi32(sums, _mm512_alignr_epi32(sums, zero, 12));
    sums = _mm512_add_epi32(sums, _mm512_alignr_epi32(sums, zero, 8));
    _mm512_storeu_si512((void *)out, _mm512_add_epi32(sums, _mm512_set1_epi32((int)document)));
}

__attribute__((target("avx512f,avx512bw,avx512vl"), always_inline))
static inline void codes_avx512(uint64_t word, uint32_t *out) {
    _mm512_storeu_si512((void *)out, _mm512_add_epi32(_mm512_cvtepu8_epi32(unpack_codes(word)), _mm512_set1_epi32(1)));
}

__attribute__((target("avx512f,avx512bw,avx512vl")))
static int decode_avx512(const uint8_t *bytes, size_t length, size_t count, uint32_t limit,
                         uint32_t *documents, uint32_t *frequencies) {
    return decode_blocks(bytes, length, count, limit, documents, frequencies, deltas_avx512, codes_avx512);
}

/// The deltas widened to 16 bits (sixteen sum to at most 2,032) and summed within each
/// 128-bit half in three shift-and-add steps; the first half's total is then added to the
/// second half, and both halves are widened to 32 bits.
__attribute__((target("avx2"), always_inline))
static inline void deltas_avx2(const uint8_t *bytes, uint32_t document, uint32_t *out) {
    __m256i sums = _mm256_cvtepu8_epi16(_mm_loadu_si128((const __m128i *)bytes));
    sums = _mm256_add_epi16(sums, _mm256_slli_si256(sums, 2));
    sums = _mm256_add_epi16(sums, _mm256_slli_si256(sums, 4));
    sums = _mm256_add_epi16(sums, _mm256_slli_si256(sums, 8));
    // The first half moved to the second (the first zeroed), its last element in every lane.
    const __m256i carried = _mm256_permute2x128_si256(sums, sums, 0x08);
    sums = _mm256_add_epi16(sums, _mm256_shuffle_epi8(carried, _mm256_set1_epi16(0x0F0E)));
    const __m256i base = _mm256_set1_epi32((int)document);
    _mm256_storeu_si256((__m256i *)out, _mm256_add_epi32(_mm256_cvtepu16_epi32(_mm256_castsi256_si128(sums)), base));
    _mm256_storeu_si256((__m256i *)(out + 8), _mm256_add_epi32(_mm256_cvtepu16_epi32(_mm256_extracti128_si256(sums, 1)), base));
}

__attribute__((target("avx2"), always_inline))
static inline void codes_avx2(uint64_t word, uint32_t *out) {
    const __m128i codes = unpack_codes(word);
    const __m256i one = _mm256_set1_epi32(1);
    _mm256_storeu_si256((__m256i *)out, _mm256_add_epi32(_mm256_cvtepu8_epi32(codes), one));
    _mm256_storeu_si256((__m256i *)(out + 8), _mm256_add_epi32(_mm256_cvtepu8_epi32(_mm_srli_si128(codes, 8)), one));
}

__attribute__((target("avx2")))
static int decode_avx2(const uint8_t *bytes, size_t length, size_t count, uint32_t limit,
                       uint32_t *documents, uint32_t *frequencies) {
    return decode_blocks(bytes, length, count, limit, documents, frequencies, deltas_avx2, codes_avx2);
}

/// Thirty-two bytes at a time: the bytes below 0x80 are the ends of varints. A block with
/// fewer ends than are left is passed whole; in the block that holds the last end wanted,
/// that end is found by depositing a bit on the left-th end (PDEP) and counting the zeros
/// below it (PDEP is microcoded and slow on AMD before Zen 3, but the answer is the same).
/// Only a last block shorter than 32 bytes is read a byte at a time.
__attribute__((target("avx2,popcnt,bmi,bmi2")))
static size_t skip_avx2(const uint8_t *bytes, size_t length, size_t count) {
    if (count == 0) return 0;
    size_t offset = 0, left = count;
    while (length - offset >= 32) {
        const __m256i block = _mm256_loadu_si256((const __m256i *)(bytes + offset));
        const uint32_t ends = ~(uint32_t)_mm256_movemask_epi8(block);
        const size_t found = (size_t)__builtin_popcount(ends);
        if (found >= left) {
            const uint32_t last = _pdep_u32(1u << (left - 1), ends);
            return offset + (size_t)__builtin_ctz(last) + 1;
        }
        left -= found;
        offset += 32;
    }
    return skip_tail(bytes, length, offset, left);
}

__attribute__((target("avx2")))
static uint64_t sum_avx2(const uint32_t *values, size_t count) {
    __m256i low = _mm256_setzero_si256(), high = _mm256_setzero_si256();
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        const __m256i block = _mm256_loadu_si256((const __m256i *)(values + i));
        low = _mm256_add_epi64(low, _mm256_cvtepu32_epi64(_mm256_castsi256_si128(block)));
        high = _mm256_add_epi64(high, _mm256_cvtepu32_epi64(_mm256_extracti128_si256(block, 1)));
    }
    const __m256i both = _mm256_add_epi64(low, high);
    uint64_t lanes[4];
    _mm256_storeu_si256((__m256i *)lanes, both);
    uint64_t sum = lanes[0] + lanes[1] + lanes[2] + lanes[3];
    for (; i < count; i++) sum += values[i];
    return sum;
}

__attribute__((target("avx2")))
static void widen_chunked_avx2(const uint16_t *lows, const uint32_t *chunk_ends, size_t chunk_count, uint32_t *out) {
    WIDEN_CHUNKED_BODY
}

/// Whether the CPU has what the AVX2 and the AVX-512 kernels use, asked once when the
/// library loads (so that no call pays for the question, and no thread races to record it).
static int cpu_has_avx2, cpu_has_avx512;

__attribute__((constructor))
static void detect_cpu(void) {
    cpu_has_avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt") && __builtin_cpu_supports("bmi")
        && __builtin_cpu_supports("bmi2");
    cpu_has_avx512 = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
        && __builtin_cpu_supports("avx512vl");
}
#endif

size_t cpost_skip_varints_using(cpost_kernel kernel, const uint8_t *bytes, size_t length, size_t count) {
#ifdef CPOST_X86
    if (kernel >= CPOST_KERNEL_AVX2 && cpu_has_avx2) return skip_avx2(bytes, length, count);
#endif
    (void)kernel;
    return skip_portable(bytes, length, count);
}

uint64_t cpost_sum_u32_using(cpost_kernel kernel, const uint32_t *values, size_t count) {
#ifdef CPOST_X86
    if (kernel >= CPOST_KERNEL_AVX2 && cpu_has_avx2) return sum_avx2(values, count);
#endif
    (void)kernel;
    return sum_portable(values, count);
}

void cpost_widen_chunked_using(cpost_kernel kernel, const uint16_t *lows, const uint32_t *chunk_ends, size_t chunk_count,
                               uint32_t *out) {
#ifdef CPOST_X86
    if (kernel >= CPOST_KERNEL_AVX2 && cpu_has_avx2) {
        widen_chunked_avx2(lows, chunk_ends, chunk_count, out);
        return;
    }
#endif
    (void)kernel;
    widen_chunked_portable(lows, chunk_ends, chunk_count, out);
}

void cpost_widen_chunked(const uint16_t *lows, const uint32_t *chunk_ends, size_t chunk_count, uint32_t *out) {
    cpost_widen_chunked_using(CPOST_KERNEL_BEST, lows, chunk_ends, chunk_count, out);
}

size_t cpost_skip_varints(const uint8_t *bytes, size_t length, size_t count) {
    return cpost_skip_varints_using(CPOST_KERNEL_BEST, bytes, length, count);
}

uint64_t cpost_sum_u32(const uint32_t *values, size_t count) {
    return cpost_sum_u32_using(CPOST_KERNEL_BEST, values, count);
}

int cpost_decode_postings_using(cpost_kernel kernel, const uint8_t *bytes, size_t length, size_t count,
                                uint32_t document_limit, uint32_t *documents, uint32_t *frequencies) {
#ifdef CPOST_X86
    if (kernel >= CPOST_KERNEL_AVX512 && cpu_has_avx512) {
        return decode_avx512(bytes, length, count, document_limit, documents, frequencies);
    }
    if (kernel >= CPOST_KERNEL_AVX2 && cpu_has_avx2) {
        return decode_avx2(bytes, length, count, document_limit, documents, frequencies);
    }
#endif
    (void)kernel;
    return decode_portable(bytes, length, count, document_limit, documents, frequencies);
}

int cpost_decode_postings(const uint8_t *bytes, size_t length, size_t count, uint32_t document_limit,
                          uint32_t *documents, uint32_t *frequencies) {
    return cpost_decode_postings_using(CPOST_KERNEL_BEST, bytes, length, count, document_limit, documents, frequencies);
}

// MARK: Phrases

/// A word's walk through its postings: `posting` is the current one, and the positions of
/// postings before `positioned` have been passed (they end at byte `byte`).
typedef struct {
    size_t posting;
    size_t positioned;
    size_t byte;
} word_walk;

/// The first posting at or after `from` whose document is >= `document` (galloping).
static size_t gallop(const uint32_t *documents, size_t count, size_t from, uint32_t document) {
    if (from >= count || documents[from] >= document) return from;
    size_t low = from, step = 1, high = from + 1;
    while (high < count && documents[high] < document) {
        low = high;
        step <<= 1;
        high = low + step;
    }
    if (high > count) high = count;
    size_t lower = low + 1;
    while (lower < high) {
        const size_t middle = lower + (high - lower) / 2;
        if (documents[middle] < document) lower = middle + 1; else high = middle;
    }
    return lower;
}

/// One position delta at *cursor where five bytes are known to remain: one- and two-byte
/// varints (nearly all positions are) are read without a branch on their length, which a
/// field's first position (often past 127) would mispredict; 0 for a varint past five bytes.
__attribute__((always_inline))
static inline int read_delta_unchecked(const uint8_t *bytes, size_t *cursor, uint32_t *delta) {
    size_t at = *cursor;
    const uint32_t first = bytes[at], second = bytes[at + 1];
    const uint32_t wide = first >> 7;
    uint32_t value = (first & 0x7F) | (((second & 0x7F) << 7) & (0u - wide));
    at += 1 + wide;
    if (__builtin_expect(wide & (second >> 7), 0)) {
        uint32_t byte, shift = 14;
        do {
            byte = bytes[at++];
            value |= (byte & 0x7F) << shift;
            shift += 7;
        } while (byte >= 0x80 && shift < 35);
        if (byte >= 0x80) return 0;  // a sixth byte would be needed
    }
    *cursor = at;
    *delta = value;
    return 1;
}

/// Whether `frequency` positions at `at` may be read with read_delta_unchecked: five bytes
/// a position fit before the end.
static inline int positions_fit(size_t length, size_t at, uint32_t frequency) {
    return at <= length && (length - at) / 5 >= frequency;
}

/// The next position delta at *cursor: read_delta_unchecked where the posting's positions
/// fit (`fit`, from positions_fit), else read_varint against the end; 0 for damage.
__attribute__((always_inline))
static inline int next_delta(const uint8_t *bytes, size_t length, int fit, size_t *cursor, uint32_t *delta) {
    return fit ? read_delta_unchecked(bytes, cursor, delta) : read_varint(bytes, length, cursor, delta);
}

/// Reads `frequency` positions (varint deltas from 0) at *at into buffer, as read_varint
/// reads them one at a time; 0 for damage. Where they fit (positions_fit), no byte is
/// checked against the end.
static inline int decode_positions(const uint8_t *bytes, size_t length, size_t *at, uint32_t frequency,
                                   uint32_t *buffer) {
    const int fit = positions_fit(length, *at, frequency);
    size_t cursor = *at;
    uint32_t position = 0, delta;
    for (uint32_t i = 0; i < frequency; i++) {
        if (!next_delta(bytes, length, fit, &cursor, &delta)) return 0;
        position += delta;
        buffer[i] = position;
    }
    *at = cursor;
    return 1;
}

/// How a kernel moves a word's walk: the first posting at or after `from` whose document is
/// >= `document`.
typedef size_t (*advance_walk)(const uint32_t *documents, size_t count, size_t from, uint32_t document);

/// How a kernel steps over the positions of postings positioned..<posting (at least one),
/// which start at `byte`: the byte after them, SIZE_MAX for damage.
typedef size_t (*pass_positions)(const cpost_phrase_word *word, size_t positioned, size_t posting, size_t byte);

static size_t pass_positions_baseline(const cpost_phrase_word *word, size_t positioned, size_t posting, size_t byte) {
    const size_t postings = posting - positioned;
    // A few postings and positions are quicker to step over here than through the kernels.
    const uint64_t passed = postings <= 16 ? sum_portable(word->frequencies + positioned, postings)
                                           : cpost_sum_u32(word->frequencies + positioned, postings);
    if (passed <= 16) return skip_tail(word->positions, word->positions_length, byte, (size_t)passed);
    const size_t skipped = cpost_skip_varints(word->positions + byte, word->positions_length - byte, (size_t)passed);
    return skipped == SIZE_MAX ? SIZE_MAX : byte + skipped;
}

#ifdef CPOST_X86
/// What the AVX-512 phrase kernel uses (cpu_has_avx512 and cpu_has_avx2 together).
#define PHRASE_AVX512_FEATURES "avx512f,avx512bw,avx512vl,avx2,popcnt,bmi,bmi2"

/// gallop, after looking at up to the next 128 documents sixteen at a time: in a common
/// word's list the next lead document is usually among them, and a masked comparison finds
/// it without the mispredicted branches of a binary search (walks over a set's candidates
/// pass 20-50 postings a step). A walk already there stays, and one whose next posting is
/// there takes one step without the vector compare: in words that share most documents it
/// always is.
__attribute__((target(PHRASE_AVX512_FEATURES), always_inline))
static inline size_t advance_avx512(const uint32_t *documents, size_t count, size_t from, uint32_t document) {
    if (from >= count || documents[from] >= document) return from;
    if (from + 1 < count && documents[from + 1] >= document) return from + 1;
    enum { looks = 8 };
    const __m512i wanted = _mm512_set1_epi32((int)document);
    for (int look = 0; look < looks; look++) {
        const size_t left = count - from;
        const __mmask16 valid = left >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << left) - 1);
        const __m512i next = _mm512_maskz_loadu_epi32(valid, documents + from);
        const __mmask16 below = _mm512_mask_cmplt_epu32_mask(valid, next, wanted);
        // Documents ascend, so the lanes below `document` come first.
        if (below != valid) return from + (size_t)__builtin_popcount(below);
        if (left <= 16) return count;
        from += 16;
    }
    return gallop(documents, count, from, document);
}

/// pass_positions_baseline with up to sixteen postings' frequencies summed in one register
/// and up to 64 positions stepped over in one mask: the end of the n-th varint is the n-th
/// byte below 0x80 in the next 64, found with PDEP.
__attribute__((target(PHRASE_AVX512_FEATURES), always_inline))
static inline size_t pass_positions_avx512(const cpost_phrase_word *word, size_t positioned, size_t posting, size_t byte) {
    const size_t postings = posting - positioned;
    if (postings > 16) return pass_positions_baseline(word, positioned, posting, byte);
    const __mmask16 lanes = (__mmask16)((1u << postings) - 1);
    const __m512i frequencies = _mm512_maskz_loadu_epi32(lanes, word->frequencies + positioned);
    // Each frequency capped at 65 fits a byte, and one SAD sums sixteen bytes exactly; a
    // capped frequency takes the sum past 64, as the frequency itself would.
    const __m128i capped = _mm512_cvtepi32_epi8(_mm512_min_epu32(frequencies, _mm512_set1_epi32(65)));
    const __m128i halves = _mm_sad_epu8(capped, _mm_setzero_si128());
    const uint64_t passed = (uint64_t)_mm_cvtsi128_si64(halves) + (uint64_t)_mm_extract_epi64(halves, 1);
    if (passed == 0 || passed > 64) return pass_positions_baseline(word, positioned, posting, byte);
    const size_t available = word->positions_length - byte;
    const __mmask64 valid = available >= 64 ? ~(__mmask64)0 : (((__mmask64)1 << available) - 1);
    const __m512i block = _mm512_maskz_loadu_epi8(valid, word->positions + byte);
    const uint64_t ends = ~(uint64_t)_mm512_movepi8_mask(block) & (uint64_t)valid;
    if ((uint64_t)__builtin_popcountll(ends) >= passed)
        return byte + (size_t)__builtin_ctzll(_pdep_u64(1ull << (passed - 1), ends)) + 1;
    return available < 64 ? SIZE_MAX : pass_positions_baseline(word, positioned, posting, byte);
}
#endif

/// Steps the walk over the positions of the postings passed since its last read, so that
/// its byte is where its current posting's positions start; 0 for damage.
__attribute__((always_inline))
static inline int catch_up(const cpost_phrase_word *word, word_walk *walk, pass_positions pass) {
    if (walk->positioned < walk->posting) {
        const size_t after = pass(word, walk->positioned, walk->posting, walk->byte);
        if (after == SIZE_MAX) return 0;
        walk->byte = after;
    }
    return 1;
}

/// Decodes the positions of the walk's current posting into buffer (room for its
/// frequency); 0 for damage.
__attribute__((always_inline))
static inline int read_positions(const cpost_phrase_word *word, word_walk *walk, uint32_t *buffer, pass_positions pass) {
    if (!catch_up(word, walk, pass)) return 0;
    if (!decode_positions(word->positions, word->positions_length, &walk->byte, word->frequencies[walk->posting], buffer))
        return 0;
    walk->positioned = walk->posting + 1;
    return 1;
}

size_t cpost_phrase_part_start(size_t lead_count, size_t part, size_t parts) {
    return parts == 0 ? 0 : (size_t)((unsigned __int128)lead_count * part / parts);
}

/// A growable buffer of 32-bit values.
typedef struct {
    uint32_t *values;
    size_t capacity;
} scratch;

static int reserve(scratch *buffer, size_t count) {
    if (count <= buffer->capacity) return 1;
    size_t capacity = buffer->capacity ? buffer->capacity : 64;
    while (capacity < count) capacity *= 2;
    uint32_t *grown = realloc(buffer->values, capacity * sizeof(uint32_t));
    if (!grown) return 0;
    buffer->values = grown;
    buffer->capacity = capacity;
    return 1;
}

/// What a part's pass reuses from document to document.
typedef struct {
    scratch starts, positions;
} phrase_scratch;

/// How a kernel counts the phrase's starts in the document every walk is at (the `lead`
/// word's, the one with the fewest postings, lists it): SIZE_MAX for damaged positions or
/// no memory. The walks of the words it reads are positioned past it.
typedef size_t (*count_starts)(const cpost_phrase_word *words, size_t word_count, size_t lead, word_walk *walks,
                               phrase_scratch *scratch);

/// The starts the lead word allows, then those every other word continues, as sorted lists.
__attribute__((always_inline))
static inline size_t count_starts_listed(const cpost_phrase_word *words, size_t word_count, size_t lead,
                                         word_walk *walks, phrase_scratch *scratch, pass_positions pass) {
    const uint32_t lead_frequency = words[lead].frequencies[walks[lead].posting];
    if (!reserve(&scratch->starts, lead_frequency) || !reserve(&scratch->positions, lead_frequency)) return SIZE_MAX;
    uint32_t *starts = scratch->starts.values;
    if (!read_positions(&words[lead], &walks[lead], scratch->positions.values, pass)) return SIZE_MAX;
    size_t kept = 0;
    for (uint32_t j = 0; j < lead_frequency; j++) {
        const uint32_t position = scratch->positions.values[j];
        if (position >= words[lead].offset) starts[kept++] = position - words[lead].offset;
    }
    for (size_t i = 0; i < word_count && kept > 0; i++) {
        if (i == lead) continue;
        const uint32_t frequency = words[i].frequencies[walks[i].posting];
        if (!reserve(&scratch->positions, frequency)) return SIZE_MAX;
        uint32_t *positions = scratch->positions.values;
        if (!read_positions(&words[i], &walks[i], positions, pass)) return SIZE_MAX;
        // Both ascending: keep the starts s with s + offset among the word's positions.
        size_t next = 0, still = 0;
        for (size_t j = 0; j < kept; j++) {
            const uint64_t wanted = (uint64_t)starts[j] + words[i].offset;
            while (next < frequency && positions[next] < wanted) next++;
            if (next < frequency && positions[next] == wanted) starts[still++] = starts[j];
        }
        kept = still;
    }
    return kept;
}

static size_t count_starts_portable(const cpost_phrase_word *words, size_t word_count, size_t lead, word_walk *walks,
                                    phrase_scratch *scratch) {
    return count_starts_listed(words, word_count, lead, walks, scratch, pass_positions_baseline);
}

#ifdef CPOST_X86
/// The lanes of `kept` whose start s has s + offset among the word's `frequency` positions
/// at *at (read, and *at moved past them); 0 with *at unchanged for damage (then *continued
/// is undefined). Each position is compared with every start at once as it is read.
__attribute__((target(PHRASE_AVX512_FEATURES), always_inline))
static inline int continued_starts(const cpost_phrase_word *word, size_t *at, uint32_t frequency, __m512i starts,
                                   __mmask16 kept, __mmask16 *continued) {
    const int fit = positions_fit(word->positions_length, *at, frequency);
    size_t cursor = *at;
    uint32_t position = 0, delta;
    // Where each start wants this word: start + offset, for the starts where that stays
    // below 2^32 (a position equal to it is then at least the offset). Comparing positions
    // with these, the matches stay in a mask register, with no scalar test of each position.
    const __m512i wanted = _mm512_add_epi32(starts, _mm512_set1_epi32((int)word->offset));
    const __mmask16 reachable = _mm512_mask_cmpge_epu32_mask(kept, wanted, starts);
    __mmask16 found = 0;
    for (uint32_t j = 0; j < frequency; j++) {
        if (!next_delta(word->positions, word->positions_length, fit, &cursor, &delta)) return 0;
        position += delta;
        found = _kor_mask16(found, _mm512_mask_cmpeq_epi32_mask(reachable, wanted, _mm512_set1_epi32((int)position)));
    }
    *at = cursor;
    *continued = found;
    return 1;
}

/// The lead word's `frequency` (at most sixteen) positions at *at, read into the lanes of
/// one register as they are decoded (stored and loaded again, they would wait on the
/// stores); 0 with *at unchanged for damage.
__attribute__((target(PHRASE_AVX512_FEATURES), always_inline))
static inline int lead_positions(const cpost_phrase_word *word, size_t *at, uint32_t frequency, __m512i *positions) {
    const int fit = positions_fit(word->positions_length, *at, frequency);
    size_t cursor = *at;
    uint32_t position = 0, delta;
    __m512i lanes = _mm512_setzero_si512();
    for (uint32_t j = 0; j < frequency; j++) {
        if (!next_delta(word->positions, word->positions_length, fit, &cursor, &delta)) return 0;
        position += delta;
        lanes = _mm512_mask_set1_epi32(lanes, (__mmask16)(1u << j), (int)position);
    }
    *at = cursor;
    *positions = lanes;
    return 1;
}

/// count_starts_listed with the starts of a lead word of at most sixteen positions kept in
/// one register and a mask of those still possible: no lists to merge, so no branch on how
/// the positions of two words interleave.
__attribute__((target(PHRASE_AVX512_FEATURES), always_inline))
static inline size_t count_starts_avx512(const cpost_phrase_word *words, size_t word_count, size_t lead,
                                         word_walk *walks, phrase_scratch *scratch) {
    const uint32_t lead_frequency = words[lead].frequencies[walks[lead].posting];
    if (lead_frequency > 16) return count_starts_listed(words, word_count, lead, walks, scratch, pass_positions_avx512);
    word_walk *leading = &walks[lead];
    __m512i positions;
    if (!catch_up(&words[lead], leading, pass_positions_avx512)
        || !lead_positions(&words[lead], &leading->byte, lead_frequency, &positions)) return SIZE_MAX;
    leading->positioned = leading->posting + 1;
    const __mmask16 lanes = (__mmask16)((1u << lead_frequency) - 1);
    const __m512i lead_offset = _mm512_set1_epi32((int)words[lead].offset);
    // A start before 0 would put the phrase's first word before the field's.
    __mmask16 kept = _mm512_mask_cmpge_epu32_mask(lanes, positions, lead_offset);
    const __m512i starts = _mm512_sub_epi32(positions, lead_offset);
    for (size_t i = 0; i < word_count && kept; i++) {
        if (i == lead) continue;
        word_walk *walk = &walks[i];
        if (!catch_up(&words[i], walk, pass_positions_avx512)
            || !continued_starts(&words[i], &walk->byte, words[i].frequencies[walk->posting], starts, kept, &kept))
            return SIZE_MAX;
        walk->positioned = walk->posting + 1;
    }
    return (size_t)__builtin_popcount(kept);
}
#endif

/// cpost_phrase_occurrences_part (or, with `candidates`, cpost_phrase_occurrences_among)
/// with a kernel's way of moving walks and counting starts; inlined into each kernel, so
/// that those calls are too.
__attribute__((always_inline))
static inline size_t phrase_part(const cpost_phrase_word *words, size_t word_count, size_t part, size_t parts,
                                 const uint32_t *candidates, size_t candidate_count,
                                 uint32_t *out_documents, uint32_t *out_counts, advance_walk advance, count_starts count) {
    if (word_count == 0) return 0;
    enum { MAX_WORDS = 64 };
    if (word_count > MAX_WORDS || parts == 0 || part >= parts) return SIZE_MAX;
    size_t lead = 0;
    for (size_t i = 1; i < word_count; i++) if (words[i].count < words[lead].count) lead = i;
    // Every walk starts at the first posting; the first positions read skip what comes before.
    const size_t begin = candidates ? 0 : cpost_phrase_part_start(words[lead].count, part, parts);
    const size_t end = candidates ? candidate_count : cpost_phrase_part_start(words[lead].count, part + 1, parts);
    word_walk walks[MAX_WORDS] = {{0}};
    phrase_scratch scratch = {{0}, {0}};
    size_t found = 0, result = 0;
    for (size_t k = begin; k < end; k++) {
        uint32_t document;
        int all = 1;
        if (candidates) {
            // The rarest word first: it rules out the most candidates.
            document = candidates[k];
            walks[lead].posting = advance(words[lead].documents, words[lead].count, walks[lead].posting, document);
            all = walks[lead].posting < words[lead].count && words[lead].documents[walks[lead].posting] == document;
        } else {
            document = words[lead].documents[k];
            walks[lead].posting = k;
        }
        for (size_t i = 0; i < word_count && all; i++) {
            if (i == lead) continue;
            walks[i].posting = advance(words[i].documents, words[i].count, walks[i].posting, document);
            all = walks[i].posting < words[i].count && words[i].documents[walks[i].posting] == document;
        }
        if (!all) continue;
        const size_t starts = count(words, word_count, lead, walks, &scratch);
        if (starts == SIZE_MAX) {
            result = SIZE_MAX;
            goto done;
        }
        if (starts > 0) {
            out_documents[found] = document;
            out_counts[found] = (uint32_t)starts;
            found++;
        }
    }
    result = found;
done:
    free(scratch.starts.values);
    free(scratch.positions.values);
    return result;
}

static size_t phrase_part_portable(const cpost_phrase_word *words, size_t word_count, size_t part, size_t parts,
                                   const uint32_t *candidates, size_t candidate_count,
                                   uint32_t *out_documents, uint32_t *out_counts) {
    return phrase_part(words, word_count, part, parts, candidates, candidate_count, out_documents, out_counts, gallop,
                       count_starts_portable);
}

#ifdef CPOST_X86
__attribute__((target(PHRASE_AVX512_FEATURES)))
static size_t phrase_part_avx512(const cpost_phrase_word *words, size_t word_count, size_t part, size_t parts,
                                 const uint32_t *candidates, size_t candidate_count,
                                 uint32_t *out_documents, uint32_t *out_counts) {
    return phrase_part(words, word_count, part, parts, candidates, candidate_count, out_documents, out_counts,
                       advance_avx512, count_starts_avx512);
}
#endif

/// The kernel's phrase_part: over part `part` of `parts` of the lead's postings, or over
/// `candidates` when there are some.
static size_t phrase_part_using(cpost_kernel kernel, const cpost_phrase_word *words, size_t word_count, size_t part,
                                size_t parts, const uint32_t *candidates, size_t candidate_count,
                                uint32_t *out_documents, uint32_t *out_counts) {
#ifdef CPOST_X86
    if (kernel >= CPOST_KERNEL_AVX512 && cpu_has_avx512 && cpu_has_avx2)
        return phrase_part_avx512(words, word_count, part, parts, candidates, candidate_count, out_documents, out_counts);
#endif
    (void)kernel;
    return phrase_part_portable(words, word_count, part, parts, candidates, candidate_count, out_documents, out_counts);
}

size_t cpost_phrase_occurrences_part_using(cpost_kernel kernel, const cpost_phrase_word *words, size_t word_count,
                                           size_t part, size_t parts, uint32_t *out_documents, uint32_t *out_counts) {
    return phrase_part_using(kernel, words, word_count, part, parts, NULL, 0, out_documents, out_counts);
}

size_t cpost_phrase_occurrences_among_using(cpost_kernel kernel, const cpost_phrase_word *words, size_t word_count,
                                            const uint32_t *candidates, size_t candidate_count,
                                            uint32_t *out_documents, uint32_t *out_counts) {
    // An empty list of candidates has no document to look at (NULL would mean the postings).
    if (candidate_count == 0) return 0;
    return phrase_part_using(kernel, words, word_count, 0, 1, candidates, candidate_count, out_documents, out_counts);
}

size_t cpost_phrase_occurrences_among(const cpost_phrase_word *words, size_t word_count, const uint32_t *candidates,
                                      size_t candidate_count, uint32_t *out_documents, uint32_t *out_counts) {
    return cpost_phrase_occurrences_among_using(CPOST_KERNEL_BEST, words, word_count, candidates, candidate_count,
                                                out_documents, out_counts);
}

size_t cpost_phrase_occurrences(const cpost_phrase_word *words, size_t word_count,
                                uint32_t *out_documents, uint32_t *out_counts) {
    return cpost_phrase_occurrences_part(words, word_count, 0, 1, out_documents, out_counts);
}

size_t cpost_phrase_occurrences_part(const cpost_phrase_word *words, size_t word_count, size_t part, size_t parts,
                                     uint32_t *out_documents, uint32_t *out_counts) {
    return cpost_phrase_occurrences_part_using(CPOST_KERNEL_BEST, words, word_count, part, parts, out_documents, out_counts);
}
