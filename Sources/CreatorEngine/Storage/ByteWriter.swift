/// An append-only little-endian byte buffer: the one way index sections are encoded.
public struct ByteWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(reservingCapacity capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    public var count: Int { bytes.count }

    /// Empties the buffer, keeping its memory for the next use.
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    public mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func append(_ value: Double) { append(value.bitPattern) }
    public mutating func append(_ value: Float) { append(value.bitPattern) }

    public mutating func append(contentsOf other: some Sequence<UInt8>) { bytes.append(contentsOf: other) }

    /// Appends raw fixed-width values, in bulk, little-endian (the only byte order we build on).
    public mutating func appendArray<T: FixedWidthInteger>(_ values: [T]) {
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    public mutating func appendArray(_ values: [Double]) {
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    public mutating func appendArray(_ values: [Float]) {
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// LEB128 variable-length unsigned integer.
    public mutating func appendVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Pads with zeros to a multiple of `alignment`.
    public mutating func align(to alignment: Int) {
        let remainder = bytes.count % alignment
        if remainder != 0 { bytes.append(contentsOf: repeatElement(0, count: alignment - remainder)) }
    }
}

extension Array where Element == UInt8 {
    /// Appends a LEB128 varint (used for in-memory postings while building).
    @inlinable
    mutating func appendVarint(_ value: UInt32) {
        var rest = value
        while rest >= 0x80 {
            append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        append(UInt8(rest))
    }
}
