/// How the HTTP server (JSON API and web console) listens and protects itself. Built from
/// the same `serve` options as the RESP server: one host, one password, the same limits.
public struct ConsoleHTTPConfiguration: Sendable {
    /// Address to bind; loopback unless the operator asks for more.
    public var host: String
    /// Port; 0 asks the system for a free one (the real port is reported once listening).
    public var port: Int
    /// When set, every page and API call needs a session (from the login page) or
    /// `Authorization: Bearer <password>`, as every RESP command needs `AUTH`.
    public var password: String?
    /// Largest request body (a brief, a login form), in bytes.
    public var maxBodyBytes: Int
    /// Longest request target (path and query string), in bytes.
    public var maxTargetBytes: Int
    /// Most creators in one overlap request.
    public var maxOverlapCreators: Int
    /// Most open connections; more wait in the kernel's backlog.
    public var maxConnections: Int
    /// A connection idle this long is closed.
    public var idleTimeout: Duration
    /// How long a session cookie stays valid after signing in.
    public var sessionLifetime: Duration

    public init(host: String = ServerDefaults.host, port: Int = ServerDefaults.httpPort, password: String? = nil,
                maxBodyBytes: Int = 1 << 20, maxTargetBytes: Int = 64 << 10, maxOverlapCreators: Int = 500,
                maxConnections: Int = 1024, idleTimeout: Duration = .seconds(300), sessionLifetime: Duration = .seconds(12 * 3600)) {
        self.host = host
        self.port = port
        self.password = password
        self.maxBodyBytes = maxBodyBytes
        self.maxTargetBytes = maxTargetBytes
        self.maxOverlapCreators = maxOverlapCreators
        self.maxConnections = maxConnections
        self.idleTimeout = idleTimeout
        self.sessionLifetime = sessionLifetime
    }

    /// Whether `host` is a loopback address, where only local names may be used in `Host`
    /// (so a web page cannot reach the console by rebinding its own name to 127.0.0.1).
    var bindsLoopback: Bool {
        host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
    }
}
