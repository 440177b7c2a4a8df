#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an index container (see `IndexFileFormat`) section by section, streaming.
public final class IndexFileWriter {
    private let output: FileOutput
    private var entries: [(name: String, offset: Int, length: Int, crc: UInt32, flags: UInt32)] = []
    private var open: (name: String, offset: Int, crc: UInt32, flags: UInt32)?
    /// The largest alignment a section of this file asked for (see `beginSection`).
    private var strictestAlignment = 8

    public var path: String { output.path }

    public init(path: String) throws {
        output = try FileOutput(creating: path)
        try output.write([UInt8](repeating: 0, count: IndexFileFormat.headerSize))
    }

    /// Writes a whole section at once.
    public func addSection(_ name: String, _ bytes: [UInt8], large: Bool = false) throws {
        try beginSection(name, large: large)
        try append(bytes)
        try endSection()
    }

    /// Starts a section on an 8-byte boundary, or later so that its byte at `alignedOffset`
    /// (a multiple of 8) lands on a multiple of `alignment` in the file, and so in memory
    /// once mapped: for data read with loads as wide as a cache line, which cost more when
    /// they straddle two.
    public func beginSection(_ name: String, large: Bool = false, aligning alignedOffset: Int = 0, to alignment: Int = 8) throws {
        precondition(open == nil, "section \(open?.name ?? "") still open")
        precondition(name.utf8.count <= IndexFileFormat.nameSize, "section name too long: \(name)")
        precondition(!entries.contains { $0.name == name }, "duplicate section \(name)")
        precondition(alignedOffset % 8 == 0 && alignment > 0 && alignment % 8 == 0 && alignment <= IndexFileFormat.widestAlignment,
                     "sections start on 8 bytes; alignments up to \(IndexFileFormat.widestAlignment)")
        // Both multiples of 8, so the section also starts on 8 bytes.
        try pad(to: alignment, shiftedBy: alignedOffset)
        strictestAlignment = max(strictestAlignment, alignment)
        open = (name, output.offset, 0, large ? IndexFileFormat.largeSection : 0)
    }

    public func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in try append(raw) }
    }

    public func append(_ bytes: UnsafeRawBufferPointer) throws {
        guard var section = open else { preconditionFailure("append outside a section") }
        section.crc = Checksum.crc32(bytes, continuing: section.crc)
        open = section
        try output.write(bytes)
    }

    /// Bytes written to the file so far (the header's place included).
    public var fileOffset: Int { output.offset }

    /// Bytes written to the open section so far.
    public var sectionOffset: Int { output.offset - (open?.offset ?? output.offset) }

    public func endSection() throws {
        guard let section = open else { preconditionFailure("no open section") }
        let length = output.offset - section.offset
        // Sections past `IndexFileFormat.eagerCheckLimit` are checked on demand, so opening stays fast.
        let flags = length > IndexFileFormat.eagerCheckLimit ? section.flags | IndexFileFormat.largeSection : section.flags
        entries.append((section.name, section.offset, length, section.crc, flags))
        open = nil
    }

    /// Writes the table and the header, syncs and closes. The file is complete only after this.
    public func finish() throws {
        precondition(open == nil, "section still open")
        try pad(to: 8)
        let tableOffset = output.offset
        var table = ByteWriter(reservingCapacity: entries.count * IndexFileFormat.tableEntrySize)
        for entry in entries {
            var name = Array(entry.name.utf8)
            name += repeatElement(0, count: IndexFileFormat.nameSize - name.count)
            table.append(contentsOf: name)
            table.append(UInt64(entry.offset))
            table.append(UInt64(entry.length))
            table.append(entry.crc)
            table.append(entry.flags)
        }
        try output.write(table.bytes)
        var header = ByteWriter(reservingCapacity: IndexFileFormat.headerSize)
        header.append(contentsOf: IndexFileFormat.magic)
        header.append(IndexFileFormat.version)
        header.append(UInt32(0))
        header.append(UInt64(tableOffset))
        header.append(UInt32(entries.count))
        header.append(Checksum.crc32(table.bytes))
        header.append(UInt64(output.offset))
        header.append(contentsOf: repeatElement(0, count: 60 - header.count))
        header.append(Checksum.crc32(header.bytes))
        try output.overwrite(at: 0, header.bytes)
        try output.close()
    }

    /// Appends every section of `spool` after this writer's sections, byte for byte as if
    /// they had been written here (what lets a build write two runs of sections at once).
    /// `spool` must have been made by `init(path:)` and have no open section; it is left
    /// unfinished, and its file is the caller's to remove. Both runs start at a multiple of
    /// 8, so the padding between the copied sections is the same as if written here.
    public func appendSections(of spool: IndexFileWriter) throws {
        precondition(open == nil && spool.open == nil, "a section is still open")
        // Shifted by a multiple of the alignments they asked for (8 at least), the spool's
        // sections keep them.
        try pad(to: spool.strictestAlignment, shiftedBy: -IndexFileFormat.headerSize)
        strictestAlignment = max(strictestAlignment, spool.strictestAlignment)
        try spool.output.flush()
        let shift = output.offset - IndexFileFormat.headerSize
        let input = SpoolInput(path: spool.path)
        guard input.fd >= 0 else { throw IndexError.io("cannot read \(spool.path): \(String(cString: strerror(errno)))") }
        defer { input.close() }
        var buffer = [UInt8](repeating: 0, count: 4 << 20)
        var position = IndexFileFormat.headerSize
        while position < spool.output.offset {
            let wanted = min(buffer.count, spool.output.offset - position)
            let read = buffer.withUnsafeMutableBytes { pread(input.fd, $0.baseAddress, wanted, off_t(position)) }
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else { throw IndexError.io("cannot read \(spool.path): \(String(cString: strerror(errno)))") }
            try buffer.withUnsafeBytes { try output.write(UnsafeRawBufferPointer(rebasing: $0[0..<read])) }
            position += read
        }
        for entry in spool.entries {
            precondition(!entries.contains { $0.name == entry.name }, "duplicate section \(entry.name)")
            entries.append((entry.name, entry.offset + shift, entry.length, entry.crc, entry.flags))
        }
    }

    /// Writes zeros until `output.offset + shift` is a multiple of `alignment`.
    private func pad(to alignment: Int, shiftedBy shift: Int = 0) throws {
        let misalignment = (output.offset + shift) % alignment
        if misalignment != 0 { try output.write([UInt8](repeating: 0, count: alignment - misalignment)) }
    }
}


/// A read-only descriptor on a spool file, for `IndexFileWriter.appendSections(of:)`.
private struct SpoolInput {
    let fd: Int32
    init(path: String) {
        #if canImport(Glibc)
        fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        #else
        fd = Darwin.open(path, O_RDONLY | O_CLOEXEC)
        #endif
    }
    func close() {
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
    }
}
