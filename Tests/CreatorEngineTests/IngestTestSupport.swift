import CZlib
import CreatorEngine
import Foundation
import Testing
import TestScratch

/// Shared fixtures for the Ingest tests.
enum IngestFixture {
    /// The example line of `profile-dump.md`, verbatim.
    static let example = ##"{"id":"tiktok:6812345","platform":"tiktok","handle":"glowwithmei","name":"Mei 美妆日记","bio":"Clean skincare for sensitive skin 🌿 敏感肌护肤 | LA","country":"US","languages":["en","zh"],"categories":["beauty","skincare"],"hashtags":["#skincare","#cleanbeauty"],"followers":48200,"following":310,"posts_count":412,"avg_likes":2100,"avg_comments":85,"avg_views":30100,"follower_history":[["2026-09-01",45100],["2026-10-01",46900],["2026-11-01",48200]],"audience":{"countries":{"US":0.52,"CA":0.11,"CN":0.09,"GB":0.06,"other":0.22},"genders":{"female":0.78,"male":0.22},"ages":{"18-24":0.41,"25-34":0.37,"35-44":0.14,"13-17":0.04,"45-64":0.04},"credibility":0.88,"sample":[90211,90412,118723]},"price":{"currency":"USD","per_video":350},"collaborations":{"completed":14,"late":1,"ghosted":0,"disputes":0,"brands":["Glow Recipe"]},"updated_at":"2026-11-01"}"##

    /// The example with `original` replaced by `replacement`; records a test failure when the
    /// example does not contain `original` (so a changed fixture cannot pass silently).
    static func example(replacing original: String, with replacement: String,
                        sourceLocation: SourceLocation = #_sourceLocation) -> String {
        #expect(example.contains(original), "fixture lacks \(original)", sourceLocation: sourceLocation)
        return example.replacingOccurrences(of: original, with: replacement)
    }

    /// A minimal valid line with `extra` fields (`"key":value,...`) appended.
    static func minimal(_ extra: String = "", platform: String = "instagram", followers: String = "1000") -> String {
        let tail = extra.isEmpty ? "" : "," + extra
        return #"{"id":"x:1","platform":"\#(platform)","handle":"someone","followers":\#(followers)\#(tail)}"#
    }

    /// A fresh, empty temporary folder (removed when the test process exits).
    static func temporaryFolder() throws -> String {
        TestScratch.folder("ingest-tests")
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// One gzip member holding `bytes`, made with zlib's deflate (windowBits 15 + 16 = gzip).
    static func gzip(_ bytes: [UInt8]) -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { deflateEnd(stream); stream.deinitialize(count: 1); stream.deallocate() }
        let status = deflateInit2_(stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                                   Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK)
        var input = bytes
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, UInt(bytes.count))) + 64)
        let produced = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.pointee.next_in = inBuffer.baseAddress
                stream.pointee.avail_in = UInt32(inBuffer.count)
                stream.pointee.next_out = outBuffer.baseAddress
                stream.pointee.avail_out = UInt32(outBuffer.count)
                let result = deflate(stream, Z_FINISH)
                precondition(result == Z_STREAM_END)
                return outBuffer.count - Int(stream.pointee.avail_out)
            }
        }
        return Array(output[..<produced])
    }

    /// Every chunk of `file` read with `chunkBytes`, and the lines as (number, text) pairs.
    static func readAll(_ file: DumpFile, chunkBytes: Int = DumpLineReader.defaultChunkBytes) throws
        -> (chunks: [DumpChunk], lines: [(Int, String)]) {
        let reader = try DumpLineReader(file: file, chunkBytes: chunkBytes)
        var chunks: [DumpChunk] = []
        var lines: [(Int, String)] = []
        while let chunk = try reader.nextChunk() {
            chunks.append(chunk)
            chunk.forEachLine { number, line in lines.append((number, String(decoding: line, as: UTF8.self))) }
        }
        return (chunks, lines)
    }
}

extension ProfileParser {
    /// The reason a line is rejected, or nil when it is accepted.
    func reason(_ line: String) -> String? { parse(line).rejectionReason }

    /// The profile a line gives, or nil when it is rejected.
    func profile(_ line: String) -> CreatorProfile? { parse(line).profile }
}
