import Testing
@testable import CreatorServer

@Suite struct HTTPPartsTests {
    @Test func formsDecodeStrictly() {
        #expect(FormDecoding.decode("a+b%20c%2B", plusIsSpace: true) == "a b c+")
        #expect(FormDecoding.decode("a+b", plusIsSpace: false) == "a+b")
        #expect(FormDecoding.decode("%E6%8A%A4", plusIsSpace: true) == "护")
        #expect(FormDecoding.decode("%E6%8A", plusIsSpace: true) == nil)
        #expect(FormDecoding.decode("%G1", plusIsSpace: true) == nil)
        #expect(FormDecoding.decode("%4", plusIsSpace: true) == nil)
        let fields = FormFields("q=a&ids=1,2&ids=3&empty&q=b")
        #expect(fields?["q"] == "a")
        #expect(fields?.all("ids") == ["1,2", "3"])
        #expect(fields?["empty"] == "")
        #expect(FormFields("q=%FF") == nil)
    }

    @Test func loopbackHostNames() {
        for host in ["127.0.0.1:8390", "localhost", "LOCALHOST:1", "[::1]:8390", "127.0.0.2", nil] {
            #expect(SecurityHeaders.isLoopbackHost(host), "\(host ?? "nil")")
        }
        for host in ["evil.example", "localhost.evil.example", "[::2]:80", "10.0.0.1:8390", "127.0.0.1.evil.example"] {
            #expect(!SecurityHeaders.isLoopbackHost(host), "\(host)")
        }
    }

    @Test func theLocationOfAnErrorReadFromItsRendering() throws {
        let rendering = "error at column 3: unknown creator '@x'\n  a like:@x\n    ^^^^^^^^\n  hint: check the handle"
        let location = try #require(QueryErrorLocation.fromRendering(rendering))
        #expect(location.span == 2..<10)
        #expect(location.detail == "unknown creator '@x'")
        #expect(location.hint == "check the handle")
        #expect(QueryErrorLocation.fromRendering("something else") == nil)
    }

    @Test func theParsersOwnSpanIsPreferred() throws {
        // Columns count characters: 护肤 is two, so the bad qualifier starts at offset 3.
        let location = try #require(QueryErrorLocation.of(query: "护肤 contry:CN", message: ""))
        #expect(location.span == 3..<9)
        #expect(location.kind == "unknownQualifier")
    }
}
