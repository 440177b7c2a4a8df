import Hummingbird

/// The password gate of the console and the API, as `AUTH` gates the protocol. With no
/// password configured everything is open. With one, a request is let through when it
/// carries a live session cookie (set by the login page: HttpOnly, SameSite=Strict) or
/// `Authorization: Bearer <password>` (for scripts and `curl`). Otherwise the API answers
/// 401 with `NOAUTH` and a page redirects to the login page. The login page and what it
/// loads are always open.
struct ConsoleAuthentication: RouterMiddleware {
    typealias Context = BasicRequestContext

    static let cookieName = "creators_session"
    /// What the login page needs before anyone has signed in.
    static let openPaths: Set<String> = ["/login", "/assets/console.css", "/assets/login.js", "/favicon.ico"]

    let password: String?
    let sessions: SessionStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard password != nil, !Self.openPaths.contains(request.uri.path), !isAuthenticated(request) else {
            return try await next(request, context)
        }
        if request.uri.path.hasPrefix("/api/") {
            var response = APIResponses.refused("NOAUTH Authentication required.", code: "NOAUTH")
            response.headers[.wwwAuthenticate] = "Bearer realm=\"creators\""
            return response
        }
        let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        return Response.redirect(to: "/login?next=" + Self.percentEncoded(target), type: .found)
    }

    func isAuthenticated(_ request: Request) -> Bool {
        guard let password else { return true }
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            return constantTimeEquals(String(authorization.dropFirst("Bearer ".count)), password)
        }
        if let token = request.cookies[Self.cookieName]?.value {
            return sessions.isValid(token)
        }
        return false
    }

    /// Percent-encodes everything but unreserved characters (for a `next=` parameter).
    static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
                 UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = String(byte, radix: 16, uppercase: true)
                result += "%" + (digits.count == 1 ? "0" : "") + digits
            }
        }
        return result
    }
}
