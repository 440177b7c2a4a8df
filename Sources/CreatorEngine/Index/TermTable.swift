#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The vocabulary of one text field while a build runs: term bytes in one arena, found by
/// a precomputed `TermHash` through open addressing. No `String` is made per lookup.
///
/// A slot holds the term's id plus one and the high 32 bits of its hash (0: empty), so a
/// probe that meets another term is told apart in the slot itself, without a load from
/// `hashes` (which at a million creators is a cache miss per probe).
struct TermTable {
    private var slots = [UInt64](repeating: 0, count: 1 << 12)
    private(set) var hashes: [UInt64] = []
    private var arena: [UInt8] = []
    private var ends: [UInt32] = []

    var count: Int { hashes.count }

    @inline(__always)
    private static func slotValue(hash: UInt64, id: Int) -> UInt64 {
        (hash & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
    }

    /// The id of the term, adding it when new.
    mutating func id(hash: UInt64, bytes: UnsafeBufferPointer<UInt8>) -> (id: Int, isNew: Bool) {
        if hashes.count * 2 >= slots.count { grow() }
        let mask = slots.count - 1
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let value = slots[slot]
            if value == 0 {
                slots[slot] = Self.slotValue(hash: hash, id: hashes.count)
                hashes.append(hash)
                arena.append(contentsOf: bytes)
                ends.append(UInt32(arena.count))
                return (hashes.count - 1, true)
            }
            if value & 0xFFFF_FFFF_0000_0000 == tag {
                let existing = Int(truncatingIfNeeded: value & 0xFFFF_FFFF) - 1
                if matches(existing, bytes) { return (existing, false) }
            }
            slot = (slot + 1) & mask
        }
    }

    private func matches(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(id == 0 ? 0 : ends[id - 1]), end = Int(ends[id])
        guard end - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            bytes.isEmpty || memcmp(arena.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
        }
    }

    func bytes(of id: Int) -> ArraySlice<UInt8> {
        arena[Int(id == 0 ? 0 : ends[id - 1])..<Int(ends[id])]
    }

    func string(of id: Int) -> String { String(decoding: bytes(of: id), as: UTF8.self) }

    /// The term ids ordered by the terms' UTF-8 bytes (`memcmp` on the arena: the generic
    /// `lexicographicallyPrecedes` over slices cost the build's finish about 1 %).
    func idsInByteOrder() -> [Int] {
        arena.withUnsafeBufferPointer { arena in
            ends.withUnsafeBufferPointer { ends in
                (0..<hashes.count).sorted { left, right in
                    let leftStart = Int(left == 0 ? 0 : ends[left - 1]), leftCount = Int(ends[left]) - leftStart
                    let rightStart = Int(right == 0 ? 0 : ends[right - 1]), rightCount = Int(ends[right]) - rightStart
                    let common = min(leftCount, rightCount)
                    if common > 0, let base = arena.baseAddress {
                        let order = memcmp(base + leftStart, base + rightStart, common)
                        if order != 0 { return order < 0 }
                    }
                    return leftCount < rightCount
                }
            }
        }
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Self.slotValue(hash: hash, id: id)
        }
        slots = bigger
    }
}
