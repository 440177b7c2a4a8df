/// A bounded memo of token → folded token for the tokens that take ICU's UTF-16 path.
///
/// When full it is emptied and refilled rather than evicting entry by entry: the frequent
/// tokens come back within a few texts, and emptying costs nothing per lookup. Memory stays
/// below roughly `capacity` × 100 bytes. Owned by one analyser, like the rest of its state.
struct FoldCache {
    private var entries: [Key: String] = [:]
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    subscript(token: String) -> String? {
        get { entries[Key(token)] }
        set {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[Key(token)] = newValue
        }
    }

    /// A token compared and hashed by its UTF-8 bytes. `String`'s own `==` and hash follow
    /// canonical equivalence, which costs an NFC pass per lookup and is not what a memo of
    /// byte-level folding wants.
    private struct Key: Hashable {
        var text: String

        init(_ text: String) { self.text = text }

        static func == (left: Key, right: Key) -> Bool {
            var left = left.text
            var right = right.text
            return left.withUTF8 { leftBytes in right.withUTF8 { leftBytes.elementsEqual($0) } }
        }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}
