#include "csimilarity.h"

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

/// Four vectors per step. |x|·sign(q, x) = x·q, and _mm256_maddubs_epi16 multiplies unsigned
/// by signed bytes into pairwise int16 sums: with elements in -127...127 a pair is at most
/// 2 · 127 · 127 = 32,258, so it never saturates; _mm256_madd_epi16 widens to int32.
__attribute__((target("avx2")))
static void scan_avx2(const int8_t *vectors, const float *inverse_norms, size_t count,
                      const int8_t *reference, float scale, float *out) {
    const __m256i q0 = _mm256_loadu_si256((const __m256i *)reference);
    const __m256i q1 = _mm256_loadu_si256((const __m256i *)(reference + 32));
    const __m256i ones = _mm256_set1_epi16(1);
    size_t i = 0;
    for (; i + 4 <= count; i += 4) {
        __m256i sums[4];
        for (int k = 0; k < 4; k++) {
            const int8_t *x = vectors + (i + (size_t)k) * CSIM_DIMENSIONS;
            const __m256i x0 = _mm256_loadu_si256((const __m256i *)x);
            const __m256i x1 = _mm256_loadu_si256((const __m256i *)(x + 32));
            const __m256i p0 = _mm256_maddubs_epi16(_mm256_abs_epi8(x0), _mm256_sign_epi8(q0, x0));
            const __m256i p1 = _mm256_maddubs_epi16(_mm256_abs_epi8(x1), _mm256_sign_epi8(q1, x1));
            sums[k] = _mm256_add_epi32(_mm256_madd_epi16(p0, ones), _mm256_madd_epi16(p1, ones));
        }
        store_four(sums, _mm_setzero_si128(), inverse_norms + i, scale, out + i);
    }
    if (i < count) scan_portable(vectors + i * CSIM_DIMENSIONS, inverse_norms + i, count - i, reference, scale, out + i);
}

/// Eight vectors per step with AVX-512 VNNI on 256-bit registers: vpdpbusd multiplies
/// unsigned by signed bytes and sums each group of four into a 32-bit lane in one
/// instruction. The vector's bytes are made unsigned by flipping their top bit (x + 128, in
/// 1...255), and 128 · Σ reference is taken off the sum, so the int32 dot product, and
/// with it every float that follows, is the AVX2 kernel's exactly.
__attribute__((target("avx2,avx512f,avx512vl,avx512vnni")))
static void scan_vnni(const int8_t *vectors, const float *inverse_norms, size_t count,
                      const int8_t *reference, float scale, float *out) {
    const __m256i q0 = _mm256_loadu_si256((const __m256i *)reference);
    const __m256i q1 = _mm256_loadu_si256((const __m256i *)(reference + 32));
    int32_t reference_sum = 0;
    for (int j = 0; j < CSIM_DIMENSIONS; j++) reference_sum += reference[j];
    const __m256i flip = _mm256_set1_epi8((char)0x80);
    const __m128i offset = _mm_set1_epi32(128 * reference_sum);
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        __m256i sums[8];
        for (int k = 0; k < 8; k++) {
            const int8_t *x = vectors + (i + (size_t)k) * CSIM_DIMENSIONS;
            const __m256i x0 = _mm256_xor_si256(_mm256_loadu_si256((const __m256i *)x), flip);
            const __m256i x1 = _mm256_xor_si256(_mm256_loadu_si256((const __m256i *)(x + 32)), flip);
            sums[k] = _mm256_dpbusd_epi32(_mm256_dpbusd_epi32(_mm256_setzero_si256(), x0, q0), x1, q1);
        }
        store_four(sums, offset, inverse_norms + i, scale, out + i);
        store_four(sums + 4, offset, inverse_norms + i + 4, scale, out + i + 4);
    }
    if (i < count) scan_portable(vectors + i * CSIM_DIMENSIONS, inverse_norms + i, count - i, reference, scale, out + i);
}
#endif

size_t csim_scan64_above(const int8_t *vectors, const float *inverse_norms, size_t count,
                         const int8_t *reference, float scale, float threshold, uint32_t first_document,
                         uint32_t *out_documents, float *out_scores) {
    // Blocks small enough to stay in L1 between the scan and the filter.
    enum { block = 256 };
    float values[block];
    size_t kept = 0;
    for (size_t start = 0; start < count; start += block) {
        const size_t n = count - start < block ? count - start : block;
        csim_scan64(vectors + start * CSIM_DIMENSIONS, inverse_norms + start, n, reference, scale, values);
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

void csim_gather64(const int8_t *vectors, const float *inverse_norms, const uint32_t *documents, size_t count,
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

void csim_scan64_using(csim_kernel kernel, const int8_t *vectors, const float *inverse_norms, size_t count,
                       const int8_t *reference, float scale, float *out) {
#ifdef CSIM_X86
    if (kernel >= CSIM_KERNEL_AVX512_VNNI && __builtin_cpu_supports("avx512vnni") && __builtin_cpu_supports("avx512vl")) {
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
