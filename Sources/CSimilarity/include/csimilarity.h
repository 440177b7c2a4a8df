#ifndef CSIMILARITY_H
#define CSIMILARITY_H

// Scan kernels for lookalike vectors: plain C over plain types, so that the hot loop is
// vectorised with AVX-512 VNNI or AVX2 (chosen at run time) while the rest of the engine is
// built for the baseline x86-64 (SSE2) that Swift targets by default. Measured on 1M × 64
// int8 vectors: Swift's scalar loop 10-11 ms, Swift SIMD64 types over a second, the AVX2
// kernel about 2 ns a vector and the AVX-512 VNNI kernel 1.1 ns when the vectors are in
// cache; over 1M from memory the VNNI scan takes about the time of reading the 64 MB.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The dimension every vector has (`LookalikeLayout.dimensions` must equal it).
#define CSIM_DIMENSIONS 64

/// Dot product of two 64-element int8 vectors (elements in -127...127).
int32_t csim_dot64(const int8_t *a, const int8_t *b);

/// Asks for the cache line holding `address` to be read into the caches, without waiting
/// for it (Swift has no prefetch of its own). Any address is allowed: a prefetch never faults.
static inline void csim_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

/// For each i < count: out[i] = dot(vectors + 64 i, reference) * inverse_norms[i] * scale
/// (in float, in that order), clamped to -1...1.
/// `vectors` holds count × 64 int8 (elements in -127...127, never -128); none of the
/// pointers may be null when count > 0.
void csim_scan64(const int8_t *vectors, const float *inverse_norms, size_t count,
                 const int8_t *reference, float scale, float *out);

/// Which kernel csim_scan64_using may use at most (one the CPU lacks falls back to the
/// next below it); csim_scan64 uses the best the CPU has. Every kernel gives the same values,
/// bit for bit (the tests compare them).
typedef enum { CSIM_KERNEL_PORTABLE = 0, CSIM_KERNEL_AVX2 = 1, CSIM_KERNEL_AVX512_VNNI = 2, CSIM_KERNEL_BEST = 2 } csim_kernel;

void csim_scan64_using(csim_kernel kernel, const int8_t *vectors, const float *inverse_norms, size_t count,
                       const int8_t *reference, float scale, float *out);

/// csim_scan64 over documents first_document ..< first_document + count, keeping only the
/// values at or above `threshold`: their documents, ascending, in out_documents and the
/// values in out_scores (each with room for `count`). Returns how many were kept.
size_t csim_scan64_above(const int8_t *vectors, const float *inverse_norms, size_t count,
                         const int8_t *reference, float scale, float threshold, uint32_t first_document,
                         uint32_t *out_documents, float *out_scores);

/// csim_scan64_above with at most `kernel` (as csim_scan64_using): the same documents and
/// values with every kernel.
size_t csim_scan64_above_using(csim_kernel kernel, const int8_t *vectors, const float *inverse_norms, size_t count,
                               const int8_t *reference, float scale, float threshold, uint32_t first_document,
                               uint32_t *out_documents, float *out_scores);

/// For each i < count: out[i] = the value csim_scan64 gives document documents[i], bit for
/// bit. For a few candidates out of many: the vectors of the next candidates are
/// prefetched while one is computed, so sparse candidates cost about a cache miss's
/// bandwidth rather than its latency. Every documents[i] must be a valid index.
void csim_gather64(const int8_t *vectors, const float *inverse_norms, const uint32_t *documents, size_t count,
                   const int8_t *reference, float scale, float *out);
/// csim_gather64 with at most `kernel` (AVX2: four documents a step, 2.5-4 times faster
/// than the portable loop on a Zen 3): the same values with every kernel.
void csim_gather64_using(csim_kernel kernel, const int8_t *vectors, const float *inverse_norms, const uint32_t *documents,
                         size_t count, const int8_t *reference, float scale, float *out);

/// The grid a coarse copy rounds vectors to. Element j of a vector x is stored as the code
/// c_j in 0...15 of the nearest of the points offset_j + step · c_j (clamped to the ends),
/// and the whole vector's residual r = x - (offset + step · c) as one byte, the smallest
/// integer at or above residual_scale · |r|. One step for every element keeps the pass's
/// products exact integers (Σ q_j c_j by maddubs or vpdpbusd); the offsets centre each
/// element's sixteen points on where its values lie. Valid when 1 <= step <= 32,
/// |twice_offsets[j]| <= 1024 and 1 <= residual_scale <= 64 (csim_coarse_grid_is_valid):
/// then every bound the passes compute is exact in float.
typedef struct {
    int32_t step;
    /// Twice each element's first point, so that a point may lie halfway between integers.
    int32_t twice_offsets[CSIM_DIMENSIONS];
    int32_t residual_scale;
} csim_coarse_grid;

int csim_coarse_grid_is_valid(const csim_coarse_grid *grid);

/// Encodes vectors on `grid`: per vector, 32 bytes of codes (byte j holds c_j in its low
/// half and c_(j+32) in its high half: half the bytes of the vector) in `nibbles`, and the
/// residual code in `residual_codes`. Returns 1, or 0 when some vector's residual code
/// would not fit in a byte or the grid is not valid (the output is then of no use).
int csim_coarse_encode(const csim_coarse_grid *grid, const int8_t *vectors, size_t count, uint8_t *nibbles,
                       uint8_t *residual_codes);

/// csim_scan64_above with the same documents and values, bit for bit, reading half the
/// bytes: a first pass over the coarse copy (csim_coarse_encode of the same vectors on the
/// same grid) bounds every value from above, and only the vectors whose bound reaches
/// `threshold` are read and computed exactly, with AVX-512 VNNI or else AVX2 and FMA.
/// Falls back to csim_scan64_above when the CPU has neither, threshold is not above -1 or
/// the grid is not valid. `nibbles` and `residual_codes` start at the same document as
/// `vectors`.
size_t csim_scan64_coarse_above(const csim_coarse_grid *grid, const uint8_t *nibbles, const uint8_t *residual_codes,
                                const int8_t *vectors, const float *inverse_norms, size_t count,
                                const int8_t *reference, float scale, float threshold, uint32_t first_document,
                                uint32_t *out_documents, float *out_scores);
/// csim_scan64_coarse_above with at most `kernel` (CSIM_KERNEL_AVX2: the AVX2 coarse pass
/// even where VNNI is there; CSIM_KERNEL_PORTABLE: the portable full scan): the same
/// documents and values with every kernel.
size_t csim_scan64_coarse_above_using(csim_kernel kernel, const csim_coarse_grid *grid, const uint8_t *nibbles,
                                      const uint8_t *residual_codes, const int8_t *vectors, const float *inverse_norms,
                                      size_t count, const int8_t *reference, float scale, float threshold,
                                      uint32_t first_document, uint32_t *out_documents, float *out_scores);

#ifdef __cplusplus
}
#endif

#endif
