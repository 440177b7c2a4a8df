#include "csimilarity.h"

#include <math.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CSIM_X86 1
#endif

int32_t csim_dot64(const int8_t *a, const int8_t *b) {
    int32_t sum = 0;
    for (int j = 0; j < CSIM_DIMENSIONS; j++) sum += (int32_t)a[j] * (int32_t)b[j];
    return sum;
}

static void scan_portable(const int8_t *vectors, const float *inverse_norms, size_t count,
                          const int8_t *reference, float scale, float *out) {
    for (size_t i = 0; i < count; i++) {
        const float value = (float)csim_dot64(vectors + i * CSIM_DIMENSIONS, reference) * inverse_norms[i] * scale;
        out[i] = value > 1.0f ? 1.0f : value < -1.0f ? -1.0f : value;
    }
}

#ifdef CSIM_X86
/// How far ahead of the vectors being read the kernel asks for the next ones: a page. The
/// hardware's own prefetcher stops at each 4 KiB page, and the index is mapped in pages of
/// that size; asking a page ahead made a scan of 1M vectors from memory 12-14 % faster
/// (4.8-5.0 → 4.2 ms in alternated runs) for 4 % more time when they are in cache.
enum { prefetch_ahead = 4096 };

/// The same for the AVX-512 coarse pass, which reads half the bytes a vector: two pages
/// ahead were 3-6 % faster than one over the 1M index's codes, caches flushed before each
/// scan (7 Dec, late night; the index is now mapped in 2 MiB pages where the kernel can).
enum { coarse_prefetch_ahead = 8192 };

/// Finishes four documents: each of `sums` holds one document's dot product in eight int32
/// lanes; their totals, less `offset`, times the inverse norm and `scale`, clamped to
/// -1...1, go to out[0..<4] (the float steps in scan_portable's order).
__attribute__((target("avx2")))
static inline void store_four(const __m256i *sums, __m128i offset, const float *inverse_norms, float scale, float *out) {
    const __m256i s01 = _mm256_hadd_epi32(sums[0], sums[1]);
    const __m256i s23 = _mm256_hadd_epi32(sums[2], sums[3]);
    const __m256i s = _mm256_hadd_epi32(s01, s23);
    const __m128i total = _mm_sub_epi32(_mm_add_epi32(_mm256_castsi256_si128(s), _mm256_extracti128_si256(s, 1)), offset);
    const __m128 result = _mm_mul_ps(_mm_mul_ps(_mm_cvtepi32_ps(total), _mm_loadu_ps(inverse_norms)), _mm_set1_ps(scale));
    _mm_storeu_ps(out, _mm_max_ps(_mm_min_ps(result, _mm_set1_ps(1.0f)), _mm_set1_ps(-1.0f)));
}

/// The dot product of the vector at `x` with the reference (halves q0, q1), in eight int32
/// lanes to be summed. |x|·sign(q, x) = x·q, and _mm256_maddubs_epi16 multiplies unsigned
/// by signed bytes into pairwise int16 sums: with elements in -127...127 a pair is at most
/// 2 · 127 · 127 = 32,258, so it never saturates; _mm256_madd_epi16 widens to int32.
__attribute__((target("avx2"), always_inline))
static inline __m256i avx2_products(const int8_t *x, __m256i q0, __m256i q1) {
    const __m256i x0 = _mm256_loadu_si256((const __m256i *)x);
    const __m256i x1 = _mm256_loadu_si256((const __m256i *)(x + 32));
    const __m256i p0 = _mm256_maddubs_epi16(_mm256_abs_epi8(x0), _mm256_sign_epi8(q0, x0));
    const __m256i p1 = _mm256_maddubs_epi16(_mm256_abs_epi8(x1), _mm256_sign_epi8(q1, x1));
    const __m256i ones = _mm256_set1_epi16(1);
    return _mm256_add_epi32(_mm256_madd_epi16(p0, ones), _mm256_madd_epi16(p1, ones));
}

/// Four vectors per step (avx2_products), summed and finished by store_four.
__attribute__((target("avx2")))
static void scan_avx2(const int8_t *vectors, const float *inverse_norms, size_t count,
                      const int8_t *reference, float scale, float *out) {
    const __m256i q0 = _mm256_loadu_si256((const __m256i *)reference);
    const __m256i q1 = _mm256_loadu_si256((const __m256i *)(reference + 32));
    size_t i = 0;
    for (; i + 4 <= count; i += 4) {
        // A page ahead, one line a vector, as the VNNI kernels do (about 8 % faster from memory).
        for (int line = 0; line < 4; line++)
            _mm_prefetch((const char *)(vectors + i * CSIM_DIMENSIONS + prefetch_ahead + line * 64), _MM_HINT_T0);
        __m256i sums[4];
        for (int k = 0; k < 4; k++) sums[k] = avx2_products(vectors + (i + (size_t)k) * CSIM_DIMENSIONS, q0, q1);
        store_four(sums, _mm_setzero_si128(), inverse_norms + i, scale, out + i);
    }
    if (i < count) scan_portable(vectors + i * CSIM_DIMENSIONS, inverse_norms + i, count - i, reference, scale, out + i);
}

