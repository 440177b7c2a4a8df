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

    /// FNV-1a over the decimal digits of `magnitude` (after a `-` when `negative`), then the
    /// finaliser: the same value as hashing the number's text, without making the text.
    /// The digits come two at a time from 32-bit arithmetic on 8-digit groups, so the 64-bit
    /// divisions are one or two per number instead of one per digit.
    private static func hashDecimal(_ magnitude: UInt64, negative: Bool) -> UInt64 {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        if negative { addByte(UInt32(UInt8(ascii: "-")), to: &state) }
        if magnitude < 100_000_000 {
            addGroup(UInt32(truncatingIfNeeded: magnitude), padded: false, to: &state)
        } else if magnitude < 10_000_000_000_000_000 {
            addGroup(UInt32(truncatingIfNeeded: magnitude / 100_000_000), padded: false, to: &state)
            addGroup(UInt32(truncatingIfNeeded: magnitude % 100_000_000), padded: true, to: &state)
        } else {
            let rest = magnitude % 10_000_000_000_000_000
            addGroup(UInt32(truncatingIfNeeded: magnitude / 10_000_000_000_000_000), padded: false, to: &state)
            addGroup(UInt32(truncatingIfNeeded: rest / 100_000_000), padded: true, to: &state)
            addGroup(UInt32(truncatingIfNeeded: rest % 100_000_000), padded: true, to: &state)
        }
        return finalise(state)
    }

    @inline(__always)
    private static func addByte(_ byte: UInt32, to state: inout UInt64) {
        state ^= UInt64(byte)
        state &*= 0x0000_0100_0000_01b3
    }

    /// Adds the digits of `group` (< 10^8): all 8, with leading zeros, when `padded`; else
    /// without leading zeros (and at least one digit).
    @inline(__always)
    private static func addGroup(_ group: UInt32, padded: Bool, to state: inout UInt64) {
        let high = group / 10_000, low = group % 10_000
        var started = padded
        addPair(high / 100, started: &started, to: &state)
        addPair(high % 100, started: &started, to: &state)
        addPair(low / 100, started: &started, to: &state)
        addPair(low % 100, started: &started, to: &state)
        if !started { addByte(0x30, to: &state) }
    }

    /// Adds the two digits of `pair` (< 100), leaving out leading zeros until `started`.
    @inline(__always)
    private static func addPair(_ pair: UInt32, started: inout Bool, to state: inout UInt64) {
        let tens = pair / 10, ones = pair % 10
        if started || tens > 0 {
            addByte(tens + 0x30, to: &state)
            started = true
        }
        if started || ones > 0 {
            addByte(ones + 0x30, to: &state)
            started = true
        }
    }
}
