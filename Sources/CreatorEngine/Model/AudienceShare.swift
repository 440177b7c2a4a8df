/// An audience share as the index keeps it: a whole number of ten-thousandths (`0.7902` as
/// 7902), the precision at which `get` shows shares (`roundedToFourDecimals`).
///
/// Filters (`aud.country:US>=40%`), rankings and the display all read this one value, so
/// what a creator's profile shows is what the query compared. Two bytes a share instead of
/// a `Float`'s four: the audience sections hold about 15 million of them at a million
/// creators.
public enum AudienceShare {
    /// The ten-thousandths of a share in 0...1 (renormalised shares never leave it).
    @inline(__always) public static func units(_ share: Double) -> UInt16 {
        UInt16((min(max(share, 0), 1) * 10_000).rounded())
    }

    /// The share that `units` ten-thousandths stand for: the same `Double` as
    /// `share.roundedToFourDecimals` of the share they were made from.
    @inline(__always) public static func share(_ units: UInt16) -> Double { Double(units) / 10_000 }
}
