#ifndef CPOSTINGS_H
#define CPOSTINGS_H

// Kernels for reading postings: plain C over plain types, so that the loops that walk a
// common word's whole list (hundreds of thousands of postings) use AVX-512, AVX2, POPCNT
// and BMI2, chosen at run time, while the rest of the engine is built for the baseline
// x86-64 (SSE2) that Swift targets by default, where a Swift `nonzeroBitCount` is a dozen
// instructions.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The number of bytes that hold the first `count` LEB128 varints of bytes[0..<length] (a
/// varint ends at each byte below 0x80), or SIZE_MAX when fewer than `count` end there.
/// For count 0 it is 0.
size_t cpost_skip_varints(const uint8_t *bytes, size_t length, size_t count);

/// The sum of values[0..<count], without overflow (the values are 32-bit).
uint64_t cpost_sum_u32(const uint32_t *values, size_t count);

/// The frequency code that means "frequency − 16 follows as a varint after the codes"
/// (`PostingEncoding` writes with it, `cpost_decode_postings` reads with it).
#define CPOST_FREQUENCY_ESCAPE 15

/// Decodes one term's postings as `PostingEncoding` lays them out (`count` varint document
/// deltas, the first document as is; then frequency − 1 in four bits a posting, 15 meaning
/// "frequency − 16 follows as a varint after the codes") into documents[0..<count] and
/// frequencies[0..<count]. Returns 1 when the bytes are exactly that: deltas above 0,
/// documents below `document_limit` and below 2^32, varints of at most five bytes (bits past
/// 32 dropped), and nothing after the last large frequency; else 0, with the outputs'
/// contents undefined.
int cpost_decode_postings(const uint8_t *bytes, size_t length, size_t count, uint32_t document_limit,
                          uint32_t *documents, uint32_t *frequencies);

/// Sets bit d (bit d % 64 of words[d / 64]) for each d of documents[0..<count], ascending:
/// the bits of one word are gathered in a register and stored once, where setting them one
/// by one would wait on the store of the bit before whenever they share a word (as most of
/// a common word's documents do). Every document must be below 64 × the words' count.
void cpost_set_bits_ascending(uint64_t *words, const uint32_t *documents, size_t count);

/// One word of a phrase in one field: its postings (documents ascending, each with its
/// frequency) and their positions, every posting's in order, each posting's as varint
/// deltas from 0 (as the index stores them); `offset` is the word's position relative to
/// the phrase's first word.
typedef struct {
    const uint32_t *documents;
    const uint32_t *frequencies;
    size_t count;
    const uint8_t *positions;
    size_t positions_length;
    uint32_t offset;
} cpost_phrase_word;

/// Every document where the phrase occurs, with how often: the documents holding all
/// `word_count` words (listed by the word with the fewest postings, the others found by
/// galloping), and in each the starts p >= 0 such that every word i is at p + offset_i.
/// Writes the documents (ascending) and counts to out_documents and out_counts, each with
/// room for the smallest word's posting count, and returns how many; SIZE_MAX when some
/// positions are damaged (past the end, or a varint too long), when the phrase has more
/// than 64 words or memory for positions runs out, with the outputs undefined (the caller
/// then checks documents one by one).
/// Positions are read in one forward pass per word, skipping those of passed postings.
size_t cpost_phrase_occurrences(const cpost_phrase_word *words, size_t word_count,
                                uint32_t *out_documents, uint32_t *out_counts);

/// cpost_phrase_occurrences for part `part` of `parts` (part < parts) of the documents: those
/// the word with the fewest postings lists from its posting cpost_phrase_part_start(its
/// count, part, parts) up to that of the next part. The outputs need room for that many;
/// the parts' results, joined in order, are the whole call's (threads may run parts at once).
size_t cpost_phrase_occurrences_part(const cpost_phrase_word *words, size_t word_count, size_t part, size_t parts,
                                     uint32_t *out_documents, uint32_t *out_counts);

/// cpost_phrase_occurrences among `candidates` only (`candidate_count` documents, ascending):
/// those of them where the phrase occurs, with how often. Every word's walk moves to each
/// candidate (the word with the fewest postings first), so the cost follows the candidates
/// rather than the words' postings. The outputs need room for candidate_count.
size_t cpost_phrase_occurrences_among(const cpost_phrase_word *words, size_t word_count, const uint32_t *candidates,
                                      size_t candidate_count, uint32_t *out_documents, uint32_t *out_counts);

/// Where part `part` of `parts` starts among the `lead_count` postings of a phrase's word with
/// the fewest (part == parts gives lead_count).
size_t cpost_phrase_part_start(size_t lead_count, size_t part, size_t parts);

/// Widens a list of documents kept as their low 16 bits (`ChunkedDocumentLists`): entries
/// before chunk_ends[0] are in chunk 0 (documents 0..<65,536), those before chunk_ends[c]
/// in chunk c, so out[i] = c << 16 | lows[i]. chunk_ends must not decrease; the last is the
/// number of entries.
void cpost_widen_chunked(const uint16_t *lows, const uint32_t *chunk_ends, size_t chunk_count, uint32_t *out);

/// Which kernel the functions above may use at most (one the CPU lacks falls back to the
/// portable one); the plain functions use the best the CPU has. Every kernel gives the same
/// results (the tests compare them).
typedef enum {
    CPOST_KERNEL_PORTABLE = 0,
    CPOST_KERNEL_AVX2 = 1,      // skipping and summing; decoding sixteen deltas or codes at a time
    CPOST_KERNEL_AVX512 = 2,    // decoding with 512-bit registers; phrases: moving walks and passing positions in masks
    CPOST_KERNEL_BEST = 2
} cpost_kernel;

size_t cpost_skip_varints_using(cpost_kernel kernel, const uint8_t *bytes, size_t length, size_t count);
uint64_t cpost_sum_u32_using(cpost_kernel kernel, const uint32_t *values, size_t count);
void cpost_widen_chunked_using(cpost_kernel kernel, const uint16_t *lows, const uint32_t *chunk_ends, size_t chunk_count,
                               uint32_t *out);
size_t cpost_phrase_occurrences_part_using(cpost_kernel kernel, const cpost_phrase_word *words, size_t word_count,
                                           size_t part, size_t parts, uint32_t *out_documents, uint32_t *out_counts);
size_t cpost_phrase_occurrences_among_using(cpost_kernel kernel, const cpost_phrase_word *words, size_t word_count,
                                            const uint32_t *candidates, size_t candidate_count,
                                            uint32_t *out_documents, uint32_t *out_counts);
int cpost_decode_postings_using(cpost_kernel kernel, const uint8_t *bytes, size_t length, size_t count,
                                uint32_t document_limit, uint32_t *documents, uint32_t *frequencies);

#ifdef __cplusplus
}
#endif

#endif
