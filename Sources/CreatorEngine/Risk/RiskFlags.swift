/// A set of `RiskFlag`s in 16 bits, as the index stores them per creator (`risk.flags`).
public struct RiskFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16

    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The set holding one flag.
    public init(_ flag: RiskFlag) { rawValue = 1 << UInt16(flag.position) }

    public init(_ flags: some Sequence<RiskFlag>) {
        self.init(rawValue: flags.reduce(0) { $0 | RiskFlags($1).rawValue })
    }

    public static let boughtFollowers = RiskFlags(.boughtFollowers)
    public static let lowEngagement = RiskFlags(.lowEngagement)
    public static let engagementAnomaly = RiskFlags(.engagementAnomaly)
    public static let lowCredibility = RiskFlags(.lowCredibility)
    public static let audienceMismatch = RiskFlags(.audienceMismatch)
    public static let followForFollow = RiskFlags(.followForFollow)
    public static let ghostingHistory = RiskFlags(.ghostingHistory)
    public static let disputes = RiskFlags(.disputes)
    public static let lateDelivery = RiskFlags(.lateDelivery)
    public static let blacklisted = RiskFlags(.blacklisted)
    public static let staleData = RiskFlags(.staleData)

    public func contains(_ flag: RiskFlag) -> Bool { contains(RiskFlags(flag)) }

    /// The flags in the set, in `RiskFlag.allCases` order.
    public var flags: [RiskFlag] { RiskFlag.allCases.filter { contains($0) } }
}
