/// A bounds-checked, read-only view of bytes inside a mapped index file.
///
/// Every read checks its bounds and throws `IndexError.corrupt` instead of trapping, so a
/// damaged file is refused with a message rather than crashing the engine.
public struct ByteView: @unchecked Sendable {
    // The memory is owned by a `MappedFile` that outlives every view (the index keeps it).
    let base: UnsafeRawPointer
    public let count: Int
    /// Names the section in error messages.
    let context: String

    init(base: UnsafeRawPointer, count: Int, context: String) {
        self.base = base
        self.count = count
        self.context = context
    }

    func corrupt(_ detail: String) -> IndexError { .corrupt("\(context): \(detail)") }

    public func slice(_ offset: Int, _ length: Int) throws -> ByteView {
        guard offset >= 0, length >= 0, offset <= count, length <= count - offset else {
            throw corrupt("range \(offset)+\(length) outside \(count) bytes")
        }
        return ByteView(base: base + offset, count: length, context: context)
    }

    public func load<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) throws -> T {
        guard offset >= 0, offset <= count - MemoryLayout<T>.size else {
            throw corrupt("read of \(MemoryLayout<T>.size) bytes at \(offset) outside \(count) bytes")
        }
        return T(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    /// A typed array view; the section writer aligned it, and we check that too.
    public func array<T: FixedWidthInteger>(of type: T.Type, at offset: Int, count elements: Int) throws -> UnsafeBufferPointer<T> {
        let size = MemoryLayout<T>.stride
        guard elements >= 0, elements <= (count - max(0, offset)) / size else {
            throw corrupt("array of \(elements) × \(size) bytes at \(offset) outside \(count) bytes")
        }
        let start = base + offset
        guard Int(bitPattern: start) % MemoryLayout<T>.alignment == 0 else { throw corrupt("misaligned array at \(offset)") }
        return UnsafeBufferPointer(start: start.assumingMemoryBound(to: T.self), count: elements)
    }

    public func doubles(at offset: Int, count elements: Int) throws -> UnsafeBufferPointer<Double> {
        let raw = try array(of: UInt64.self, at: offset, count: elements)
        return UnsafeBufferPointer(start: UnsafeRawPointer(raw.baseAddress)?.assumingMemoryBound(to: Double.self), count: raw.count)
    }

    public func floats(at offset: Int, count elements: Int) throws -> UnsafeBufferPointer<Float> {
        let raw = try array(of: UInt32.self, at: offset, count: elements)
        return UnsafeBufferPointer(start: UnsafeRawPointer(raw.baseAddress)?.assumingMemoryBound(to: Float.self), count: raw.count)
    }

    public var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    public func string(at offset: Int, length: Int) throws -> String {
        let bytes = try slice(offset, length)
        return String(decoding: bytes.buffer, as: UTF8.self)
    }
}

/// Sequential LEB128 decoding with bounds checks.
public struct VarintCursor {
    let view: ByteView
    public private(set) var offset: Int
    let end: Int

    public init(_ view: ByteView, from offset: Int = 0, to end: Int? = nil) {
        self.view = view
        self.offset = offset
        self.end = min(end ?? view.count, view.count)
    }

    public var isAtEnd: Bool { offset >= end }

    public mutating func next() throws -> UInt32 {
        guard let value = Varint.read(UnsafeRawBufferPointer(start: view.base, count: end), at: &offset, end: end) else {
            throw view.corrupt(offset < end ? "varint too long" : "varint runs past the end")
        }
        return value
    }

    /// Steps over `count` values without decoding them (each ends at a byte below 0x80).
    public mutating func skip(_ count: Int) throws {
        guard Varint.skip(count, in: UnsafeRawBufferPointer(start: view.base, count: end), at: &offset, end: end) else {
            throw view.corrupt("varint runs past the end")
        }
    }
}
