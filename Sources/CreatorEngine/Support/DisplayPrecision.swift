extension Double {
    /// The value rounded to four decimals: the precision at which replies show shares,
    /// scores and weights (`0.790213…` as `0.7902`), so that noise digits no one measured
    /// stay out of them.
    var roundedToFourDecimals: Double { (self * 10_000).rounded() / 10_000 }
}
