/// A text field's tokens per document (`text.<field>.lengths`), which BM25 reads for every
/// scored creator: one byte each when every length fits (names, handles, bios and hashtags
/// of the generated corpora), else two (captions); the section's size tells which. Bytes
/// saved 4 MB at a million creators (index format 12).
public struct FieldLengths: @unchecked Sendable {
    // Views into the immutable mapping the owning `CreatorIndex` keeps alive; one is empty.
    private let narrow: UnsafeBufferPointer<UInt8>
    private let wide: UnsafeBufferPointer<UInt16>
    public let count: Int

    /// The section's bytes for `lengths` (each already capped at `UInt16.max`).
    static func encode(_ lengths: [UInt16]) -> ByteWriter {
        var bytes = ByteWriter(reservingCapacity: lengths.count * 2)
        if lengths.allSatisfy({ $0 <= UInt8.max }) {
            bytes.appendArray(lengths.map { UInt8($0) })
        } else {
            bytes.appendArray(lengths)
        }
        return bytes
    }

    init(_ view: ByteView, documentCount: Int) throws {
        count = documentCount
        switch view.count {
        case documentCount:
            narrow = try view.array(of: UInt8.self, at: 0, count: documentCount)
            wide = UnsafeBufferPointer(start: nil, count: 0)
        case documentCount * 2:
            narrow = UnsafeBufferPointer(start: nil, count: 0)
            wide = try view.array(of: UInt16.self, at: 0, count: documentCount)
        default:
            throw view.corrupt("\(view.count) bytes of lengths for \(documentCount) documents")
        }
    }

    @inline(__always) public subscript(document: Int) -> UInt16 {
        wide.isEmpty ? UInt16(narrow[document]) : wide[document]
    }

    /// Starts reading the document's length into the caches (see `UnsafeBufferPointer.prefetch`).
    @inline(__always) func prefetch(_ document: Int) {
        if wide.isEmpty { narrow.prefetch(document) } else { wide.prefetch(document) }
    }
}
