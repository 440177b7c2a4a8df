#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A run of complete lines from one dump file, as read by `DumpLineReader`: the unit of work
/// handed to parsing threads.
///
/// `bytes` holds whole physical lines, each ending in `\n` except possibly the file's last
/// line. `lines` indexes the non-blank ones so that threads can split a chunk by line.
/// Line numbers are physical (1-based, blank lines counted), so they match what an editor
/// shows for the file (for a gzip file: for its decompressed text).
public struct DumpChunk: Sendable {
    /// One non-blank line of a chunk.
    public struct Line: Sendable, Equatable {
        /// The line's bytes within `bytes`, without its `\n` and one trailing `\r`.
        public var range: Range<Int>
        /// The physical line number in the file (1-based).
        public var number: Int

        public init(range: Range<Int>, number: Int) {
            self.range = range
            self.number = number
        }
    }

    /// The file the lines come from.
    public let file: DumpFile
    /// The physical line number of the first line in `bytes`.
    public let firstLineNumber: Int
    /// How many physical lines `bytes` holds, blank ones included.
    public let physicalLineCount: Int
    public let bytes: [UInt8]
    /// The lines to parse, in order. A line that is empty or holds only spaces, tabs and
    /// `\r` is blank: it is not listed, and is not a line read in the dump's totals.
    public let lines: [Line]

    public init(file: DumpFile, firstLineNumber: Int, bytes: [UInt8]) {
        self.file = file
        self.firstLineNumber = firstLineNumber
        self.bytes = bytes
        (lines, physicalLineCount) = DumpChunk.index(bytes, firstLineNumber: firstLineNumber)
    }

    /// Calls `body` with each line (see `lines`) and its physical line number, in order.
    /// The bytes are valid only during `body`.
    public func forEachLine(_ body: (_ lineNumber: Int, _ line: UnsafeRawBufferPointer) throws -> Void) rethrows {
        try bytes.withUnsafeBytes { raw in
            for line in lines {
                try body(line.number, UnsafeRawBufferPointer(rebasing: raw[line.range]))
            }
        }
    }

    /// The non-blank lines, and the number of physical lines.
    static func index(_ bytes: [UInt8], firstLineNumber: Int) -> ([Line], Int) {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return ([], 0) }
            var lines: [Line] = []
            var start = 0
            var number = firstLineNumber
            while start < raw.count {
                let end: Int
                if let newline = memchr(base + start, 0x0A, raw.count - start) {
                    end = UnsafeRawPointer(newline) - base
                } else {
                    end = raw.count
                }
                var lineEnd = end
                if lineEnd > start, raw[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                if !isBlank(raw, start, lineEnd) { lines.append(Line(range: start..<lineEnd, number: number)) }
                number += 1
                start = end + 1
            }
            return (lines, number - firstLineNumber)
        }
    }

    @inline(__always)
    static func isBlank(_ raw: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end {
            switch raw[index] {
            case 0x20, 0x09, 0x0D: index += 1
            default: return false
            }
        }
        return true
    }
}