/// Sixteen vectors per step with AVX-512 VNNI: one vpdpbusd multiplies a whole vector by the
/// reference, unsigned by signed bytes, summing each group of four into one of 16 int32
/// lanes. The vector's bytes are made unsigned by flipping their top bit (x + 128, in
/// 1...255), and 128 · Σ reference is taken off the sum, so the int32 dot product, and
/// with it every float that follows, is the AVX2 kernel's exactly. The sixteen vectors'
/// lanes are then summed by a tree of shuffles and adds (4 steps, about 3 instructions a
/// vector instead of the 8-lane horizontal adds of the narrower kernels), so the loop keeps
/// up with memory: 1.1 ns a vector in cache against 1.5 ns for the same instruction on
/// 256-bit registers (docs/similarity.md).
typedef struct {
    __m512i reference;  // the reference vector, signed
    __m512i offset;     // 128 · Σ reference, in every lane
    __m512 scale;
} vnni_query;

__attribute__((target("avx512f,avx512bw,avx512vnni")))
static inline vnni_query vnni_prepare(const int8_t *reference, float scale) {
    int32_t reference_sum = 0;
    for (int j = 0; j < CSIM_DIMENSIONS; j++) reference_sum += reference[j];
    return (vnni_query){ _mm512_loadu_si512(reference), _mm512_set1_epi32(128 * reference_sum), _mm512_set1_ps(scale) };
}

/// Writes the lanes of `values` that `mask` selects to out[0..<popcount(mask)], in lane
/// order, as vpcompress with a memory operand would: compressed in a register, then stored
/// with a contiguous mask. The memory form is microcoded on AMD's Zen 4 (this machine's
/// CPU), over a hundred cycles a store; this one made `like:` scans of 1M vectors with many
/// candidates about a quarter faster (docs/similarity.md).
__attribute__((target("avx512f")))
static inline void store_selected_epi32(uint32_t *out, __mmask16 mask, __m512i values) {
    const __mmask16 filled = (__mmask16)((1u << __builtin_popcount(mask)) - 1);
    _mm512_mask_storeu_epi32(out, filled, _mm512_maskz_compress_epi32(mask, values));
}

__attribute__((target("avx512f")))
static inline void store_selected_ps(float *out, __mmask16 mask, __m512 values) {
    const __mmask16 filled = (__mmask16)((1u << __builtin_popcount(mask)) - 1);
    _mm512_mask_storeu_ps(out, filled, _mm512_maskz_compress_ps(mask, values));
}


/// The last three steps of the reduction of sixteen vectors' partial sums: b[j] holds two
/// vectors' sums in eight lanes each (its low and high 256-bit halves); each step halves the
/// lanes per vector and the registers (128-bit quarters, then 64-bit pairs, then single
/// lanes). The total of the vector in half h of b[j] lands in lane 4 (2j + h) mod 16 +
/// (2j + h) / 4. Inlined with every loop unrolled, so that the sums stay in the 32 vector
/// registers (clang otherwise keeps them on the stack: 1.5 instead of 1.1 ns a creator).
__attribute__((target("avx512f,avx512bw,avx512vnni"), always_inline))
static inline __m512i vnni_reduce_pairs(const __m512i b[8]) {
    __m512i c[4], d[2];
#pragma GCC unroll 4
    for (int j = 0; j < 4; j++)
        c[j] = _mm512_add_epi32(_mm512_shuffle_i64x2(b[2 * j], b[2 * j + 1], 0x88), _mm512_shuffle_i64x2(b[2 * j], b[2 * j + 1], 0xDD));
#pragma GCC unroll 2
    for (int j = 0; j < 2; j++)
        d[j] = _mm512_add_epi32(_mm512_unpacklo_epi64(c[2 * j], c[2 * j + 1]), _mm512_unpackhi_epi64(c[2 * j], c[2 * j + 1]));
    const __m512 d0 = _mm512_castsi512_ps(d[0]), d1 = _mm512_castsi512_ps(d[1]);
    return _mm512_add_epi32(_mm512_castps_si512(_mm512_shuffle_ps(d0, d1, _MM_SHUFFLE(2, 0, 2, 0))),
                            _mm512_castps_si512(_mm512_shuffle_ps(d0, d1, _MM_SHUFFLE(3, 1, 3, 1))));
}

/// The totals of sixteen vectors' partial sums, one vector's sixteen lanes in each a[slot]:
/// a first step adds the 256-bit halves of a[2j] and a[2j + 1] into b[j], then
/// vnni_reduce_pairs. Slot 4c + l must hold vector 4l + c: its total then lands in lane 4l + c,
/// so each vector's total lands in its own lane.
__attribute__((target("avx512f,avx512bw,avx512vnni"), always_inline))
static inline __m512i vnni_reduce_sixteen(const __m512i a[16]) {
    __m512i b[8];
#pragma GCC unroll 8
    for (int j = 0; j < 8; j++)
        b[j] = _mm512_add_epi32(_mm512_shuffle_i64x2(a[2 * j], a[2 * j + 1], 0x44), _mm512_shuffle_i64x2(a[2 * j], a[2 * j + 1], 0xEE));
    return vnni_reduce_pairs(b);
}

