/// Where the servers listen unless told otherwise: loopback only, on ports of their own
/// (6390 for the line protocol, beside Redis's 6379; 8390 for HTTP).
public enum ServerDefaults {
    public static let host = "127.0.0.1"
    public static let respPort = 6390
    public static let httpPort = 8390
}
