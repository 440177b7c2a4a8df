#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A list of strings in one block: `count u32 · offset width u32 · offsets[count+1] ·
/// UTF-8 bytes`, the offsets `u32` (width 4) unless the bytes pass 4 GiB (width 8).
/// Used for ids, handles, term and key dictionaries. Four-byte offsets saved 11 MB at a
/// million creators, most of it in the ids, handles and handle terms (index format 12).
public enum StringTable {
    public static func encode(_ strings: [String], into writer: inout ByteWriter) {
        let total = strings.reduce(0) { $0 + $1.utf8.count }
        let wide = total > Int(UInt32.max)
        writer.append(UInt32(strings.count))
        writer.append(UInt32(wide ? 8 : 4))
        var offset: UInt64 = 0
        func appendOffset() { if wide { writer.append(offset) } else { writer.append(UInt32(offset)) } }
        appendOffset()
        for string in strings {
            offset += UInt64(string.utf8.count)
            appendOffset()
        }
        for string in strings { writer.append(contentsOf: string.utf8) }
        writer.align(to: 8)
    }

    /// A string table read in place from a mapped section.
    // Views into an immutable mapping owned by the index: safe to share.
    public struct Reader: @unchecked Sendable {
        public let count: Int
        /// One of the two is the table's offsets (`count + 1`), the other empty.
        let narrowOffsets: UnsafeBufferPointer<UInt32>
        let wideOffsets: UnsafeBufferPointer<UInt64>
        let bytes: ByteView
        /// Bytes the table occupies, padded to 8.
        public let encodedLength: Int

        public init(_ view: ByteView, at start: Int = 0) throws {
            let count = Int(try view.load(UInt32.self, at: start))
            let width = Int(try view.load(UInt32.self, at: start + 4))
            guard width == 4 || width == 8 else { throw view.corrupt("string table offsets of \(width) bytes") }
            narrowOffsets = width == 4 ? try view.array(of: UInt32.self, at: start + 8, count: count + 1) : UnsafeBufferPointer(start: nil, count: 0)
            wideOffsets = width == 8 ? try view.array(of: UInt64.self, at: start + 8, count: count + 1) : UnsafeBufferPointer(start: nil, count: 0)
            let bytesStart = start + 8 + (count + 1) * width
            self.count = count
            let total = Self.offset(count, narrowOffsets, wideOffsets)
            bytes = try view.slice(bytesStart, total)
            // Offsets must rise, or a lookup could read outside the table.
            var previous = 0
            for index in 0...count {
                let offset = Self.offset(index, narrowOffsets, wideOffsets)
                guard offset >= previous, offset <= total else { throw view.corrupt("string table offsets out of order") }
                previous = offset
            }
            encodedLength = (bytesStart - start + total + 7) / 8 * 8
        }

        /// Where entry `index` starts in the bytes (`offset(count)` is their end).
        @inline(__always) private func offset(_ index: Int) -> Int { Self.offset(index, narrowOffsets, wideOffsets) }

        /// Offset `index` from whichever of the two buffers holds the offsets.
        @inline(__always) private static func offset(_ index: Int, _ narrow: UnsafeBufferPointer<UInt32>,
                                                     _ wide: UnsafeBufferPointer<UInt64>) -> Int {
            narrow.isEmpty ? Int(clamping: wide[index]) : Int(narrow[index])
        }

        public subscript(index: Int) -> String {
            let start = offset(index), end = offset(index + 1)
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes.buffer[start..<end]), as: UTF8.self)
        }

        /// The bytes of entry `index`, without making a String.
        public func utf8(_ index: Int) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(rebasing: bytes.buffer[offset(index)..<offset(index + 1)])
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