/// Sixteen similarities from sixteen int32 sums of the flipped bytes times the reference:
/// less 128 · Σ reference, times the inverse norms and the scale, clamped to -1...1, in
/// scan_portable's order of float steps. Every VNNI path ends here, so their values agree
/// bit for bit.
__attribute__((target("avx512f,avx512bw,avx512vnni"), always_inline))
static inline __m512 vnni_values(__m512i sums, __m512 inverse_norms, const vnni_query *query) {
    const __m512i total = _mm512_sub_epi32(sums, query->offset);
    const __m512 value = _mm512_mul_ps(_mm512_mul_ps(_mm512_cvtepi32_ps(total), inverse_norms), query->scale);
    return _mm512_max_ps(_mm512_min_ps(value, _mm512_set1_ps(1.0f)), _mm512_set1_ps(-1.0f));
}

/// The values of vectors[0..<16] as scan_portable computes them, lane i for vector i.
__attribute__((target("avx512f,avx512bw,avx512vnni")))
static inline __m512 vnni_sixteen(const int8_t *vectors, const float *inverse_norms, const vnni_query *query) {
    const __m512i flip = _mm512_set1_epi8((char)0x80);
    // Prefetches never fault, so reading past the end of the vectors is harmless.
#pragma GCC unroll 16
    for (int line = 0; line < 16; line++) _mm_prefetch((const char *)(vectors + prefetch_ahead + line * 64), _MM_HINT_T0);
    // Slot 4c + l holds vector 4l + c: the reduction below leaves slot 4c + l's total in
    // lane 4l + c, so each vector's total lands in its own lane.
    // Every loop here is unrolled so that the partial sums stay in the 32 vector registers
    // (clang otherwise keeps `a` on the stack: 1.5 instead of 1.1 ns a creator).
    __m512i a[16];
#pragma GCC unroll 16
    for (int slot = 0; slot < 16; slot++) {
        const int vector = 4 * (slot & 3) + (slot >> 2);
        const __m512i x = _mm512_xor_si512(_mm512_loadu_si512(vectors + vector * CSIM_DIMENSIONS), flip);
        a[slot] = _mm512_dpbusd_epi32(_mm512_setzero_si512(), x, query->reference);
    }
    return vnni_values(vnni_reduce_sixteen(a), _mm512_loadu_ps(inverse_norms), query);
}

__attribute__((target("avx512f,avx512bw,avx512vnni")))
static void scan_vnni(const int8_t *vectors, const float *inverse_norms, size_t count,
                      const int8_t *reference, float scale, float *out) {
    const vnni_query query = vnni_prepare(reference, scale);
    size_t i = 0;
    for (; i + 16 <= count; i += 16)
        _mm512_storeu_ps(out + i, vnni_sixteen(vectors + i * CSIM_DIMENSIONS, inverse_norms + i, &query));
    if (i < count) scan_portable(vectors + i * CSIM_DIMENSIONS, inverse_norms + i, count - i, reference, scale, out + i);
}

/// scan_vnni keeping only the values at or above `threshold`, compared and compacted in
/// registers (the values are never written out and read back). `count` is a multiple of
/// 16: csim_scan64_above_using finishes the rest.
__attribute__((target("avx512f,avx512bw,avx512vnni")))
static size_t scan_above_vnni(const int8_t *vectors, const float *inverse_norms, size_t count,
                              const int8_t *reference, float scale, float threshold, uint32_t first_document,
                              uint32_t *out_documents, float *out_scores) {
    const vnni_query query = vnni_prepare(reference, scale);
    const __m512 limit = _mm512_set1_ps(threshold);
    const __m512i lanes = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    size_t kept = 0;
    for (size_t i = 0; i + 16 <= count; i += 16) {
        const __m512 value = vnni_sixteen(vectors + i * CSIM_DIMENSIONS, inverse_norms + i, &query);
        const __mmask16 passed = _mm512_cmp_ps_mask(value, limit, _CMP_GE_OQ);
        if (passed == 0) continue;
        store_selected_ps(out_scores + kept, passed, value);
        store_selected_epi32(out_documents + kept, passed,
                             _mm512_add_epi32(lanes, _mm512_set1_epi32((int)(first_document + (uint32_t)i))));
        kept += (size_t)__builtin_popcount(passed);
    }
    return kept;
}
#endif

/// Whether the CPU runs scan_vnni and scan_above_vnni.
static int has_vnni(void) {
#ifdef CSIM_X86
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vnni");
#else
    return 0;
#endif
}

size_t csim_scan64_above_using(csim_kernel kernel, const int8_t *vectors, const float *inverse_norms, size_t count,
                               const int8_t *reference, float scale, float threshold, uint32_t first_document,
                               uint32_t *out_documents, float *out_scores) {
    size_t kept = 0, done = 0;
#ifdef CSIM_X86
    // VNNI takes the whole steps of sixteen; the blocks below finish what is left.
    if (kernel >= CSIM_KERNEL_AVX512_VNNI && has_vnni()) {
        done = count / 16 * 16;
        kept = scan_above_vnni(vectors, inverse_norms, done, reference, scale, threshold, first_document,
                               out_documents, out_scores);
    }
#endif
    // Blocks small enough to stay in L1 between the scan and the filter.
    enum { block = 256 };
    float values[block];
    for (size_t start = done; start < count; start += block) {
        const size_t n = count - start < block ? count - start : block;
        csim_scan64_using(kernel, vectors + start * CSIM_DIMENSIONS, inverse_norms + start, n, reference, scale, values);
        size_t i = 0;
#ifdef CSIM_X86
        // Few values pass: test four at a time and look closer only where one does.
        const __m128 limit = _mm_set1_ps(threshold);
        for (; i + 4 <= n; i += 4) {
            int mask = _mm_movemask_ps(_mm_cmpge_ps(_mm_loadu_ps(values + i), limit));
            while (mask != 0) {
                const int lane = __builtin_ctz((unsigned)mask);
                out_documents[kept] = first_document + (uint32_t)(start + i + (size_t)lane);
                out_scores[kept] = values[i + (size_t)lane];
                kept++;
                mask &= mask - 1;
            }
        }
#endif
        for (; i < n; i++) {
            if (values[i] >= threshold) {
                out_documents[kept] = first_document + (uint32_t)(start + i);
                out_scores[kept] = values[i];
                kept++;
            }
        }
    }
    return kept;
}

