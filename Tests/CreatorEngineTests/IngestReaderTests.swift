import CreatorEngine
import Foundation
import Testing

@Suite("Dump files: discovery and chunked reading of plain and gzip files")
struct IngestReaderTests {
    /// Lines as a reader must report them, computed the simple way from the whole text:
    /// split at `\n`, drop one trailing `\r`, skip blank lines, number from 1.
    static func expectedLines(_ text: [UInt8]) -> [(Int, String)] {
        var lines = text.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if text.last == 0x0A { lines.removeLast() }
        var result: [(Int, String)] = []
        for (index, var line) in lines.enumerated() {
            if line.last == 0x0D { line.removeLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            result.append((index + 1, String(decoding: line, as: UTF8.self)))
        }
        return result
    }

    static func same(_ a: [(Int, String)], _ b: [(Int, String)]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    /// Text with CRLF, blank and whitespace-only lines, multi-byte text, a long line, a lone
    /// `\r` line, and no final newline.
    static let awkwardText: [UInt8] = Array((
        "{\"a\":1}\n" + "\n" + "{\"b\":\"二\"}\r\n" + "   \t\n" + "\r\n" + "{\"c\":\"🌿\"}\n" +
        "{\"long\":\"" + String(repeating: "x", count: 300) + "\"}\r\n" + "\n\n" + "last line without newline"
    ).utf8)

    @Test("Plain files: line numbers, CRLF, blank lines, a final line without newline")
    func plain() throws {
        let folder = try IngestFixture.temporaryFolder()
        let path = folder + "/a.jsonl"
        try IngestFixture.write(Self.awkwardText, to: path)
        let file = try DumpFile(path: path)
        #expect(file.compression == .none)
        #expect(file.size == Self.awkwardText.count)
        let (chunks, lines) = try IngestFixture.readAll(file)
        #expect(lines.map(\.0) == [1, 3, 6, 7, 10])
        #expect(lines.first?.1 == "{\"a\":1}")
        #expect(lines[1].1 == "{\"b\":\"二\"}")
        #expect(lines.last?.1 == "last line without newline")
        #expect(Self.same(lines, Self.expectedLines(Self.awkwardText)))
        #expect(chunks.reduce(0) { $0 + $1.physicalLineCount } == 10)
    }

    @Test("Any chunk size gives the same lines; chunks hold whole lines only",
          arguments: [1, 2, 3, 5, 8, 13, 64, 333, 1 << 20])
    func chunkBoundaries(chunkBytes: Int) throws {
        let folder = try IngestFixture.temporaryFolder()
        let plainPath = folder + "/a.jsonl"
        let gzipPath = folder + "/a.jsonl.gz"
        try IngestFixture.write(Self.awkwardText, to: plainPath)
        try IngestFixture.write(IngestFixture.gzip(Self.awkwardText), to: gzipPath)
        for path in [plainPath, gzipPath] {
            let (chunks, lines) = try IngestFixture.readAll(try DumpFile(path: path), chunkBytes: chunkBytes)
            #expect(Self.same(lines, Self.expectedLines(Self.awkwardText)), "\(path) with chunks of \(chunkBytes)")
            #expect(chunks.flatMap(\.bytes) == Self.awkwardText)
            for chunk in chunks.dropLast() { #expect(chunk.bytes.last == 0x0A) }
            // Each chunk starts where the previous one's lines end.
            var next = 1
            for chunk in chunks {
                #expect(chunk.firstLineNumber == next)
                next += chunk.physicalLineCount
            }
            if chunkBytes == 1 << 20 { #expect(chunks.count == 1) }
        }
    }

    @Test("Gzip: one member, two members (split inside a line), detection by magic bytes")
    func gzip() throws {
        let folder = try IngestFixture.temporaryFolder()
        let text = Array((1...2000).map { #"{"n":\#($0),"pad":"\#(String(repeating: "p", count: $0 % 50))"}"# }
            .joined(separator: "\n").utf8) + [0x0A]
        let cut = text.count / 2 + 7 // inside a line
        let twoMembers = IngestFixture.gzip(Array(text[..<cut])) + IngestFixture.gzip(Array(text[cut...]))
        try IngestFixture.write(twoMembers, to: folder + "/two.jsonl.gz")
        try IngestFixture.write(IngestFixture.gzip(text), to: folder + "/one.bin") // any name: magic bytes
        let expected = Self.expectedLines(text)
        #expect(expected.count == 2000)
        for name in ["two.jsonl.gz", "one.bin"] {
            let file = try DumpFile(path: folder + "/" + name)
            #expect(file.compression == .gzip)
            for chunkBytes in [100, 4096, 1 << 20] {
                let (_, lines) = try IngestFixture.readAll(file, chunkBytes: chunkBytes)
                #expect(Self.same(lines, expected), "\(name), chunks of \(chunkBytes)")
            }
        }
        let reader = try DumpLineReader(file: try DumpFile(path: folder + "/two.jsonl.gz"))
        while try reader.nextChunk() != nil {}
        #expect(reader.textBytesRead == text.count)
        #expect(reader.bytesConsumed == twoMembers.count)
    }

    @Test("A damaged, truncated or trailing-garbage gzip file is a fatal error naming the file")
    func corruptGzip() throws {
        let folder = try IngestFixture.temporaryFolder()
        let text = Array(String(repeating: #"{"id":"x","platform":"tiktok"}"# + "\n", count: 5000).utf8)
        let good = IngestFixture.gzip(text)
        var damaged = good
        for index in stride(from: 20, to: damaged.count - 20, by: 7) { damaged[index] ^= 0x5A }
        let cases: [(String, [UInt8])] = [
            ("damaged.jsonl.gz", damaged),
            ("truncated.jsonl.gz", Array(good[..<(good.count / 2)])),
            ("garbage.jsonl.gz", good + Array("not gzip".utf8)),
            ("notgzip.jsonl.gz", Array("{\"plain\":true}\n".utf8)),
        ]
        for (name, bytes) in cases {
            let path = folder + "/" + name
            try IngestFixture.write(bytes, to: path)
            let file = try DumpFile(path: path)
            #expect(file.compression == .gzip)
            do {
                _ = try IngestFixture.readAll(file)
                Issue.record("\(name) was read without error")
            } catch let error as IngestError {
                guard case .corruptGzip(let errorPath, let reason) = error else {
                    Issue.record("unexpected error \(error)")
                    continue
                }
                #expect(errorPath == path)
                #expect(!reason.isEmpty)
                #expect(error.description.contains(path))
            }
        }
        // An empty file reads as empty, gzip or not.
        try IngestFixture.write([], to: folder + "/empty.jsonl.gz")
        #expect(try IngestFixture.readAll(try DumpFile(path: folder + "/empty.jsonl.gz")).lines.isEmpty)
    }

    @Test("A UTF-8 byte order mark at the start of a file is dropped")
    func byteOrderMark() throws {
        let folder = try IngestFixture.temporaryFolder()
        try IngestFixture.write([0xEF, 0xBB, 0xBF] + Array("{\"a\":1}\n{\"b\":2}\n".utf8), to: folder + "/bom.jsonl")
        let (_, lines) = try IngestFixture.readAll(try DumpFile(path: folder + "/bom.jsonl"))
        #expect(lines.map(\.1) == ["{\"a\":1}", "{\"b\":2}"])
        #expect(lines.map(\.0) == [1, 2])
    }

    @Test("Discovery: folders searched recursively and sorted; files taken as named; order kept")
    func discovery() throws {
        let folder = try IngestFixture.temporaryFolder()
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: folder + "/b/deeper", withIntermediateDirectories: true)
        try fileManager.createDirectory(atPath: folder + "/a", withIntermediateDirectories: true)
        try fileManager.createDirectory(atPath: folder + "/dir.jsonl", withIntermediateDirectories: true)
        for name in ["b/deeper/z.jsonl", "b/y.jsonl.gz", "a/x.jsonl", "c.jsonl", "notes.txt", "data.json", "a/x.jsonl.bak"] {
            try IngestFixture.write(name.hasSuffix(".gz") ? IngestFixture.gzip([]) : [], to: folder + "/" + name)
        }
        let outside = try IngestFixture.temporaryFolder() + "/export.txt"
        try IngestFixture.write(Array("{}\n".utf8), to: outside)

        let files = try DumpDiscovery.files([outside, folder, folder + "/c.jsonl"])
        #expect(files.map(\.path) == [outside] + ["a/x.jsonl", "b/deeper/z.jsonl", "b/y.jsonl.gz", "c.jsonl"].map { folder + "/" + $0 })
        #expect(files.map(\.compression) == [.none, .none, .none, .gzip, .none])
        // A trailing slash makes no difference.
        #expect(try DumpDiscovery.files([folder + "/"]).count == 4)
    }

    @Test("Discovery errors: a missing path, a folder without dump files")
    func discoveryErrors() throws {
        let folder = try IngestFixture.temporaryFolder()
        #expect(throws: IngestError.pathNotFound(folder + "/missing.jsonl")) {
            try DumpDiscovery.files([folder + "/missing.jsonl"])
        }
        try IngestFixture.write([], to: folder + "/readme.md")
        #expect(throws: IngestError.noDumpFiles(folder: folder)) { try DumpDiscovery.files([folder]) }
        #expect(IngestError.noDumpFiles(folder: folder).description.contains("*.jsonl"))
    }

    @Test("Lines can be parsed by index across threads' slices: `lines` matches forEachLine")
    func lineIndex() throws {
        let chunk = DumpChunk(file: DumpFile(path: "mem", compression: .none, size: 0), firstLineNumber: 41,
                              bytes: Array("a\r\n\n b\nc".utf8))
        #expect(chunk.lines == [DumpChunk.Line(range: 0..<1, number: 41), DumpChunk.Line(range: 4..<6, number: 43),
                                DumpChunk.Line(range: 7..<8, number: 44)])
        #expect(chunk.physicalLineCount == 4)
    }
}
