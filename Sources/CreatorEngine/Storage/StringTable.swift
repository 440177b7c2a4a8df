#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A list of strings in one block: `count u32 · 0 u32 · offsets u64[count+1] · UTF-8 bytes`.
/// Used for ids, handles, term and key dictionaries.
public enum StringTable {
    public static func encode(_ strings: [String], into writer: inout ByteWriter) {
        writer.append(UInt32(strings.count))
        writer.append(UInt32(0))
        var offset: UInt64 = 0
        writer.append(offset)
        for string in strings {
            offset += UInt64(string.utf8.count)
            writer.append(offset)
        }
        for string in strings { writer.append(contentsOf: string.utf8) }
        writer.align(to: 8)
    }

    /// A string table read in place from a mapped section.
    // Views into an immutable mapping owned by the index: safe to share.
    public struct Reader: @unchecked Sendable {
        public let count: Int
        let offsets: UnsafeBufferPointer<UInt64>
        let bytes: ByteView
        /// Bytes the table occupies, padded to 8.
        public let encodedLength: Int

        public init(_ view: ByteView, at start: Int = 0) throws {
            let count = Int(try view.load(UInt32.self, at: start))
            offsets = try view.array(of: UInt64.self, at: start + 8, count: count + 1)
            let bytesStart = start + 8 + (count + 1) * 8
            let total = Int(offsets[count])
            bytes = try view.slice(bytesStart, total)
            // Offsets must rise, or a lookup could read outside the table.
            var previous: UInt64 = 0
            for offset in offsets {
                guard offset >= previous, offset <= UInt64(total) else { throw IndexError.corrupt("\(view.context): string table offsets out of order") }
                previous = offset
            }
            self.count = count
            encodedLength = (bytesStart - start + total + 7) / 8 * 8
        }

        public subscript(index: Int) -> String {
            let start = Int(offsets[index]), end = Int(offsets[index + 1])
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes.buffer[start..<end]), as: UTF8.self)
        }

        /// The bytes of entry `index`, without making a String.
        public func utf8(_ index: Int) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(rebasing: bytes.buffer[Int(offsets[index])..<Int(offsets[index + 1])])
        }

        /// Binary search in a table sorted by UTF-8 bytes.
        public func find(_ key: String) -> Int? {
            var key = key
            return key.withUTF8 { keyBytes in
                var low = 0, high = count
                while low < high {
                    let middle = (low + high) / 2
                    let order = Self.compare(utf8(middle), UnsafeRawBufferPointer(keyBytes))
                    if order == 0 { return middle }
                    if order < 0 { low = middle + 1 } else { high = middle }
                }
                return nil
            }
        }

        static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
            let length = min(a.count, b.count)
            if length > 0, let pa = a.baseAddress, let pb = b.baseAddress {
                let order = memcmp(pa, pb, length)
                if order != 0 { return Int(order) }
            }
            return a.count - b.count
        }
    }
}
