import Testing
@testable import CreatorServer

@Suite struct ServerDefaultsTests {
    @Test func listensOnLoopbackByDefault() {
        #expect(ServerDefaults.host == "127.0.0.1")
        #expect(ServerDefaults.respPort != ServerDefaults.httpPort)
    }
}
