import HTTPTypes
import Hummingbird

/// Headers on every response that keep the console's pages from being turned against their
/// users: a strict Content-Security-Policy (scripts, styles and requests only from this
/// server, no inline script or style, no plugins, no framing, forms only to this server),
/// no MIME sniffing, no Referer leaving the console, no framing by other sites.
///
/// When the server listens on loopback, a request must also name the server by a loopback
/// name in `Host` (`127.0.0.1`, `localhost`, `[::1]`): a web page elsewhere could otherwise
/// rebind its own domain to 127.0.0.1 and read the API from the user's browser (DNS rebinding).
struct SecurityHeaders: RouterMiddleware {
    typealias Context = BasicRequestContext

    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    let checksHost: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        if checksHost, !Self.isLoopbackHost(request.head.authority) {
            response = APIResponses.refused("this server answers only to a loopback name in Host (127.0.0.1, localhost, [::1])",
                                            code: "FORBIDDEN")
            response.status = .forbidden
        } else {
            response = try await next(request, context)
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.crossOriginOpenerPolicy] = "same-origin"
        response.headers[.crossOriginResourcePolicy] = "same-origin"
        return response
    }

    /// `127.0.0.1:8390`, `localhost`, `[::1]:8390`, … (no Host at all is HTTP/1.0: allowed).
    static func isLoopbackHost(_ host: String?) -> Bool {
        guard let host = host?.lowercased() else { return true }
        var name = Substring(host)
        if name.hasPrefix("[") {
            guard let close = name.firstIndex(of: "]") else { return false }
            name = name[name.index(after: name.startIndex)..<close]
            return name == "::1"
        }
        if let colon = name.lastIndex(of: ":") { name = name[..<colon] }
        if name == "localhost" { return true }
        let octets = name.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}

extension HTTPField.Name {
    // Names swift-http-types does not predefine; each literal is a valid token.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let crossOriginOpenerPolicy = HTTPField.Name("Cross-Origin-Opener-Policy")!
}
