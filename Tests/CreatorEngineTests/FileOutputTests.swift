import Foundation
import Testing
@testable import CreatorEngine

@Suite("File output: whole aligned chunks")
struct FileOutputTests {
    private func sizeOnDisk(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? -1
    }

    @Test("writes of any size reach the file in whole chunks from offset 0, and read back exactly", arguments: [1, 2, 3] as [UInt64])
    func chunkedWrites(seed: UInt64) throws {
        let folder = TemporaryFolder()
        let path = folder.file("out.bin")
        let output = try FileOutput(creating: path)
        let chunk = FileOutput.chunkSize
        var random = SplitMixRandom(seed: seed)
        var expected: [UInt8] = []
        // Small pieces, pieces across a chunk boundary, and pieces of several chunks at once.
        let sizes = [0, 1, 7, chunk - 8, 3, chunk, 2 * chunk + 5, 100_000, chunk / 2, 3 * chunk - 1]
        for size in sizes.shuffled(using: &random) {
            // Eight random bytes at a time: the pieces add up to about 30 MB.
            let words = (0..<(size + 7) / 8).map { _ in random.next() }
            let piece = words.withUnsafeBytes { Array($0.prefix(size)) }
            try output.write(piece)
            expected += piece
            #expect(output.offset == expected.count)
            // Only whole chunks have gone to the file: every write began on a chunk boundary.
            #expect(try sizeOnDisk(path) == expected.count / chunk * chunk)
        }
        try output.overwrite(at: 3, [9, 9, 9])
        expected.replaceSubrange(3..<6, with: [9, 9, 9])
        try output.close()
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == expected)
    }
}