size_t csim_scan64_above(const int8_t *vectors, const float *inverse_norms, size_t count,
                         const int8_t *reference, float scale, float threshold, uint32_t first_document,
                         uint32_t *out_documents, float *out_scores) {
    return csim_scan64_above_using(CSIM_KERNEL_BEST, vectors, inverse_norms, count, reference, scale, threshold,
                                   first_document, out_documents, out_scores);
}

static void gather_portable(const int8_t *vectors, const float *inverse_norms, const uint32_t *documents, size_t count,
                            const int8_t *reference, float scale, float *out) {
    // How many candidates ahead to prefetch: enough misses in flight to cover DRAM latency.
    enum { ahead = 12 };
    for (size_t i = 0; i < count; i++) {
        if (i + ahead < count) {
            const size_t next = documents[i + ahead];
            __builtin_prefetch(vectors + next * CSIM_DIMENSIONS);
            __builtin_prefetch(inverse_norms + next);
        }
        const size_t document = documents[i];
        const float value = (float)csim_dot64(vectors + document * CSIM_DIMENSIONS, reference) * inverse_norms[document] * scale;
        out[i] = value > 1.0f ? 1.0f : value < -1.0f ? -1.0f : value;
    }
}

#ifdef CSIM_X86
/// gather_portable four documents a step, as scan_avx2 computes them (avx2_products and
/// store_four from the documents' addresses), with the vectors and inverse norms sixteen
/// documents ahead prefetched; the last few go through gather_portable.
__attribute__((target("avx2")))
static void gather_avx2(const int8_t *vectors, const float *inverse_norms, const uint32_t *documents, size_t count,
                        const int8_t *reference, float scale, float *out) {
    enum { ahead = 16 };
    const __m256i q0 = _mm256_loadu_si256((const __m256i *)reference);
    const __m256i q1 = _mm256_loadu_si256((const __m256i *)(reference + 32));
    size_t i = 0;
    for (; i + 4 <= count; i += 4) {
        for (size_t next = i + ahead; next < i + ahead + 4 && next < count; next++) {
            _mm_prefetch((const char *)(vectors + (size_t)documents[next] * CSIM_DIMENSIONS), _MM_HINT_T0);
            _mm_prefetch((const char *)(inverse_norms + documents[next]), _MM_HINT_T0);
        }
        __m256i sums[4];
        float norms[4];
        for (size_t k = 0; k < 4; k++) {
            sums[k] = avx2_products(vectors + (size_t)documents[i + k] * CSIM_DIMENSIONS, q0, q1);
            norms[k] = inverse_norms[documents[i + k]];
        }
        store_four(sums, _mm_setzero_si128(), norms, scale, out + i);
    }
    gather_portable(vectors, inverse_norms, documents + i, count - i, reference, scale, out + i);
}
#endif

void csim_gather64_using(csim_kernel kernel, const int8_t *vectors, const float *inverse_norms, const uint32_t *documents,
                         size_t count, const int8_t *reference, float scale, float *out) {
#ifdef CSIM_X86
    if (kernel >= CSIM_KERNEL_AVX2 && __builtin_cpu_supports("avx2")) {
        gather_avx2(vectors, inverse_norms, documents, count, reference, scale, out);
        return;
    }
#endif
    gather_portable(vectors, inverse_norms, documents, count, reference, scale, out);
}

void csim_gather64(const int8_t *vectors, const float *inverse_norms, const uint32_t *documents, size_t count,
                   const int8_t *reference, float scale, float *out) {
    csim_gather64_using(CSIM_KERNEL_BEST, vectors, inverse_norms, documents, count, reference, scale, out);
}

void csim_scan64_using(csim_kernel kernel, const int8_t *vectors, const float *inverse_norms, size_t count,
                       const int8_t *reference, float scale, float *out) {
#ifdef CSIM_X86
    if (kernel >= CSIM_KERNEL_AVX512_VNNI && has_vnni()) {
        scan_vnni(vectors, inverse_norms, count, reference, scale, out);
        return;
    }
    if (kernel >= CSIM_KERNEL_AVX2 && __builtin_cpu_supports("avx2")) {
        scan_avx2(vectors, inverse_norms, count, reference, scale, out);
        return;
    }
#endif
    scan_portable(vectors, inverse_norms, count, reference, scale, out);
}

