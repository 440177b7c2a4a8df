/// The audience overlap of a set of creators: the OVERLAP document of `protocol.md`, and the
/// unique-reach figures of a brief's shortlist (`BriefMatcher` uses this type).
///
/// - **Total reach**: the sum of the members' followers.
/// - **Unique reach**: the estimated number of distinct people reached. Members are taken
///   by followers, largest first (ties by document), and each adds its followers times the
///   share of its sample not already in the union of the members before it
///   (`AudienceUnion`). A member without a follower sample adds all its followers (its overlap
///   is unknown, and counted as none).
/// - **Per member**: `unique_share`, the share of its audience found in no other member (the
///   containment of its sample in the union of all the others' samples, subtracted from 1),
///   and `overlapping_share` = 1 − `unique_share`; both nil without a sample.
/// - **Matrix**: cell (a, b) = `OverlapEstimator.share(of: a, sharedWith: b)`, the share of
///   a's audience that also follows b (asymmetric); nil when either has no sample, and on the
///   diagonal.
///
/// Accuracy against exact computation over the raw samples is measured in
/// `AudienceOverlapSetTests` and given in `docs/similarity.md`. A creator listed twice counts once.
public struct AudienceOverlapSet: Sendable {
    public struct Member: Sendable, Hashable {
        public var document: Int
        public var id: String
        public var handle: String
        public var followers: Double
        /// Whether the creator has a follower sample (and so overlap estimates).
        public var sampled: Bool
        /// Share of its audience found in no other member; nil without a sample.
        public var uniqueShare: Double?
        /// Share of its audience found in at least one other member; nil without a sample.
        public var overlappingShare: Double? { uniqueShare.map { 1 - $0 } }
    }

    /// In the order given, without repeats.
    public let members: [Member]
    /// `matrix[a][b]`: estimated share of member a's audience that also follows member b.
    public let matrix: [[Double?]]
    /// Sum of the members' followers.
    public let totalReach: Double
    /// Estimated distinct people reached (see the type's description).
    public let uniqueReach: Double
    /// Estimated distinct sample ids over the members with a sample (what `uniqueReach` is
    /// scaled from; compared with the exact union of raw samples in the tests).
    public let sampleUnionSize: Double
    /// The largest off-diagonal cell of the matrix; nil when no pair has an estimate.
    public let maxPairwiseOverlap: Double?

    public init(index: CreatorIndex, documents: [Int]) {
        var seen = Set<Int>()
        let documents = documents.filter { seen.insert($0).inserted }
        precondition(documents.allSatisfy { $0 >= 0 && $0 < index.documentCount }, "document out of range")
        let overlap = index.overlap
        let followerColumn = index.column(.followers)
        func followers(_ document: Int) -> Double {
            let value = followerColumn[document]
            return value.isNaN ? 0 : value
        }

        var matrix: [[Double?]] = []
        var largest: Double?
        for a in documents {
            var row: [Double?] = []
            for b in documents {
                let cell = a == b ? nil : overlap.share(of: a, sharedWith: b)
                if let cell { largest = max(largest ?? cell, cell) }
                row.append(cell)
            }
            matrix.append(row)
        }

        var members: [Member] = []
        for (row, a) in documents.enumerated() {
            let sampled = AudienceUnion.sampleSize(of: a, in: overlap) != nil
            var others = AudienceUnion()
            if sampled { for b in documents where b != a { others.add(b, in: overlap) } }
            let contained = sampled ? others.containment(of: a, in: overlap).map {
                AudienceUnion.bounded($0, pairShares: matrix[row].compactMap { $0 })
            } : nil
            members.append(Member(document: a, id: index.id(of: a), handle: index.handle(of: a), followers: followers(a),
                                  sampled: sampled, uniqueShare: contained.map { 1 - $0 }))
        }

        let (unique, union) = Self.uniqueReach(of: documents, index: index)
        self.members = members
        self.matrix = matrix
        self.totalReach = members.reduce(0) { $0 + $1.followers }
        self.uniqueReach = unique
        self.sampleUnionSize = union.sampleSize
        self.maxPairwiseOverlap = largest
    }

    /// Unique reach of `documents`, largest first, and the union of their samples.
    static func uniqueReach(of documents: [Int], index: CreatorIndex) -> (reach: Double, union: AudienceUnion) {
        let overlap = index.overlap
        let followerColumn = index.column(.followers)
        func followers(_ document: Int) -> Double {
            let value = followerColumn[document]
            return value.isNaN ? 0 : value
        }
        let ordered = documents.sorted { followers($0) != followers($1) ? followers($0) > followers($1) : $0 < $1 }
        var union = AudienceUnion()
        var reach = 0.0
        for (position, document) in ordered.enumerated() {
            let pairs = ordered[..<position].compactMap { overlap.share(of: document, sharedWith: $0) }
            let reached = union.containment(of: document, in: overlap).map { AudienceUnion.bounded($0, pairShares: pairs) } ?? 0
            reach += followers(document) * (1 - reached)
            union.add(document, in: overlap)
        }
        return (reach, union)
    }

    /// The OVERLAP document:
    /// `{"creators": n, "total_reach": r, "unique_reach": u, "unique_reach_share": u/r,
    ///   "max_pairwise_overlap": m, "members": [{id, handle, followers, sampled, unique_share,
    ///   overlapping_share}], "matrix": [[null, 0.12, …], …]}` (shares in 0…1, 4 decimals;
    /// null where unknown).
    public var json: [UInt8] {
        var writer = JSONWriter(reservingCapacity: 256 + members.count * (160 + members.count * 7))
        write(to: &writer)
        return writer.bytes
    }

    /// Writes the document as one JSON value (the shortlist embeds the same fields).
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("creators", Int64(members.count))
        writer.field("total_reach", Int64(totalReach.rounded()))
        writer.field("unique_reach", Int64(uniqueReach.rounded()))
        writer.field("unique_reach_share", totalReach > 0 ? (uniqueReach / totalReach).roundedToFourDecimals : nil)
        writer.key("max_pairwise_overlap")
        if let maxPairwiseOverlap { writer.value(maxPairwiseOverlap.roundedToFourDecimals) } else { writer.null() }
        writer.key("members")
        writer.beginArray()
        for member in members {
            writer.beginObject()
            writer.field("id", member.id)
            writer.field("handle", member.handle)
            writer.field("followers", Int64(member.followers.rounded()))
            writer.field("sampled", member.sampled)
            writer.key("unique_share")
            if let share = member.uniqueShare { writer.value(share.roundedToFourDecimals) } else { writer.null() }
            writer.key("overlapping_share")
            if let share = member.overlappingShare { writer.value(share.roundedToFourDecimals) } else { writer.null() }
            writer.endObject()
        }
        writer.endArray()
        writer.key("matrix")
        writer.beginArray()
        for row in matrix {
            writer.beginArray()
            for cell in row {
                if let cell { writer.value(cell.roundedToFourDecimals) } else { writer.null() }
            }
            writer.endArray()
        }
        writer.endArray()
        writer.endObject()
    }

}
