import CreatorEngine

/// What one server process serves and how: addresses, the optional password, the index
/// folder and the limits. Shared by the RESP server and the HTTP server.
public struct ServerConfiguration: Sendable {
    /// Address of the RESP listener; loopback unless the operator asks otherwise.
    public var host: String
    /// RESP port; 0 lets the system pick a free one (the server prints the one it got).
    public var port: Int
    /// HTTP port, when the HTTP server runs too.
    public var httpPort: Int?
    /// When set, every command but AUTH, PING, QUIT (and HELLO with AUTH) answers `-NOAUTH`
    /// until the client authenticates.
    public var password: String?
    /// The folder RELOAD looks in for the newest completed index.
    public var indexDirectory: IndexDirectory
    public var limits: ServerLimits

    public init(host: String = ServerDefaults.host, port: Int = ServerDefaults.respPort, httpPort: Int? = nil,
                password: String? = nil, indexDirectory: IndexDirectory, limits: ServerLimits = .default) {
        self.host = host
        self.port = port
        self.httpPort = httpPort
        self.password = password
        self.indexDirectory = indexDirectory
        self.limits = limits
    }
}
