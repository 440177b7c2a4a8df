import Foundation
import Testing
@testable import CreatorServer

@Suite struct ConsoleHTTPServerTests {
    @Test func pagesAndAssetsComeFromTheBinaryWithSecurityHeaders() async throws {
        try await withConsoleServer { (port) async throws in
            for (target, type) in [("/", "text/html"), ("/creator", "text/html"), ("/brief", "text/html"), ("/login", "text/html"),
                                   ("/assets/search.js", "text/javascript"), ("/assets/console.css", "text/css")] {
                let response = try await HTTPTestClient.send(port: port, target: target)
                #expect(response.status == 200, "\(target)")
                #expect(response.header("Content-Type")?.hasPrefix(type) == true, "\(target)")
                #expect(response.header("Content-Security-Policy") == SecurityHeaders.contentSecurityPolicy)
                #expect(response.header("X-Content-Type-Options") == "nosniff")
                #expect(response.header("Referrer-Policy") == "no-referrer")
                #expect(response.header("X-Frame-Options") == "DENY")
            }
            let policy = SecurityHeaders.contentSecurityPolicy
            #expect(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe"))
            let page = try await HTTPTestClient.send(port: port, target: "/")
            #expect(page.body == ConsoleAssets.byName["index.html"]?.bytes)
            for missing in ["/assets/nothing.js", "/assets/index.html", "/nowhere"] {
                #expect(try await HTTPTestClient.send(port: port, target: missing).status == 404, "\(missing)")
            }
        }
    }

    @Test func anUnchangedAssetIsNotSentAgain() async throws {
        try await withConsoleServer { (port) async throws in
            let first = try await HTTPTestClient.send(port: port, target: "/assets/api.js")
            let tag = try #require(first.header("ETag"))
            let second = try await HTTPTestClient.send(port: port, target: "/assets/api.js", headers: ["If-None-Match": tag])
            #expect(second.status == 304)
            #expect(second.body.isEmpty)
            let stale = try await HTTPTestClient.send(port: port, target: "/assets/api.js", headers: ["If-None-Match": "\"0\""])
            #expect(stale.status == 200)
        }
    }

    @Test func aPageAnsweredUnderAnotherHostNameIsRefused() async throws {
        try await withConsoleServer { (port) async throws in
            #expect(try await HTTPTestClient.send(port: port, target: "/", host: "evil.example").status == 403)
            #expect(try await HTTPTestClient.send(port: port, target: "/api/stats", host: "localhost").status == 200)
        }
    }

    @Test func documentsAreAnsweredAsJSONWithTheCommandsArguments() async throws {
        let backend = RecordingBackend()
        try await withConsoleServer(backend: backend) { (port) async throws in
            let search = try await HTTPTestClient.send(port: port, target: "/api/search?q=%E6%8A%A4%E8%82%A4+country%3ACN")
            #expect(search.status == 200)
            #expect(search.header("Content-Type") == "application/json; charset=utf-8")
            #expect(search.header("Cache-Control") == "no-store")
            #expect(search.text == #"{"command":"SEARCH"}"#)
            _ = try await HTTPTestClient.send(port: port, target: "/api/explain?q=sort%3A-er")
            _ = try await HTTPTestClient.send(port: port, target: "/api/creators/tiktok%3A6812345")
            _ = try await HTTPTestClient.send(port: port, target: "/api/creators/@glowwithmei/risk")
            _ = try await HTTPTestClient.send(port: port, target: "/api/overlap?ids=a,b&id=c%2Cd")
            _ = try await HTTPTestClient.send(port: port, method: "POST", target: "/api/match", body: Array(#"{"product":"serum"}"#.utf8))
            _ = try await HTTPTestClient.send(port: port, target: "/api/stats")
        }
        let calls = backend.recorded
        #expect(calls.map(\.command) == ["SEARCH", "EXPLAIN", "GET", "RISK", "OVERLAP", "MATCH", "STATS"])
        #expect(calls.map(\.arguments) == [["护肤 country:CN"], ["sort:-er"], ["tiktok:6812345"], ["@glowwithmei"], ["a", "b", "c,d"],
                                          [#"{"product":"serum"}"#], []])
    }

    @Test func repliesMapToStatusCodes() async throws {
        let backend = RecordingBackend { command, arguments in
            switch arguments.first {
            case "busy": .failure(code: "BUSY", message: "the query ran longer than 2 s")
            case "@nobody": .notFound("no creator with id or handle '@nobody'")
            default: command == "SEARCH" ? .failure(code: "ERR", message: "bad") : .document(Array("{}".utf8))
            }
        }
        try await withConsoleServer(backend: backend) { (port) async throws in
            let busy = try await HTTPTestClient.send(port: port, target: "/api/search?q=busy")
            #expect(busy.status == 503)
            #expect((busy.json as? [String: Any]).flatMap { $0["error"] as? [String: Any] }?["code"] as? String == "BUSY")
            #expect(try await HTTPTestClient.send(port: port, target: "/api/creators/%40nobody").status == 404)
            #expect(try await HTTPTestClient.send(port: port, target: "/api/search?q=x").status == 400)
            #expect(try await HTTPTestClient.send(port: port, target: "/api/search").status == 400)
            #expect(try await HTTPTestClient.send(port: port, target: "/api/search?q=%ZZ").status == 400)
            #expect(try await HTTPTestClient.send(port: port, target: "/api/overlap?ids=only-one").status == 400)
            let unknown = try await HTTPTestClient.send(port: port, target: "/api/nothing/here")
            #expect(unknown.status == 404)
            #expect(unknown.text.contains("\"NOTFOUND\""))
            #expect(unknown.header("Content-Security-Policy") == SecurityHeaders.contentSecurityPolicy)
        }
    }

    @Test func aQueryErrorCarriesItsColumnAndSpan() async throws {
        let query = "category:beauty contry:US"
        let backend = RecordingBackend { _, _ in .failure(code: "ERR", message: "error at column 17: unknown qualifier 'contry'") }
        try await withConsoleServer(backend: backend) { (port) async throws in
            let response = try await HTTPTestClient.send(port: port, target: "/api/search?q=category%3Abeauty%20contry%3AUS")
            #expect(response.status == 400)
            let error = try #require((response.json as? [String: Any])?["error"] as? [String: Any])
            let location = try #require(error["query_error"] as? [String: Any])
            #expect(location["column"] as? Int == 17)
            let span = try #require(location["span"] as? [String: Int])
            #expect(span == ["start": 16, "end": 22])
            #expect((location["detail"] as? String)?.contains("did you mean 'country'") == true)
            #expect(Array(query)[16..<22].map(String.init).joined() == "contry")
        }
    }

    @Test func aBriefLargerThanTheLimitIsRefused() async throws {
        let configuration = ConsoleHTTPConfiguration(port: 0, maxBodyBytes: 64)
        try await withConsoleServer(configuration: configuration) { (port) async throws in
            let response = try await HTTPTestClient.send(port: port, method: "POST", target: "/api/match", body: Array(repeating: 32, count: 65))
            #expect(response.status == 413)
        }
    }

    @Test func aQueryStringLongerThanTheLimitIsRefused() async throws {
        let configuration = ConsoleHTTPConfiguration(port: 0, maxTargetBytes: 100)
        try await withConsoleServer(configuration: configuration) { (port) async throws in
            let long = try await HTTPTestClient.send(port: port, target: "/api/search?q=" + String(repeating: "a", count: 99))
            #expect(long.status == 414)
            #expect(try await HTTPTestClient.send(port: port, target: "/api/search?q=" + String(repeating: "a", count: 90)).status == 200)
        }
    }
}
