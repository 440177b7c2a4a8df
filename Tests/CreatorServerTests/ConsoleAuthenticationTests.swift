import Testing
@testable import CreatorServer

@Suite struct ConsoleAuthenticationTests {
    let configuration = ConsoleHTTPConfiguration(port: 0, password: "s3cret")

    @Test func withoutAPasswordEverythingIsOpen() async throws {
        try await withConsoleServer { (port) async throws in
            #expect(try await HTTPTestClient.send(port: port, target: "/api/stats").status == 200)
            let session = try await HTTPTestClient.send(port: port, target: "/api/session")
            #expect(session.text == #"{"password_required":false}"#)
        }
    }

    @Test func theAPIWantsTheBearerPasswordOrASession() async throws {
        try await withConsoleServer(configuration: configuration) { (port) async throws in
            let refused = try await HTTPTestClient.send(port: port, target: "/api/stats")
            #expect(refused.status == 401)
            #expect(refused.text.contains("\"NOAUTH\""))
            let wrong = try await HTTPTestClient.send(port: port, target: "/api/stats", headers: ["Authorization": "Bearer s3cre"])
            #expect(wrong.status == 401)
            let right = try await HTTPTestClient.send(port: port, target: "/api/stats", headers: ["Authorization": "Bearer s3cret"])
            #expect(right.status == 200)
        }
    }

    @Test func pagesRedirectToTheLoginPageWhichSetsAStrictHttpOnlyCookie() async throws {
        try await withConsoleServer(configuration: configuration) { (port) async throws in
            let page = try await HTTPTestClient.send(port: port, target: "/brief?x=1")
            #expect(page.status == 302)
            #expect(page.header("Location") == "/login?next=/brief%3Fx%3D1")
            #expect(try await HTTPTestClient.send(port: port, target: "/login").status == 200)
            #expect(try await HTTPTestClient.send(port: port, target: "/assets/login.js").status == 200)
            #expect(try await HTTPTestClient.send(port: port, target: "/assets/search.js").status == 302)

            let form = ["Content-Type": "application/x-www-form-urlencoded"]
            let wrong = try await HTTPTestClient.send(port: port, method: "POST", target: "/login", headers: form,
                                                      body: Array("password=nope&next=%2Fbrief".utf8))
            #expect(wrong.status == 303)
            #expect(wrong.header("Location") == "/login?error=1&next=/brief")
            #expect(wrong.header("Set-Cookie") == nil)

            let right = try await HTTPTestClient.send(port: port, method: "POST", target: "/login", headers: form,
                                                      body: Array("password=s3cret&next=%2Fbrief".utf8))
            #expect(right.status == 303)
            #expect(right.header("Location") == "/brief")
            let cookie = try #require(right.header("Set-Cookie"))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            let pair = try #require(cookie.split(separator: ";").first).description

            let signedIn = try await HTTPTestClient.send(port: port, target: "/api/session", headers: ["Cookie": pair])
            #expect(signedIn.status == 200)
            #expect(signedIn.text == #"{"password_required":true}"#)
            #expect(try await HTTPTestClient.send(port: port, target: "/brief", headers: ["Cookie": pair]).status == 200)

            let forged = try await HTTPTestClient.send(port: port, target: "/api/stats", headers: ["Cookie": "creators_session=0123"])
            #expect(forged.status == 401)

            let out = try await HTTPTestClient.send(port: port, method: "POST", target: "/logout", headers: ["Cookie": pair])
            #expect(out.status == 303)
            #expect(try await HTTPTestClient.send(port: port, target: "/api/stats", headers: ["Cookie": pair]).status == 401)
        }
    }

    @Test func theLoginPageSendsPeopleOnlyToPathsOfThisServer() {
        #expect(LoginRoutes.safeTarget("/brief?x=1") == "/brief?x=1")
        for hostile in ["//evil.example/", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "/a\nb", nil] {
            #expect(LoginRoutes.safeTarget(hostile) == "/")
        }
    }

    @Test func secretsCompareWholly() {
        #expect(constantTimeEquals("s3cret", "s3cret"))
        #expect(!constantTimeEquals("s3cret", "s3cre"))
        #expect(!constantTimeEquals("s3cret", "s3creT"))
        #expect(!constantTimeEquals("", "x"))
    }

    @Test func sessionsExpire() {
        let store = SessionStore(lifetime: .seconds(60))
        let start = ContinuousClock.now
        let token = store.create(now: start)
        #expect(token.count == 64)
        #expect(store.isValid(token, now: start + .seconds(59)))
        #expect(!store.isValid(token, now: start + .seconds(61)))
        #expect(!store.isValid("nope"))
        #expect(store.create(now: start) != store.create(now: start))
    }
}
