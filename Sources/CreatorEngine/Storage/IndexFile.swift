/// An index container opened by mapping it into memory (see `IndexFileFormat`).
/// Opening is cheap: it reads the header and table and checks the small sections' CRCs.
public final class IndexFile: Sendable {
    public let file: MappedFile
    public let sections: [String: Section]

    public struct Section: Sendable {
        public let name: String
        public let offset: Int
        public let length: Int
        public let crc: UInt32
        public let isLarge: Bool
    }

    public var path: String { file.path }

    public init(path: String) throws {
        file = try MappedFile(path: path)
        let whole = file.view
        guard whole.count >= IndexFileFormat.headerSize else {
            throw IndexError.corrupt("\(path) is \(whole.count) bytes, shorter than the index header (truncated?)")
        }
        let header = try whole.slice(0, IndexFileFormat.headerSize)
        guard Array(try header.slice(0, 8).buffer) == IndexFileFormat.magic else {
            throw IndexError.incompatible("\(path) is not a creators index (bad magic)")
        }
        let storedHeaderCRC = try header.load(UInt32.self, at: 60)
        guard Checksum.crc32(try header.slice(0, 60).buffer) == storedHeaderCRC else {
            throw IndexError.corrupt("\(path): header checksum mismatch")
        }
        let version = try header.load(UInt32.self, at: 8)
        guard version == IndexFileFormat.version else {
            throw IndexError.incompatible("\(path) has format version \(version), this build reads version \(IndexFileFormat.version)")
        }
        let fileLength = Int(try header.load(UInt64.self, at: 32))
        guard fileLength == whole.count else {
            throw IndexError.corrupt("\(path) is \(whole.count) bytes but its header says \(fileLength) (truncated or appended to)")
        }
        let tableOffset = Int(try header.load(UInt64.self, at: 16))
        let sectionCount = Int(try header.load(UInt32.self, at: 24))
        guard sectionCount <= 100_000 else { throw IndexError.corrupt("\(path): implausible section count \(sectionCount)") }
        let table = try whole.slice(tableOffset, sectionCount * IndexFileFormat.tableEntrySize)
        guard Checksum.crc32(table.buffer) == (try header.load(UInt32.self, at: 28)) else {
            throw IndexError.corrupt("\(path): section table checksum mismatch")
        }
        var sections: [String: Section] = [:]
        for index in 0..<sectionCount {
            let entry = try table.slice(index * IndexFileFormat.tableEntrySize, IndexFileFormat.tableEntrySize)
            let nameBytes = Array(try entry.slice(0, IndexFileFormat.nameSize).buffer).prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            let section = Section(
                name: name,
                offset: Int(try entry.load(UInt64.self, at: 32)),
                length: Int(try entry.load(UInt64.self, at: 40)),
                crc: try entry.load(UInt32.self, at: 48),
                isLarge: (try entry.load(UInt32.self, at: 52)) & IndexFileFormat.largeSection != 0)
            let bytes = try whole.slice(section.offset, section.length)
            if !section.isLarge, Checksum.crc32(bytes.buffer) != section.crc {
                throw IndexError.corrupt("\(path): section '\(name)' checksum mismatch")
            }
            sections[name] = section
        }
        self.sections = sections
    }

    /// The bytes of a section; a missing section is corruption (every index has them all).
    public func section(_ name: String) throws -> ByteView {
        guard let section = sections[name] else { throw IndexError.corrupt("\(path): section '\(name)' is missing") }
        let view = try file.view.slice(section.offset, section.length)
        return ByteView(base: view.base, count: view.count, context: "\(path) section '\(name)'")
    }

    public func hasSection(_ name: String) -> Bool { sections[name] != nil }

    /// Checks every section's CRC, the large ones included.
    public func verifyAll() throws {
        for section in sections.values.sorted(by: { $0.offset < $1.offset }) {
            let bytes = try file.view.slice(section.offset, section.length)
            if Checksum.crc32(bytes.buffer) != section.crc {
                throw IndexError.corrupt("\(path): section '\(section.name)' checksum mismatch")
            }
        }
    }
}
