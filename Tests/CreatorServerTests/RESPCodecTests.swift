import NIOCore
import Testing
@testable import CreatorServer

@Suite("RESP decoder and encoder")
struct RESPCodecTests {
    /// Decodes every request in `bytes` fed in pieces of `pieces` sizes; nil marks "no command".
    static func decodeAll(_ bytes: [UInt8], splitAt cuts: [Int], limits: ServerLimits = .default) throws(RESPProtocolError) -> [[String]?] {
        var buffer = ByteBuffer()
        var decoded: [[String]?] = []
        var start = 0
        for end in cuts.sorted() + [bytes.count] where end >= start {
            buffer.writeBytes(bytes[start..<end])
            start = end
            while let frame = try RESPDecoder.frame(&buffer, limits: limits) {
                decoded.append(frame.map { command in (0..<command.arguments.count).map { command.string($0) } })
            }
        }
        #expect(buffer.readableBytes == 0, "bytes left undecoded")
        return decoded
    }

    @Test("random commands split at random points decode to what was encoded", arguments: 0..<20)
    func roundTrip(seed: Int) throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcXYZ 0123\r\n\t\"*$-:+é護😀".unicodeScalars)
        var commands: [[String]] = []
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 1...30, using: &generator) {
            let count = Int.random(in: 1...6, using: &generator)
            let command = (0..<count).map { _ in
                String(String.UnicodeScalarView((0..<Int.random(in: 0...20, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
            }
            commands.append(command)
            bytes += RESPTestClient.encode(command)
        }
        let cuts = (0..<Int.random(in: 0...10, using: &generator)).map { _ in Int.random(in: 0...bytes.count, using: &generator) }
        let decoded = try Self.decodeAll(bytes, splitAt: cuts)
        #expect(decoded.compactMap { $0 } == commands, "seed \(seed)")
    }

    @Test("inline lines: split on spaces and tabs, CRLF or LF, empty lines yield no command")
    func inline() throws {
        let decoded = try Self.decodeAll(Array("PING\r\n\r\n  SEARCH\ta  \"b c\"\nGET x\n".utf8), splitAt: [3, 9])
        #expect(decoded == [["PING"], nil, ["SEARCH", "a", "\"b", "c\""], ["GET", "x"]])
    }

    @Test("limits are errors before the bytes they guard arrive")
    func limits() {
        var limits = ServerLimits.default
        limits.maxArguments = 4
        limits.maxBulkLength = 10
        limits.maxInlineLength = 16
        limits.maxRequestLength = 25
        func error(_ text: String) -> String? {
            var buffer = ByteBuffer(string: text)
            do {
                while try RESPDecoder.frame(&buffer, limits: limits) != nil {}
                return nil
            } catch {
                return error.message
            }
        }
        #expect(error("*5\r\n")?.hasPrefix("too many arguments") == true)
        #expect(error("*1\r\n$11\r\n")?.hasPrefix("invalid bulk length") == true)
        #expect(error("*3\r\n$10\r\n0123456789\r\n$10\r\n0123456789\r\n$10\r\n") == "request too large (over 25 bytes)")
        #expect(error(String(repeating: "a", count: 17)) == "too big inline request")
        #expect(error(String(repeating: "a", count: 16)) == nil)  // not too long yet: waits for more
        #expect(error("*1\r\n:1\r\n") == "expected '$', got ':'")
        #expect(error("*1\r\n$3\r\nabcd\r\n") == "bulk string not ended by CRLF")
        #expect(error("*" + String(repeating: "9", count: 40)) == "invalid multibulk length")
        #expect(error("*-1\r\nPING\r\n") == nil)
    }

    @Test("the encoder writes RESP2 and RESP3 forms")
    func encoder() {
        func encoded(_ reply: CommandReply, _ version: RESPVersion) -> String {
            var buffer = ByteBuffer()
            RESPEncoder.write(reply, version: version, into: &buffer)
            return String(buffer: buffer)
        }
        #expect(encoded(.null, .resp2) == "$-1\r\n")
        #expect(encoded(.null, .resp3) == "_\r\n")
        #expect(encoded(.map([(.text("a"), .integer(12))]), .resp2) == "*2\r\n$1\r\na\r\n:12\r\n")
        #expect(encoded(.map([(.text("a"), .integer(12))]), .resp3) == "%1\r\n$1\r\na\r\n:12\r\n")
        #expect(encoded(.error(CommandError(code: "BUSY", "a\nb")), .resp2) == "-BUSY a b\r\n")
        #expect(encoded(.bulk(Array("{}".utf8)), .resp3) == "$2\r\n{}\r\n")
        #expect(encoded(.array([.simple("OK"), .integer(-3)]), .resp2) == "*2\r\n+OK\r\n:-3\r\n")
    }
}
