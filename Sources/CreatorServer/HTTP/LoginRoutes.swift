import CreatorEngine
import Hummingbird

/// Signing in and out of the console. `POST /login` takes the login page's form
/// (`password`, `next`); the right password gets a session cookie (HttpOnly, SameSite=Strict,
/// Path=/) and a redirect to `next` (a path on this server only); a wrong one waits a
/// moment and goes back to the login page with `?error=1`. `POST /logout` ends the session.
/// `GET /api/session` tells the pages whether a password is in use.
struct LoginRoutes: Sendable {
    let password: String?
    let sessions: SessionStore
    let configuration: ConsoleHTTPConfiguration
    /// How long a wrong password waits before its answer (slows guessing).
    var failureDelay: Duration = .milliseconds(250)

    func add(to router: Router<BasicRequestContext>) {
        router.post("login") { request, _ in try await login(request) }
        router.post("logout") { request, _ in logout(request) }
        router.get("api/session") { _, _ in
            var writer = JSONWriter()
            writer.beginObject()
            writer.field("password_required", password != nil)
            writer.endObject()
            return APIResponses.json(writer.bytes, status: .ok)
        }
    }

    private func login(_ request: Request) async throws -> Response {
        let body = try await request.body.collect(upTo: 16 << 10)
        let fields = FormFields(String(buffer: body)) ?? FormFields(nil)
        let next = Self.safeTarget(fields?["next"])
        guard let password else { return .redirect(to: next, type: .normal) }
        guard let given = fields?["password"], constantTimeEquals(given, password) else {
            try? await Task.sleep(for: failureDelay)
            return .redirect(to: "/login?error=1&next=" + ConsoleAuthentication.percentEncoded(next), type: .normal)
        }
        var response = Response.redirect(to: next, type: .normal)
        let seconds = Int(configuration.sessionLifetime.components.seconds)
        response.setCookie(Cookie(name: ConsoleAuthentication.cookieName, value: sessions.create(), maxAge: seconds,
                                  path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    private func logout(_ request: Request) -> Response {
        if let token = request.cookies[ConsoleAuthentication.cookieName]?.value { sessions.remove(token) }
        var response = Response.redirect(to: password == nil ? "/" : "/login", type: .normal)
        response.setCookie(Cookie(name: ConsoleAuthentication.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    /// `next` when it is a path on this server (`/…`, not `//host` or `/\host`), else `/`.
    static func safeTarget(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"),
              !next.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return "/" }
        return next
    }
}
