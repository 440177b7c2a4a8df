import CPostings
import Testing
@testable import CreatorEngine

/// The postings kernels (`cpostings.h`) pick AVX-512 or AVX2 at run time; each must give
/// what the portable one gives, on valid lists and on damaged ones alike.
@Suite("Postings kernels: every kernel reads as the portable one")
struct PostingsKernelTests {
    private static let kernels: [cpost_kernel] = [CPOST_KERNEL_PORTABLE, CPOST_KERNEL_AVX2, CPOST_KERNEL_AVX512]

    /// Documents in runs of small gaps (sixteen one-byte deltas and more) broken by wide ones.
    private func randomList(_ random: inout SplitMixRandom, count: Int) -> (documents: [UInt32], frequencies: [UInt32]) {
        var document = UInt32(random.next() % 300)
        var documents: [UInt32] = []
        for index in 0..<count {
            if index > 0 {
                let wide = random.next() % 40 == 0
                document += wide ? 128 + UInt32(random.next() % 100_000) : 1 + UInt32(random.next() % 127)
            }
            documents.append(document)
        }
        let frequencies: [UInt32] = (0..<count).map { _ in
            random.next() % 60 == 0 ? 15 + UInt32(random.next() % 5_000) : 1 + UInt32(random.next() % 4)
        }
        return (documents, frequencies)
    }

    /// Where two decoded lists first differ (`nil` when equal), so a failure names a posting
    /// instead of printing thousands.
    private func firstDifference(_ left: [UInt32]?, _ right: [UInt32]?) -> String? {
        guard let left, let right else { return left == nil && right == nil ? nil : "one refused, one read" }
        guard left.count == right.count else { return "lengths \(left.count) and \(right.count)" }
        return left.indices.first { left[$0] != right[$0] }.map { "at \($0): \(left[$0]) and \(right[$0])" }
    }

    private func decode(_ bytes: [UInt8], count: Int, limit: UInt32, kernel: cpost_kernel) -> [UInt32]? {
        var documents = [UInt32](repeating: 0, count: max(count, 1)), frequencies = documents
        let accepted = bytes.withUnsafeBufferPointer { raw in
            cpost_decode_postings_using(kernel, raw.baseAddress, raw.count, count, limit, &documents, &frequencies)
        }
        return accepted != 0 ? Array(documents.prefix(count)) + Array(frequencies.prefix(count)) : nil
    }

    @Test("valid lists decode alike with every kernel, and equal what was written", arguments: 0..<30)
    func validLists(seed: Int) throws {
        var random = SplitMixRandom(seed: UInt64(1000 + seed))
        let count = seed < 5 ? seed : Int(random.next() % 5000)
        let list = randomList(&random, count: count)
        var writer = ByteWriter()
        PostingEncoding.append(documents: list.documents, frequencies: list.frequencies, to: &writer)
        for kernel in Self.kernels {
            let decoded = try #require(decode(writer.bytes, count: count, limit: .max, kernel: kernel), "kernel \(kernel.rawValue)")
            #expect(firstDifference(decoded, list.documents + list.frequencies) == nil, "kernel \(kernel.rawValue)")
        }
    }