void csim_scan64(const int8_t *vectors, const float *inverse_norms, size_t count,
                 const int8_t *reference, float scale, float *out) {
    csim_scan64_using(CSIM_KERNEL_BEST, vectors, inverse_norms, count, reference, scale, out);
}

int csim_coarse_grid_is_valid(const csim_coarse_grid *grid) {
    if (grid == NULL || grid->step < 1 || grid->step > 32 || grid->residual_scale < 1 || grid->residual_scale > 64)
        return 0;
    for (int j = 0; j < CSIM_DIMENSIONS; j++) {
        if (grid->twice_offsets[j] < -1024 || grid->twice_offsets[j] > 1024) return 0;
    }
    return 1;
}

int csim_coarse_encode(const csim_coarse_grid *grid, const int8_t *vectors, size_t count, uint8_t *nibbles,
                       uint8_t *residual_codes) {
    enum { half = CSIM_DIMENSIONS / 2 };
    if (!csim_coarse_grid_is_valid(grid)) return 0;
    const int32_t twice_step = 2 * grid->step;
    const int64_t scale_squared = (int64_t)grid->residual_scale * grid->residual_scale;
    for (size_t i = 0; i < count; i++) {
        const int8_t *vector = vectors + i * CSIM_DIMENSIONS;
        int64_t squares = 0;  // Σ (2 r_j)², i.e. 4 |r|²
        uint8_t codes[CSIM_DIMENSIONS];
        for (int j = 0; j < CSIM_DIMENSIONS; j++) {
            // The nearest point: c = round((x - offset) / step), in halves so that it stays integer.
            const int32_t above = 2 * (int32_t)vector[j] - grid->twice_offsets[j];
            int32_t code = above + grid->step < 0 ? 0 : (above + grid->step) / twice_step;
            if (code > 15) code = 15;
            const int64_t twice_residual = above - (int64_t)twice_step * code;
            squares += twice_residual * twice_residual;
            codes[j] = (uint8_t)code;
        }
        for (int j = 0; j < half; j++) nibbles[i * half + (size_t)j] = (uint8_t)(codes[j] | (codes[j + half] << 4));
        // The smallest c with c >= scale · |r|, i.e. 4 c² >= scale² · squares (the float
        // root is within one of it; the loops make it exact).
        const int64_t target = scale_squared * squares;
        int64_t code = (int64_t)sqrt((double)target / 4.0);
        while (4 * code * code < target) code++;
        while (code > 0 && 4 * (code - 1) * (code - 1) >= target) code--;
        if (code > 255) return 0;
        residual_codes[i] = (uint8_t)code;
    }
    return 1;
}

/// What the coarse passes' bound needs of the reference q on a grid: with x = offset +
/// step · c + r, q · x = Σ q_j offset_j + step · q·c + q·r <= 0.5 (twice_step · q·c + base) +
/// code · residual_step (+ 1 for the float rounding of the fused multiply-add), where base
/// = Σ q_j · twice_offsets[j] and residual_step = |q| / residual_scale, rounded up. On a
/// valid grid twice_step · q·c + base stays under 2^24 in magnitude, so it and its half
/// are exact in float.
typedef struct {
    int32_t base, twice_step;
    float residual_step;
} coarse_bound;

static coarse_bound coarse_bound_of(const csim_coarse_grid *grid, const int8_t *reference) {
    int32_t base = 0, squares = 0;
    for (int j = 0; j < CSIM_DIMENSIONS; j++) {
        base += reference[j] * grid->twice_offsets[j];
        squares += (int32_t)reference[j] * reference[j];
    }
    const coarse_bound bound = {base, 2 * grid->step,
                                (float)(sqrt((double)squares) / grid->residual_scale * (1.0 + 1e-6))};
    return bound;
}

#ifdef CSIM_X86
/// The exact values of the candidates a coarse pass kept, sixteen at a time as vnni_sixteen
/// computes them (the same loads, sums and float steps, from the candidates' addresses),
/// with the vectors of the candidates `confirm_ahead` places on prefetched (the first ones
/// before the loop); appends those at or above the threshold. A last group of fewer than
/// sixteen repeats its last candidate, masked out.
__attribute__((target("avx512f,avx512bw,avx512vnni")))
static size_t coarse_confirm(const int8_t *vectors, const float *inverse_norms, const uint32_t *candidates, size_t count,
                             const vnni_query *query, float threshold, uint32_t first_document,
                             uint32_t *out_documents, float *out_scores) {
    const __m512i flip = _mm512_set1_epi8((char)0x80);
    const __m512 limit = _mm512_set1_ps(threshold);
    // Each vector is a cache miss in a random place: 64 in flight hide them better than 16
    // (6 % off the whole scan of a `like:` with 53,000 candidates, 7 Dec).
    enum { confirm_ahead = 64 };
    size_t kept = 0;
    for (size_t ahead = 0; ahead < confirm_ahead && ahead < count; ahead++)
        _mm_prefetch((const char *)(vectors + (size_t)candidates[ahead] * CSIM_DIMENSIONS), _MM_HINT_T0);
    for (size_t k = 0; k < count; k += 16) {
        const size_t in_group = count - k < 16 ? count - k : 16;
        uint32_t group[16];
        for (size_t slot = 0; slot < 16; slot++) group[slot] = candidates[k + (slot < in_group ? slot : in_group - 1)];
        for (size_t ahead = k + confirm_ahead; ahead < k + confirm_ahead + 16 && ahead < count; ahead++)
            _mm_prefetch((const char *)(vectors + (size_t)candidates[ahead] * CSIM_DIMENSIONS), _MM_HINT_T0);
        __m512i a[16];
#pragma GCC unroll 16
        for (int slot = 0; slot < 16; slot++) {
            const uint32_t document = group[4 * (slot & 3) + (slot >> 2)];
            const __m512i x = _mm512_xor_si512(_mm512_loadu_si512(vectors + (size_t)document * CSIM_DIMENSIONS), flip);
            a[slot] = _mm512_dpbusd_epi32(_mm512_setzero_si512(), x, query->reference);
        }
        const __m512i documents = _mm512_loadu_si512(group);
        const __m512 clamped = vnni_values(vnni_reduce_sixteen(a), _mm512_i32gather_ps(documents, inverse_norms, 4), query);
        const __mmask16 passed = _mm512_cmp_ps_mask(clamped, limit, _CMP_GE_OQ) & (__mmask16)((1u << in_group) - 1);
        if (passed == 0) continue;
        store_selected_ps(out_scores + kept, passed, clamped);
        store_selected_epi32(out_documents + kept, passed, _mm512_add_epi32(documents, _mm512_set1_epi32((int)first_document)));
        kept += (size_t)__builtin_popcount(passed);
    }
    return kept;
}

