import CreatorEngine
@testable import CreatorServer

/// A RESP server started in the test process on a free port, over the shared test index
/// (or another folder), stopped by `shutdown`.
struct RunningServer {
    let server: RESPServer
    var service: CommandService { server.service }
    var port: Int { server.port }

    static func start(limits: ServerLimits = .default, password: String? = nil,
                      directory: IndexDirectory = ServerTestIndex.directory) async throws -> RunningServer {
        let service = try ServerTestIndex.service(limits: limits, password: password, directory: directory)
        let server = RESPServer(service: service)
        _ = try await server.start()
        return RunningServer(server: server)
    }

    func client() throws -> RESPTestClient { try RESPTestClient(port: port) }

    func shutdown() async { await server.shutdown() }
}