    @Test("damaged lists (bytes changed, cut, or a wrong count) are refused or read alike by every kernel")
    func damagedLists() {
        var random = SplitMixRandom(seed: 77)
        var refused = 0
        for round in 0..<400 {
            let count = 1 + Int(random.next() % 400)
            let list = randomList(&random, count: count)
            var writer = ByteWriter()
            PostingEncoding.append(documents: list.documents, frequencies: list.frequencies, to: &writer)
            var bytes = writer.bytes
            var claimed = count
            switch round % 4 {
            case 0: bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
            case 1: bytes[Int(random.next() % UInt64(bytes.count))] = 0
            case 2: bytes.removeLast(1 + Int(random.next() % UInt64(min(bytes.count, 20))))
            default: claimed = count + Int(random.next() % 5) - 2
            }
            let limit = list.documents.last.map { $0 + UInt32(random.next() % 3) } ?? 0
            let expected = decode(bytes, count: max(claimed, 0), limit: limit, kernel: CPOST_KERNEL_PORTABLE)
            if expected == nil { refused += 1 }
            for kernel in Self.kernels.dropFirst() {
                #expect(firstDifference(decode(bytes, count: max(claimed, 0), limit: limit, kernel: kernel), expected) == nil,
                        "round \(round), kernel \(kernel.rawValue)")
            }
        }
        // The damage must be real: most of it is refused.
        #expect(refused > 200)
    }

    @Test("skipping k varints lands where the portable kernel does, and refuses a count past the end")
    func skipping() {
        var random = SplitMixRandom(seed: 5)
        for round in 0..<60 {
            var writer = ByteWriter()
            let count = Int(random.next() % 600)
            for _ in 0..<count {
                let wide = random.next() % 8 == 0
                writer.appendVarint(wide ? random.next() >> UInt64(32 + random.next() % 32) : random.next() % 128)
            }
            let bytes = writer.bytes
            bytes.withUnsafeBufferPointer { raw in
                for skipped in stride(from: 0, through: count + 2, by: 1 + count / 50) {
                    let expected = cpost_skip_varints_using(CPOST_KERNEL_PORTABLE, raw.baseAddress, raw.count, skipped)
                    #expect((expected == -1) == (skipped > count), "round \(round)")
                    for kernel in Self.kernels.dropFirst() {
                        #expect(cpost_skip_varints_using(kernel, raw.baseAddress, raw.count, skipped) == expected,
                                "round \(round), \(skipped) of \(count), kernel \(kernel.rawValue)")
                    }
                }
            }
        }
    }

    /// One word of a phrase as the index holds it: ascending documents, and each document's
    /// positions as varint deltas from 0, all documents' one after another.
    private struct PhraseWord {
        var documents: [UInt32] = []
        var positions: [[UInt32]] = []
        var bytes: [UInt8] = []
        let offset: UInt32
    }

    /// Words over about a hundred documents that they share often. In each document the
    /// words share a few planted starts (each word at start + its offset), among other
    /// positions; positions run to 40,000, so deltas of one, two and three bytes all occur,
    /// and a planted word is reached through different deltas in each word. With `dense`,
    /// every word but the first also holds about half the other documents (other positions
    /// only), so a walk passes from none to dozens of postings between two of the first
    /// word's documents.
    private func randomPhrase(_ random: inout SplitMixRandom, words: Int, shared: Bool, dense: Bool = false) -> [PhraseWord] {
        let common = (0..<UInt32(3_000)).filter { _ in random.next() % 30 == 0 }
        let offsets = (0..<words).map { $0 == 0 ? UInt32(0) : UInt32($0) + UInt32(random.next() % 2) }
        let planted = Dictionary(uniqueKeysWithValues: common.map { document in
            (document, (0..<Int(random.next() % 4)).map { _ in UInt32(random.next() % 40_000) })
        })
        return offsets.enumerated().map { index, offset in
            var word = PhraseWord(offset: offset)
            var writer = ByteWriter()
            for document in 0..<UInt32(3_000) {
                let starts: [UInt32]
                if let shared = planted[document] {
                    starts = shared
                } else if dense, index > 0, random.next() % 2 == 0 {
                    starts = []
                } else {
                    continue
                }
                guard starts.isEmpty || shared || random.next() % 5 != 0 else { continue }
                let others = random.next() % 8 == 0 ? 5 + Int(random.next() % 36) : Int(random.next() % 3)
                let near = random.next() % 2 == 0
                var positions = Set(starts.map { $0 + offset })
                for _ in 0..<others { positions.insert(UInt32(random.next() % (near ? 300 : 40_000))) }
                if positions.isEmpty { positions.insert(UInt32(random.next() % 200)) }
                let sorted = positions.sorted()
                word.documents.append(document)
                word.positions.append(sorted)
                for (slot, position) in sorted.enumerated() { writer.appendVarint(UInt64(slot == 0 ? position : position - sorted[slot - 1])) }
            }
            word.bytes = writer.bytes
            return word
        }
    }

    /// The kernel's documents and counts for `words` (the postings of part `part` of `parts`,
    /// or only `candidates`), nil when it reports damage.
    private func phraseOccurrences(_ words: [PhraseWord], part: Int = 0, of parts: Int = 1, among candidates: [UInt32]? = nil,
                                   kernel: cpost_kernel = CPOST_KERNEL_BEST) -> [(UInt32, UInt32)]? {
        let frequencies = words.map { $0.positions.map { UInt32($0.count) } }
        let capacity = max(candidates?.count ?? words.map(\.documents.count).min() ?? 0, 1)
        var documents = [UInt32](repeating: 0, count: capacity), counts = documents
        let found: Int = withExtendedLifetime(frequencies) {
            var input: [cpost_phrase_word] = []
            for (word, wordFrequencies) in zip(words, frequencies) {
                input.append(cpost_phrase_word(documents: word.documents.withUnsafeBufferPointer(\.baseAddress),
                                               frequencies: wordFrequencies.withUnsafeBufferPointer(\.baseAddress),
                                               count: word.documents.count,
                                               positions: word.bytes.withUnsafeBufferPointer(\.baseAddress),
                                               positions_length: word.bytes.count, offset: word.offset))
            }
            // −1 (SIZE_MAX) for damage
            guard let candidates else {
                return cpost_phrase_occurrences_part_using(kernel, input, input.count, part, parts, &documents, &counts)
            }
            return cpost_phrase_occurrences_among_using(kernel, input, input.count, candidates, candidates.count, &documents, &counts)
        }
        guard found >= 0 else { return nil }
        return Array(zip(documents.prefix(found), counts.prefix(found)))
    }

    @Test("phrase occurrences are the starts a brute force finds, for one to four words; damaged positions are refused",
          arguments: 0..<40)
    func phraseOccurrences(seed: Int) throws {
        var random = SplitMixRandom(seed: UInt64(500 + seed))
        let words = randomPhrase(&random, words: 1 + seed % 4, shared: seed % 3 == 0, dense: seed % 2 == 1)
        var expected: [(UInt32, UInt32)] = []
        for (index, document) in words[0].documents.enumerated() {
            let others = words.dropFirst().map { word in word.documents.firstIndex(of: document).map { Set(word.positions[$0]) } }
            guard !others.contains(where: { $0 == nil }) else { continue }
            let starts = words[0].positions[index].filter { start in
                zip(words.dropFirst(), others).allSatisfy { word, positions in positions?.contains(start + word.offset) == true }
            }
            if !starts.isEmpty { expected.append((document, UInt32(starts.count))) }
        }
        for kernel in Self.kernels {
            let found = try #require(phraseOccurrences(words, kernel: kernel), "valid positions refused, kernel \(kernel.rawValue)")
            #expect(found.map(\.0) == expected.map(\.0) && found.map(\.1) == expected.map(\.1), "seed \(seed), kernel \(kernel.rawValue)")
            // Split into parts, each from where its share of the rarest word's postings starts.
            for parts in [2, 3, 8] {
                let joined = try (0..<parts).flatMap { part in
                    try #require(phraseOccurrences(words, part: part, of: parts, kernel: kernel), "part \(part) of \(parts)")
                }
                #expect(joined.map(\.0) == expected.map(\.0) && joined.map(\.1) == expected.map(\.1),
                        "seed \(seed), \(parts) parts, kernel \(kernel.rawValue)")
            }
        }
        // Among candidates only: about half of all documents (those of the words and others), or none.
        for share in [2, 20, 0] as [UInt64] {
            let candidates = share == 0 ? [] : (0..<UInt32(3_000)).filter { _ in random.next() % share == 0 }
            let listed = Set(candidates)
            let among = expected.filter { listed.contains($0.0) }
            for kernel in Self.kernels {
                let found = try #require(phraseOccurrences(words, among: candidates, kernel: kernel), "valid positions refused among candidates")
                #expect(found.map(\.0) == among.map(\.0) && found.map(\.1) == among.map(\.1),
                        "seed \(seed), \(candidates.count) candidates, kernel \(kernel.rawValue)")
            }
        }
        // Cut the positions of the word with the fewest postings (each of its postings is read),
        // or end them with a varint of six bytes: refused either way.
        guard !words[0].documents.isEmpty, words.count == 1 || seed % 3 == 0 else { return }
        var cut = words, long = words
        cut[0].bytes.removeLast(1 + Int(random.next() % UInt64(min(cut[0].bytes.count, 3))))
        long[0].bytes.removeLast()
        long[0].bytes += [0x81, 0x81, 0x81, 0x81, 0x81, 0x01]
        let every = Array(0..<UInt32(3_000))
        for kernel in Self.kernels {
            #expect(phraseOccurrences(cut, kernel: kernel) == nil, "seed \(seed): cut positions read, kernel \(kernel.rawValue)")
            #expect(phraseOccurrences(long, kernel: kernel) == nil, "seed \(seed): a six-byte varint read, kernel \(kernel.rawValue)")
            #expect(phraseOccurrences(cut, among: every, kernel: kernel) == nil, "seed \(seed): cut positions read among candidates")
            #expect(phraseOccurrences(long, among: every, kernel: kernel) == nil, "seed \(seed): a six-byte varint read among candidates")
        }
    }

    /// A word whose documents hold `positions` (each list ascending), with its varint deltas.
    private func phraseWord(offset: UInt32, _ positions: [UInt32: [UInt32]]) -> PhraseWord {
        var word = PhraseWord(offset: offset)
        var writer = ByteWriter()
        for document in positions.keys.sorted() {
            let sorted = positions[document] ?? []
            word.documents.append(document)
            word.positions.append(sorted)
            for (slot, position) in sorted.enumerated() { writer.appendVarint(UInt64(slot == 0 ? position : position - sorted[slot - 1])) }
        }
        word.bytes = writer.bytes
        return word
    }

    @Test("a start whose next word would lie past 2^32 - 1 is no occurrence; one that reaches 2^32 - 1 is, with every kernel")
    func phraseAtTheEndOfPositions() throws {
        let last = UInt32.max
        // Document 1: the first word at 2^32 - 1 and the second at 0, where start + 1 wraps.
        // Document 2: an ordinary occurrence. Document 3: the second word at 2^32 - 1 itself.
        let first = phraseWord(offset: 0, [1: [last], 2: [5], 3: [last - 1]])
        let second = phraseWord(offset: 1, [1: [0], 2: [6], 3: [last]])
        // Either word lists the documents: the one with fewer postings leads (with one more
        // document, the first word follows, and the second's position 0 starts nothing).
        let firstFollows = phraseWord(offset: 0, [1: [last], 2: [5], 3: [last - 1], 4: [9]])
        for kernel in Self.kernels {
            for words in [[first, second], [firstFollows, second]] {
                let found = try #require(phraseOccurrences(words, kernel: kernel), "kernel \(kernel.rawValue)")
                #expect(found.map(\.0) == [2, 3] && found.map(\.1) == [1, 1], "kernel \(kernel.rawValue): \(found)")
                let among = try #require(phraseOccurrences(words, among: [1, 2, 3], kernel: kernel))
                #expect(among.map(\.0) == [2, 3], "kernel \(kernel.rawValue) among candidates: \(among)")
            }
        }
    }

    @Test("walks that pass from one to hundreds of postings between two of the lead's documents find the same occurrences, with every kernel")
    func longWalks() throws {
        var random = SplitMixRandom(seed: 77)
        // The lead holds a document every `gap` (1 to 400); the other word holds every document,
        // at the position after the lead's in about two thirds of them.
        for gap in [1, 2, 15, 16, 17, 100, 127, 128, 129, 130, 143, 144, 145, 300, 400] as [UInt32] {
            let leadDocuments = stride(from: UInt32(random.next() % UInt64(gap)), to: 6_000, by: Int(gap))
            var lead: [UInt32: [UInt32]] = [:], other: [UInt32: [UInt32]] = [:]
            for document in leadDocuments { lead[document] = [5] }
            var expected: [UInt32] = []
            for document in 0..<UInt32(6_000) {
                let continues = random.next() % 3 != 0
                other[document] = continues ? [6] : [2, 9]
                if continues, lead[document] != nil { expected.append(document) }
            }
            // Fewer postings than the other word: the lead lists the documents.
            let words = [phraseWord(offset: 0, lead), phraseWord(offset: 1, other)]
            let candidates = (0..<UInt32(6_000)).filter { _ in random.next() % 4 == 0 }
            let listed = Set(candidates)
            for kernel in Self.kernels {
                let found = try #require(phraseOccurrences(words, kernel: kernel), "gap \(gap), kernel \(kernel.rawValue)")
                #expect(found.map(\.0) == expected && found.allSatisfy { $0.1 == 1 }, "gap \(gap), kernel \(kernel.rawValue)")
                let among = try #require(phraseOccurrences(words, among: candidates, kernel: kernel))
                #expect(among.map(\.0) == expected.filter(listed.contains), "gap \(gap), kernel \(kernel.rawValue), among candidates")
            }
        }
    }

    @Test("sums of 32-bit values do not wrap, with every kernel")
    func sums() {
        var random = SplitMixRandom(seed: 9)
        for length in [0, 1, 7, 8, 9, 100, 4099] {
            let values = (0..<length).map { _ in random.next() % 3 == 0 ? UInt32.max - UInt32(random.next() % 10) : UInt32(random.next() % 1000) }
            let expected = values.reduce(UInt64(0)) { $0 + UInt64($1) }
            for kernel in Self.kernels {
                #expect(cpost_sum_u32_using(kernel, values, values.count) == expected, "length \(length), kernel \(kernel.rawValue)")
            }
        }
    }
}

