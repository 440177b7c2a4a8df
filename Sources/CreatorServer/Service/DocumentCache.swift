import Synchronization

/// Recently served GET and RISK documents of one serving index, so a creator asked for again
/// is answered without decompressing its stored block and re-running the risk rules (about
/// 60 µs). Bounded in bytes (`ServerLimits.documentCacheBytes`; 0 turns it off) with
/// first-in-first-out eviction. It belongs to a `ServingIndex`, so RELOAD starts a fresh
/// one and nothing stale is ever served.
public final class DocumentCache: Sendable {
    /// What a document is: one key space per command.
    public enum Kind: UInt8, Sendable {
        case profile
        case risk
    }

    private struct Key: Hashable {
        var document: Int
        var kind: Kind
    }

    private struct State {
        var documents: [Key: [UInt8]] = [:]
        var order: [Key] = []
        var oldest = 0
        var bytes = 0
    }

    public let capacityBytes: Int
    private let state = Mutex(State())

    public init(capacityBytes: Int) { self.capacityBytes = max(0, capacityBytes) }

    /// The cached document, or the one `make` returns (then cached). A document larger than
    /// an eighth of the capacity is never cached.
    public func document(_ document: Int, kind: Kind, make: () throws -> [UInt8]) rethrows -> [UInt8] {
        guard capacityBytes > 0 else { return try make() }
        let key = Key(document: document, kind: kind)
        if let cached = state.withLock({ $0.documents[key] }) { return cached }
        let made = try make()
        guard made.count <= capacityBytes / 8 else { return made }
        state.withLock { state in
            guard state.documents.updateValue(made, forKey: key) == nil else { return }
            state.order.append(key)
            state.bytes += made.count
            while state.bytes > capacityBytes, state.oldest < state.order.count {
                let evicted = state.order[state.oldest]
                state.oldest += 1
                state.bytes -= state.documents.removeValue(forKey: evicted)?.count ?? 0
            }
            if state.oldest > 1024, state.oldest * 2 > state.order.count {
                state.order.removeFirst(state.oldest)
                state.oldest = 0
            }
        }
        return made
    }

    /// Documents held and their bytes.
    public var usage: (documents: Int, bytes: Int) { state.withLock { ($0.documents.count, $0.bytes) } }
}
