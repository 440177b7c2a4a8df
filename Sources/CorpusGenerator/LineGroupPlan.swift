/// The extra lines written with creator `index`'s line, decided from the `plan` stream of
/// the index alone (never from chunk boundaries or thread count).
///
/// - A duplicate: an older export of creator `target = index ± distance` (1–2,000 away), so
///   the same id reappears elsewhere in the file: before its winning line (older, or the same
///   `updated_at` and losing the tie to the later line) or after it (strictly older).
/// - A malformed line, before or after the creator's line.
struct LineGroupPlan: Sendable {
    struct Duplicate: Sendable {
        let target: Int
        /// The duplicate line comes before the target's canonical line (target is later).
        let precedesWinner: Bool
        let sameTime: Bool
        let beforeOwnLine: Bool
    }

    struct Malformed: Sendable {
        let reason: Malformation
        let beforeOwnLine: Bool
    }

    let duplicate: Duplicate?
    let malformed: Malformed?

    init(index: Int, options: GeneratorOptions) {
        var random = SplitMix64(seed: options.seed, index: UInt64(index), stream: .plan)
        if options.count > 1 && random.chance(options.duplicateRate) {
            // The duplicate goes to a later creator (its line then precedes the winner) or an
            // earlier one, up to 2,000 creators away, never outside the corpus.
            let canGoLater = index + 1 < options.count
            let later = canGoLater && (index == 0 || random.chance(0.5))
            let room = later ? options.count - 1 - index : index
            let distance = random.integer(1...min(2_000, room))
            duplicate = Duplicate(target: later ? index + distance : index - distance, precedesWinner: later,
                                  sameTime: later && random.chance(0.25), beforeOwnLine: random.chance(0.5))
        } else {
            duplicate = nil
        }
        if random.chance(options.malformedRate) {
            malformed = Malformed(reason: Malformation.table.pick(&random), beforeOwnLine: random.chance(0.5))
        } else {
            malformed = nil
        }
    }
}