@Suite("Document sets from ascending lists")
struct DocumentSetInsertTests {
    @Test("a list's bits are those set one by one, for dense and sparse lists and every tail length")
    func insertAscending() {
        var random = SplitMixRandom(seed: 21)
        for documentCount in [1, 63, 64, 65, 1000, 50_000] {
            // From one document in 200 to nearly all, so both ways of setting bits run.
            for density in [0.005, 0.05, 0.3, 0.95] {
                let documents = (0..<UInt32(documentCount)).filter { _ in Double(random.next() % 10_000) < density * 10_000 }
                var set = DocumentSet(documentCount: documentCount)
                set.insert(ascending: SortedDocuments(owned: documents))
                var expected = [UInt64](repeating: 0, count: (documentCount + 63) / 64)
                for document in documents { expected[Int(document >> 6)] |= 1 << UInt64(document & 63) }
                #expect(Array(set.words) == expected, "\(documentCount) documents, density \(density)")
                #expect(set.count == documents.count)
            }
        }
    }
}

@Suite("Unions of ascending lists")
struct SortedDocumentsUnionTests {
    @Test("the union of 0 to 5 lists (empty ones, repeats across lists) holds each document of any once, ascending")
    func unionOfLists() {
        var random = SplitMixRandom(seed: 33)
        for round in 0..<200 {
            let lists = (0..<(round % 6)).map { _ in
                let size = Int(random.next() % 3) == 0 ? 0 : Int(random.next() % 300)
                return Array(Set((0..<size).map { _ in UInt32(random.next() % 500) })).sorted()
            }
            let union = SortedDocuments.union(lists.map { SortedDocuments(owned: $0) })
            #expect(Array(union.buffer) == Array(Set(lists.joined())).sorted(), "round \(round)")
        }
    }
}
