/// Many growing byte streams (one per term) in a few large pages, without an array per
/// stream: the in-memory form of postings while a build runs (as Lucene's ByteBlockPool).
///
/// A stream is a chain of slices. A slice's last 4 bytes hold the start of the next slice
/// (in 4-byte units, so 16 GiB are addressable); slices double in size up to `maxSlice`,
/// so rare terms waste little and frequent ones chase few links. Not thread-safe.
final class ByteSlicePool {
    /// Where a stream starts, where its next byte goes, and where its current slice ends.
    struct Stream {
        var start: Int
        var write: Int
        var end: Int
        var level: UInt8
    }

    static let pageSize = 1 << 20
    static let firstSlice = 16
    static let maxSlice = 4096

    private var pages: [UnsafeMutablePointer<UInt8>] = []
    /// Next free byte of the last page (global offset).
    private var top = 0

    deinit { for page in pages { page.deallocate() } }

    /// Bytes held in pages.
    var allocatedBytes: Int { pages.count * Self.pageSize }

    func newStream() -> Stream {
        let start = allocate(Self.firstSlice)
        return Stream(start: start, write: start, end: start + Self.firstSlice - 4, level: 0)
    }

    @inline(__always)
    func append(_ byte: UInt8, to stream: inout Stream) {
        if stream.write == stream.end { grow(&stream) }
        pages[stream.write >> 20][stream.write & (Self.pageSize - 1)] = byte
        stream.write += 1
    }

    @inline(__always)
    func appendVarint(_ value: UInt32, to stream: inout Stream) {
        var rest = value
        while rest >= 0x80 {
            append(UInt8(truncatingIfNeeded: rest) | 0x80, to: &stream)
            rest >>= 7
        }
        append(UInt8(rest), to: &stream)
    }

    /// The stream's bytes, in order, replacing the contents of `output`.
    func read(_ stream: Stream, into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        var position = stream.start
        var size = Self.firstSlice
        while true {
            let sliceEnd = position + size - 4
            if stream.write >= position && stream.write <= sliceEnd {
                copy(from: position, count: stream.write - position, into: &output)
                return
            }
            copy(from: position, count: sliceEnd - position, into: &output)
            position = Int(load32(at: sliceEnd)) * 4
            size = min(size * 2, Self.maxSlice)
        }
    }

    private func grow(_ stream: inout Stream) {
        let level = min(Int(stream.level) + 1, 8)
        let size = min(Self.firstSlice << level, Self.maxSlice)
        let next = allocate(size)
        store32(UInt32(next / 4), at: stream.end)
        stream.write = next
        stream.end = next + size - 4
        stream.level = UInt8(level)
    }

    /// A slice of `size` bytes (a multiple of 4) that does not cross a page.
    private func allocate(_ size: Int) -> Int {
        if pages.isEmpty || (top & (Self.pageSize - 1)) + size > Self.pageSize || top == pages.count * Self.pageSize {
            let page = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.pageSize)
            pages.append(page)
            top = (pages.count - 1) * Self.pageSize
        }
        let start = top
        top += size
        return start
    }

    private func store32(_ value: UInt32, at offset: Int) {
        for index in 0..<4 {
            let position = offset + index
            pages[position >> 20][position & (Self.pageSize - 1)] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index)))
        }
    }

    private func load32(at offset: Int) -> UInt32 {
        var value: UInt32 = 0
        for index in 0..<4 {
            let position = offset + index
            value |= UInt32(pages[position >> 20][position & (Self.pageSize - 1)]) << (8 * UInt32(index))
        }
        return value
    }

    private func copy(from offset: Int, count: Int, into output: inout [UInt8]) {
        guard count > 0 else { return }
        let page = pages[offset >> 20] + (offset & (Self.pageSize - 1))
        output.append(contentsOf: UnsafeBufferPointer(start: page, count: count))
    }
}
