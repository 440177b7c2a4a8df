/// What became of one dump line: a validated profile, or the reason it was rejected.
public enum ParseOutcome: Sendable, Equatable {
    case accepted(CreatorProfile)
    /// The line is not valid JSON or fails validation. `reason` names the field and the
    /// problem (`followers: expected an integer >= 0, got -5`); only the first problem found
    /// (in the line's field order) is reported.
    case rejected(reason: String)

    public var profile: CreatorProfile? {
        if case .accepted(let profile) = self { return profile }
        return nil
    }

    public var rejectionReason: String? {
        if case .rejected(let reason) = self { return reason }
        return nil
    }
}

/// A validation failure inside the parser: the full reason text, path included.
struct Rejection: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
