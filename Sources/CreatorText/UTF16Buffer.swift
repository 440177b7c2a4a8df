internal import CICU

/// A growable UTF-16 buffer that ICU writes into, reused from token to token so the
/// analyser allocates nothing per token on the UTF-16 path.
///
/// ICU's C functions write into caller-owned memory and report the length they need when it
/// is too small (`U_BUFFER_OVERFLOW_ERROR`); `fill` grows the buffer and calls again. The
/// memory is owned here and never escapes: callers see it only inside `fill`, as
/// `contents`, or through the ICU calls made by this module.
final class UTF16Buffer {
    private(set) var base: UnsafeMutablePointer<UInt16>
    private(set) var capacity: Int
    /// How many units at `base` hold the current contents.
    var count = 0

    init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The current contents.
    var contents: UnsafeBufferPointer<UInt16> { UnsafeBufferPointer(start: base, count: count) }

    /// Makes room for at least `minimumCapacity` units, discarding the contents when it grows.
    func reserve(_ minimumCapacity: Int) {
        guard minimumCapacity > capacity else { return }
        base.deallocate()
        capacity = max(minimumCapacity, capacity * 2)
        base = .allocate(capacity: capacity)
        count = 0
    }

    /// Replaces the contents with what `produce` writes. `produce` gets the memory and its
    /// capacity and returns the length ICU reported; on `U_BUFFER_OVERFLOW_ERROR` the buffer
    /// grows to that length and `produce` runs once more. Returns false, leaving the buffer
    /// empty, on any other ICU failure.
    @discardableResult
    func fill(_ produce: (UnsafeMutablePointer<UInt16>, Int32, inout UErrorCode) -> Int32) -> Bool {
        for _ in 0..<2 {
            var status = U_ZERO_ERROR
            let length = produce(base, Int32(clamping: capacity), &status)
            if status == U_BUFFER_OVERFLOW_ERROR {
                reserve(Int(length) + 1)
                continue
            }
            if status.isFailure { break }
            count = Int(length)
            return true
        }
        count = 0
        return false
    }

    /// Replaces the contents with `source` (whose units must not live in this buffer).
    func assign(_ source: UnsafeBufferPointer<UInt16>, reservingExtra extra: Int = 0) {
        reserve(source.count + extra)
        if let from = source.baseAddress { base.update(from: from, count: source.count) }
        count = source.count
    }

    /// The contents as a `String` (transcoded by ICU: the standard library's generic UTF-16
    /// decoding is several times slower).
    func makeString() -> String {
        String(unsafeUninitializedCapacity: count * 3) { output in
            var length: Int32 = 0
            var status = U_ZERO_ERROR
            output.withMemoryRebound(to: CChar.self) { chars in
                _ = cicu_u_strToUTF8(chars.baseAddress, Int32(clamping: chars.count), &length, base,
                                     Int32(clamping: count), &status)
            }
            return status.isFailure ? 0 : Int(length)
        }
    }

    /// Replaces the contents with `utf8` converted to UTF-16 (ill-formed bytes become U+FFFD).
    @discardableResult
    func assign(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        reserve(utf8.count)  // UTF-16 never needs more units than UTF-8 has bytes
        return fill { destination, capacity, status in
            var length: Int32 = 0
            utf8.withMemoryRebound(to: CChar.self) { chars in
                _ = cicu_u_strFromUTF8(destination, capacity, &length, chars.baseAddress,
                                       Int32(clamping: chars.count), &status)
            }
            return length
        }
    }
}

/// Two buffers that folding steps pass text between: a step reads `current`, writes
/// `spare`, then swaps them, so a chain of ICU calls needs no allocation.
struct UTF16BufferPair {
    var current = UTF16Buffer()
    var spare = UTF16Buffer()

    mutating func swap() { Swift.swap(&current, &spare) }
}