/// The coarse pass, sixteen vectors a step: each 64-byte load holds two vectors' codes, so
/// eight loads and sixteen vpdpbusd give q · c for sixteen vectors, summed by
/// vnni_reduce_pairs; coarse_bound_of turns that into a bound on the dot product from
/// above. Float products are monotone, so a vector whose bound times its inverse norm and
/// the scale stays below the threshold has a value below it too.
__attribute__((target("avx512f,avx512bw,avx512vnni")))
static size_t scan_coarse_above_vnni(const csim_coarse_grid *grid, const uint8_t *nibbles, const uint8_t *residual_codes,
                                     const int8_t *vectors, const float *inverse_norms, size_t count, const int8_t *reference, float scale,
                                     float threshold, uint32_t first_document, uint32_t *out_documents, float *out_scores) {
    enum { half = CSIM_DIMENSIONS / 2, batch = 512 };
    const vnni_query query = vnni_prepare(reference, scale);
    const coarse_bound bound_terms = coarse_bound_of(grid, reference);
    const __m256i first_half = _mm256_loadu_si256((const __m256i *)reference);
    const __m256i second_half = _mm256_loadu_si256((const __m256i *)(reference + half));
    const __m512i low_reference = _mm512_inserti64x4(_mm512_castsi256_si512(first_half), first_half, 1);
    const __m512i high_reference = _mm512_inserti64x4(_mm512_castsi256_si512(second_half), second_half, 1);
    const __m512i nibble_mask = _mm512_set1_epi8(0x0F);
    const __m512 residual_step = _mm512_set1_ps(bound_terms.residual_step);
    const __m512i base = _mm512_set1_epi32(bound_terms.base), twice_step = _mm512_set1_epi32(bound_terms.twice_step);
    const __m512 margin = _mm512_set1_ps(1.0f), one_half = _mm512_set1_ps(0.5f);
    const __m512 limit = _mm512_set1_ps(threshold), vscale = _mm512_set1_ps(scale);
    const __m512i lanes = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    // The reduction leaves vector 4c + r's total in lane 4r + c; this puts it in lane 4c + r.
    const __m512i order = _mm512_setr_epi32(0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
    uint32_t candidates[batch + 16];
    size_t pending = 0, kept = 0;
    for (size_t i = 0; i + 16 <= count; i += 16) {
        const uint8_t *group = nibbles + i * half;
#pragma GCC unroll 8
        for (int line = 0; line < 8; line++) _mm_prefetch((const char *)(group + coarse_prefetch_ahead + line * 64), _MM_HINT_T0);
        __m512i b[8];
#pragma GCC unroll 8
        for (int j = 0; j < 8; j++) {
            const __m512i x = _mm512_loadu_si512(group + j * 64);
            const __m512i low = _mm512_and_si512(x, nibble_mask);
            const __m512i high = _mm512_and_si512(_mm512_srli_epi16(x, 4), nibble_mask);
            b[j] = _mm512_dpbusd_epi32(_mm512_dpbusd_epi32(_mm512_setzero_si512(), low, low_reference), high, high_reference);
        }
        const __m512i sums = vnni_reduce_pairs(b);
        const __m512i coarse = _mm512_permutexvar_epi32(order, sums);
        const __m512 codes = _mm512_cvtepi32_ps(_mm512_cvtepu8_epi32(_mm_loadu_si128((const __m128i *)(residual_codes + i))));
        const __m512 exact_part = _mm512_mul_ps(_mm512_cvtepi32_ps(_mm512_add_epi32(_mm512_mullo_epi32(coarse, twice_step), base)), one_half);
        const __m512 bound = _mm512_add_ps(_mm512_fmadd_ps(codes, residual_step, exact_part), margin);
        const __m512 value = _mm512_mul_ps(_mm512_mul_ps(bound, _mm512_loadu_ps(inverse_norms + i)), vscale);
        const __mmask16 maybe = _mm512_cmp_ps_mask(value, limit, _CMP_GE_OQ);
        if (maybe != 0) {
            store_selected_epi32(candidates + pending, maybe, _mm512_add_epi32(lanes, _mm512_set1_epi32((int)i)));
            pending += (size_t)__builtin_popcount(maybe);
        }
        if (pending >= batch) {
            kept += coarse_confirm(vectors, inverse_norms, candidates, pending, &query, threshold, first_document,
                                   out_documents + kept, out_scores + kept);
            pending = 0;
        }
    }
    kept += coarse_confirm(vectors, inverse_norms, candidates, pending, &query, threshold, first_document,
                           out_documents + kept, out_scores + kept);
    return kept;
}

/// Whether the CPU runs the AVX2 coarse pass (FMA for its bound, as the VNNI pass computes it).
static int has_avx2_fma(void) {
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

/// coarse_confirm with AVX2: the candidates' exact values by gather_avx2 (the full scan's,
/// bit for bit), a block at a time, keeping those at or above the threshold.
__attribute__((target("avx2")))
static size_t coarse_confirm_avx2(const int8_t *vectors, const float *inverse_norms, const uint32_t *candidates,
                                  size_t count, const int8_t *reference, float scale, float threshold,
                                  uint32_t first_document, uint32_t *out_documents, float *out_scores) {
    enum { block = 256 };
    float values[block];
    size_t kept = 0;
    for (size_t start = 0; start < count; start += block) {
        const size_t n = count - start < block ? count - start : block;
        gather_avx2(vectors, inverse_norms, candidates + start, n, reference, scale, values);
        for (size_t k = 0; k < n; k++) {
            if (values[k] >= threshold) {
                out_documents[kept] = first_document + candidates[start + k];
                out_scores[kept] = values[k];
                kept++;
            }
        }
    }
    return kept;
}

/// The reference's terms for the AVX2 coarse pass's bound (coarse_bound_of, in registers).
typedef struct {
    __m256i low_reference, high_reference, nibble_mask, ones;
    __m256 step, half_base, residual_step, margin, limit, scale;
} avx2_coarse_query;

/// Which of eight consecutive vectors' bounds reach the threshold, one bit a vector: per
/// vector, one 32-byte load holds its 64 codes, and two maddubs (unsigned codes by the
/// signed reference halves; pairs of at most 2 · 15 · 127, so nothing saturates) give
/// q · c in sixteen int16 lanes of at most 4 · 15 · 127 = 7,620. Two rounds of 16-bit
/// horizontal adds (at most 30,480: still exact) and one madd widening to 32 bits sum
/// them: this leaves the multiply pipes one madd per four vectors instead of one per
/// vector, 5-9 % off the pass on a Zen 3 (C harness on the 1M index, 7 Dec). The bound's
/// value is scan_coarse_above_vnni's, bit for bit (step · q·c + base / 2 is an exact
/// half-integer below 2^23, so one fused multiply-add gives it), so both passes keep the
/// same candidates.
__attribute__((target("avx2,fma"), always_inline))
static inline unsigned avx2_coarse_eight(const avx2_coarse_query *query, const uint8_t *nibbles,
                                         const uint8_t *residual_codes, const float *inverse_norms) {
    enum { half = CSIM_DIMENSIONS / 2 };
    __m256i pairs[8];
    for (int vector = 0; vector < 8; vector++) {
        const __m256i x = _mm256_loadu_si256((const __m256i *)(nibbles + vector * half));
        const __m256i low = _mm256_and_si256(x, query->nibble_mask);
        const __m256i high = _mm256_and_si256(_mm256_srli_epi16(x, 4), query->nibble_mask);
        pairs[vector] = _mm256_add_epi16(_mm256_maddubs_epi16(low, query->low_reference),
                                         _mm256_maddubs_epi16(high, query->high_reference));
    }
    // The adds leave vectors 0-3 (then 4-7) in the lanes of each 128-bit half, one half's
    // partial sums each; adding the halves gives lane v vector v.
    const __m256i l1a = _mm256_hadd_epi16(pairs[0], pairs[1]), l1b = _mm256_hadd_epi16(pairs[2], pairs[3]);
    const __m256i l1c = _mm256_hadd_epi16(pairs[4], pairs[5]), l1d = _mm256_hadd_epi16(pairs[6], pairs[7]);
    const __m256i first = _mm256_madd_epi16(_mm256_hadd_epi16(l1a, l1b), query->ones);
    const __m256i second = _mm256_madd_epi16(_mm256_hadd_epi16(l1c, l1d), query->ones);
    const __m256i coarse = _mm256_add_epi32(_mm256_permute2x128_si256(first, second, 0x20),
                                            _mm256_permute2x128_si256(first, second, 0x31));
    const __m256 codes = _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *)residual_codes)));
    const __m256 exact_part = _mm256_fmadd_ps(_mm256_cvtepi32_ps(coarse), query->step, query->half_base);
    const __m256 bound = _mm256_add_ps(_mm256_fmadd_ps(codes, query->residual_step, exact_part), query->margin);
    const __m256 value = _mm256_mul_ps(_mm256_mul_ps(bound, _mm256_loadu_ps(inverse_norms)), query->scale);
    return (unsigned)_mm256_movemask_ps(_mm256_cmp_ps(value, query->limit, _CMP_GE_OQ));
}

