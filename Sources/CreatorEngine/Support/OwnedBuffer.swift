/// Memory of its own for values computed by one query, read through a buffer pointer and
/// freed with the last reference.
final class OwnedBuffer<Element>: @unchecked Sendable {
    // Written once in init, read-only after; freed in deinit.
    let buffer: UnsafeBufferPointer<Element>

    init(_ values: [Element]) {
        let memory = UnsafeMutableBufferPointer<Element>.allocate(capacity: values.count)
        _ = memory.initialize(from: values)
        buffer = UnsafeBufferPointer(memory)
    }

    /// Takes ownership of allocated memory (initialised or of a trivial type), to be
    /// written through `mutableBuffer` by its one user.
    init(adopting memory: UnsafeMutableBufferPointer<Element>) {
        buffer = UnsafeBufferPointer(memory)
    }

    /// The memory as writable, for a buffer made with `init(adopting:)` whose one user
    /// writes it (per-document scratch values).
    var mutableBuffer: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(mutating: buffer) }

    deinit {
        UnsafeMutableBufferPointer(mutating: buffer).deinitialize()
        UnsafeMutableBufferPointer(mutating: buffer).deallocate()
    }
}
