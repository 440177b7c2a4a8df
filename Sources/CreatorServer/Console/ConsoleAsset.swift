/// One file of the web console (a page, a script, the stylesheet), served from the binary.
public struct ConsoleAsset: Sendable {
    /// The file name in `Console/assets/` (`index.html`, `search.js`).
    public let name: String
    /// Its exact bytes.
    public let bytes: [UInt8]
    /// The `Content-Type` it is served with.
    public let contentType: String
    /// A strong validator for `ETag`/`If-None-Match`: FNV-1a of the bytes, in hex.
    public let entityTag: String

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        self.contentType = Self.contentType(of: name)
        self.entityTag = "\"" + String(Self.fingerprint(bytes), radix: 16) + "\""
    }

    /// Every asset is text in UTF-8; the type follows the extension.
    static func contentType(of name: String) -> String {
        if name.hasSuffix(".html") { return "text/html; charset=utf-8" }
        if name.hasSuffix(".css") { return "text/css; charset=utf-8" }
        if name.hasSuffix(".js") { return "text/javascript; charset=utf-8" }
        return "application/octet-stream"
    }

    /// 64-bit FNV-1a: enough to tell versions of a file apart (not a security measure).
    static func fingerprint(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