/// The coarse pass with AVX2, a block of 512 vectors at a time: first the bounds of the
/// whole block, eight vectors a step, into one bit a vector; then the candidates listed
/// from those bits. Listing them per step of eight (a branch-free append whose next store
/// waits on the last step's count) made the pass 12 % slower on a Zen 3 (C harness, 1M
/// vectors, 7 Dec). `count` is a multiple of 8.
__attribute__((target("avx2,fma")))
static size_t scan_coarse_above_avx2(const csim_coarse_grid *grid, const uint8_t *nibbles, const uint8_t *residual_codes,
                                     const int8_t *vectors, const float *inverse_norms, size_t count, const int8_t *reference, float scale,
                                     float threshold, uint32_t first_document, uint32_t *out_documents, float *out_scores) {
    enum { half = CSIM_DIMENSIONS / 2, block = 512, words = block / 64, batch = 512 };
    const coarse_bound bound_terms = coarse_bound_of(grid, reference);
    const avx2_coarse_query query = {
        .low_reference = _mm256_loadu_si256((const __m256i *)reference),
        .high_reference = _mm256_loadu_si256((const __m256i *)(reference + half)),
        .nibble_mask = _mm256_set1_epi8(0x0F),
        .ones = _mm256_set1_epi16(1),
        .step = _mm256_set1_ps((float)grid->step),
        .half_base = _mm256_set1_ps(0.5f * (float)bound_terms.base),
        .residual_step = _mm256_set1_ps(bound_terms.residual_step),
        .margin = _mm256_set1_ps(1.0f),
        .limit = _mm256_set1_ps(threshold),
        .scale = _mm256_set1_ps(scale),
    };
    uint32_t candidates[batch + block];
    size_t pending = 0, kept = 0;
    for (size_t start = 0; start < count; start += block) {
        const size_t end = count - start < block ? count : start + block;
        uint64_t passed[words] = {0};
        for (size_t i = start; i < end; i += 8) {
            const uint8_t *group = nibbles + i * half;
            for (int line = 0; line < 4; line++) _mm_prefetch((const char *)(group + prefetch_ahead + line * 64), _MM_HINT_T0);
            const uint64_t maybe = avx2_coarse_eight(&query, group, residual_codes + i, inverse_norms + i);
            passed[(i - start) / 64] |= maybe << ((i - start) % 64);
        }
        for (size_t word = 0; word < words; word++) {
            for (uint64_t bits = passed[word]; bits != 0; bits &= bits - 1)
                candidates[pending++] = (uint32_t)(start + 64 * word + (size_t)__builtin_ctzll(bits));
        }
        if (pending >= batch) {
            kept += coarse_confirm_avx2(vectors, inverse_norms, candidates, pending, reference, scale, threshold,
                                        first_document, out_documents + kept, out_scores + kept);
            pending = 0;
        }
    }
    kept += coarse_confirm_avx2(vectors, inverse_norms, candidates, pending, reference, scale, threshold, first_document,
                                out_documents + kept, out_scores + kept);
    return kept;
}
#endif

