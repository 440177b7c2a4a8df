/// The 64-bit hash of an audience-sample follower id (`audience.sample`).
///
/// An id is hashed as its text: a string's UTF-8 bytes, an integer's decimal digits (with a
/// leading `-` when negative), so the integer `90211` and the string `"90211"` hash alike,
/// while `"090211"` is a different id. The hash is 64-bit FNV-1a over the bytes followed by
/// the splitmix64 finaliser (FNV-1a alone mixes its high bits poorly, and overlap sketches
/// take bits from the whole word). It is part of the index format: do not change it without
/// changing the format version.
public enum SampleHash {
    public static func hash(utf8 bytes: UnsafeRawBufferPointer) -> UInt64 {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            state ^= UInt64(byte)
            state &*= 0x0000_0100_0000_01b3
        }
        return finalise(state)
    }

    public static func hash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { hash(utf8: UnsafeRawBufferPointer($0)) }
    }

    public static func hash(_ integer: Int64) -> UInt64 {
        integer < 0 ? hashDecimal(integer.magnitude, negative: true) : hashDecimal(UInt64(integer), negative: false)
    }

    public static func hash(_ integer: UInt64) -> UInt64 { hashDecimal(integer, negative: false) }

    /// splitmix64's output function (Steele, Lea, Flood 2014).
    @inline(__always)
    static func finalise(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    private static func hashDecimal(_ magnitude: UInt64, negative: Bool) -> UInt64 {
        // At most 20 digits and a sign, written right to left into a stack buffer.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { buffer in
            var start = 21
            var rest = magnitude
            repeat {
                start -= 1
                buffer[start] = UInt8(truncatingIfNeeded: rest % 10) + 0x30
                rest /= 10
            } while rest > 0
            if negative {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            return hash(utf8: UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[start..<21])))
        }
    }
}
