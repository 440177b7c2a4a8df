import CreatorEngine
import Foundation
import Testing
@testable import CreatorServer

/// The HTTP API answers the same documents as the command service RESP writes out, over a
/// real socket, on the shared generated index.
@Suite struct ConsoleAPIDocumentTests {
    /// A JSON document with the per-run timing removed, for comparing two runs of one query.
    static func withoutTiming(_ bytes: [UInt8]) throws -> NSDictionary {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        object["took_ms"] = nil
        return object as NSDictionary
    }

    static func bulk(_ reply: CommandReply) throws -> [UInt8] {
        guard case .bulk(let bytes) = reply else { throw HTTPTestClient.Failure(description: "not a bulk reply: \(reply)") }
        return bytes
    }

    @Test func everyEndpointAnswersTheCommandsDocument() async throws {
        let service = try ServerTestIndex.service()
        let index = service.holder.current.index
        let first = index.id(of: 0), second = index.id(of: 1), handle = "@" + index.handle(of: 2)
        try await withConsoleServer(backend: service) { (port) async throws in
            for query in ["category:beauty", "sort:-followers limit:5", "tier:micro..mid er:>=2% offset:3"] {
                let encoded = try #require(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
                let http = try await HTTPTestClient.send(port: port, target: "/api/search?q=" + encoded)
                #expect(http.status == 200)
                #expect(try Self.withoutTiming(http.body) == Self.withoutTiming(Self.bulk(service.search(query))), "\(query)")
                let explained = try await HTTPTestClient.send(port: port, target: "/api/explain?q=" + encoded)
                #expect(try Self.withoutTiming(explained.body) == Self.withoutTiming(Self.bulk(service.explain(query))), "\(query)")
            }
            let encodedFirst = try #require(first.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let get = try await HTTPTestClient.send(port: port, target: "/api/creators/" + encodedFirst)
            #expect(get.body == (try Self.bulk(service.get(first))))
            let risk = try await HTTPTestClient.send(port: port, target: "/api/creators/" + encodedFirst + "/risk")
            #expect(risk.body == (try Self.bulk(service.risk(first))))
            let byHandle = try await HTTPTestClient.send(port: port, target: "/api/creators/" + handle)
            #expect(byHandle.body == (try Self.bulk(service.get(handle))))
            let stats = try await HTTPTestClient.send(port: port, target: "/api/stats")
            let statsObject = try #require(stats.json as? [String: Any])
            let direct = try #require(try JSONSerialization.jsonObject(with: Data(Self.bulk(service.stats()))) as? [String: Any])
            #expect((statsObject["index"] as? NSDictionary) == (direct["index"] as? NSDictionary))
            let overlap = try await HTTPTestClient.send(port: port, target: "/api/overlap?ids=\(encodedFirst),\(second.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
            if case .bulk(let document) = service.overlap([first, second]) {
                #expect(overlap.body == document)
            } else {
                #expect(overlap.status >= 400)
            }
        }
    }

    @Test func unknownCreatorsAndBadQueriesAnswerLikeTheCommandLine() async throws {
        let service = try ServerTestIndex.service()
        try await withConsoleServer(backend: service) { (port) async throws in
            let missing = try await HTTPTestClient.send(port: port, target: "/api/creators/%40no_such_creator_here")
            #expect(missing.status == 404)
            #expect(missing.text.contains("no creator with id or handle '@no_such_creator_here'"))
            #expect(try await HTTPTestClient.send(port: port, target: "/api/creators/%40no_such_creator_here/risk").status == 404)
            let bad = try await HTTPTestClient.send(port: port, target: "/api/search?q=followers%3A%3E%3Dlots")
            #expect(bad.status == 400)
            let error = try #require((bad.json as? [String: Any])?["error"] as? [String: Any])
            let expected = try #require(service.search("followers:>=lots").failure)
            #expect(error["message"] as? String == expected.detail)
            #expect((error["query_error"] as? [String: Any])?["column"] as? Int == 1 + "followers:>=".count)
            let unknownLike = try await HTTPTestClient.send(port: port, target: "/api/search?q=like%3A%40no_such_creator_here")
            #expect(unknownLike.status == 400)
            let location = try #require(((unknownLike.json as? [String: Any])?["error"] as? [String: Any])?["query_error"] as? [String: Any])
            #expect(location["column"] as? Int == 1)
        }
    }

    @Test func httpCommandsAreCountedInTheServersStatistics() async throws {
        let service = try ServerTestIndex.service()
        try await withConsoleServer(backend: service) { (port) async throws in
            _ = try await HTTPTestClient.send(port: port, target: "/api/search?q=category%3Afood")
            _ = try await HTTPTestClient.send(port: port, target: "/api/search?q=contry%3AUS")
        }
        #expect(service.statistics.latency(of: "SEARCH")?.count == 2)
        #expect(service.statistics.commandsFailed == 1)
    }
}