size_t csim_scan64_coarse_above_using(csim_kernel kernel, const csim_coarse_grid *grid, const uint8_t *nibbles,
                                      const uint8_t *residual_codes, const int8_t *vectors, const float *inverse_norms,
                                      size_t count, const int8_t *reference, float scale, float threshold,
                                      uint32_t first_document, uint32_t *out_documents, float *out_scores) {
    size_t kept = 0, done = 0;
#ifdef CSIM_X86
    // Values are clamped to -1...1, so every value passes a threshold of -1 or below (and
    // none a NaN): the bound is of no use there.
    if (threshold > -1.0f && csim_coarse_grid_is_valid(grid)) {
        if (kernel >= CSIM_KERNEL_AVX512_VNNI && has_vnni()) {
            done = count / 16 * 16;
            kept = scan_coarse_above_vnni(grid, nibbles, residual_codes, vectors, inverse_norms, done, reference, scale,
                                          threshold, first_document, out_documents, out_scores);
        } else if (kernel >= CSIM_KERNEL_AVX2 && has_avx2_fma()) {
            done = count / 8 * 8;
            kept = scan_coarse_above_avx2(grid, nibbles, residual_codes, vectors, inverse_norms, done, reference, scale,
                                          threshold, first_document, out_documents, out_scores);
        }
    }
#endif
    return kept + csim_scan64_above_using(kernel, vectors + done * CSIM_DIMENSIONS, inverse_norms + done, count - done,
                                          reference, scale, threshold, first_document + (uint32_t)done,
                                          out_documents + kept, out_scores + kept);
}

size_t csim_scan64_coarse_above(const csim_coarse_grid *grid, const uint8_t *nibbles, const uint8_t *residual_codes,
                                const int8_t *vectors, const float *inverse_norms, size_t count,
                                const int8_t *reference, float scale, float threshold, uint32_t first_document,
                                uint32_t *out_documents, float *out_scores) {
    return csim_scan64_coarse_above_using(CSIM_KERNEL_BEST, grid, nibbles, residual_codes, vectors, inverse_norms, count,
                                          reference, scale, threshold, first_document, out_documents, out_scores);
}
