#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sorting strings by their UTF-8 bytes, fast: the keys are copied once into one byte array
/// and compared with `memcmp`, instead of through `String.UTF8View`'s generic
/// `lexicographicallyPrecedes` (which took about 1 % of a build, sorting ids and handles).
enum UTF8KeyOrder {
    /// The indices of `keys` ordered by the keys' UTF-8 bytes; equal keys keep index order.
    static func sortedIndices(_ keys: [String]) -> [Int] {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        ends.reserveCapacity(keys.count)
        for key in keys {
            bytes.append(contentsOf: key.utf8)
            ends.append(bytes.count)
        }
        return bytes.withUnsafeBufferPointer { bytes in
            ends.withUnsafeBufferPointer { ends in
                keys.indices.sorted { left, right in
                    let leftStart = left == 0 ? 0 : ends[left - 1], leftCount = ends[left] - leftStart
                    let rightStart = right == 0 ? 0 : ends[right - 1], rightCount = ends[right] - rightStart
                    let common = min(leftCount, rightCount)
                    if common > 0, let base = bytes.baseAddress {
                        let order = memcmp(base + leftStart, base + rightStart, common)
                        if order != 0 { return order < 0 }
                    }
                    return leftCount != rightCount ? leftCount < rightCount : left < right
                }
            }
        }
    }
}
