import Synchronization

/// The console's signed-in sessions: random tokens (256 bits from the system's secure
/// generator, `getrandom` on Linux) with their expiry, held in memory only, so restarting the
/// server signs everyone out. Only a correct password creates one, and the store holds at
/// most `capacity` (the oldest go first), so it cannot grow without bound.
final class SessionStore: Sendable {
    private let sessions = Mutex<[String: ContinuousClock.Instant]>([:])
    private let lifetime: Duration
    private let capacity: Int

    init(lifetime: Duration, capacity: Int = 10_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// A new session token, valid for the store's lifetime.
    func create(now: ContinuousClock.Instant = .now) -> String {
        var generator = SystemRandomNumberGenerator()
        let token = (0..<4).map { _ in hex(generator.next() as UInt64) }.joined()
        sessions.withLock { sessions in
            sessions = sessions.filter { $0.value > now }
            if sessions.count >= capacity, let oldest = sessions.min(by: { $0.value < $1.value }) {
                sessions.removeValue(forKey: oldest.key)
            }
            sessions[token] = now + lifetime
        }
        return token
    }

    /// Whether `token` names a live session.
    func isValid(_ token: String, now: ContinuousClock.Instant = .now) -> Bool {
        sessions.withLock { sessions in
            guard let expiry = sessions[token] else { return false }
            if expiry <= now {
                sessions.removeValue(forKey: token)
                return false
            }
            return true
        }
    }

    /// Ends a session (signing out).
    func remove(_ token: String) {
        _ = sessions.withLock { $0.removeValue(forKey: token) }
    }

    private func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Compares two secrets in time that depends only on their lengths, not on where they differ.
func constantTimeEquals(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    var difference = UInt8(x.count == y.count ? 0 : 1)
    for index in 0..<max(x.count, y.count) {
        difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
    }
    return difference == 0
}
