import Hummingbird

/// HTTP responses of the API: a command's reply → status and JSON body (the contract in
/// docs/console.md): a document → 200; unknown creator → 404; `ERR` → 400; `NOAUTH` and
/// `WRONGPASS` → 401; `BUSY` → 503; a body or query string over the limits → 413/414;
/// anything else → 500. Every error body is `APIError`'s.
enum APIResponses {
    static func reply(_ reply: ConsoleReply, query: String? = nil) -> Response {
        switch reply {
        case .document(let document):
            return json(document, status: .ok)
        case .notFound(let message):
            return error(APIError(code: "NOTFOUND", message: message), status: .notFound)
        case .failure(let code, let message):
            let location = query.flatMap { code == "ERR" ? QueryErrorLocation.of(query: $0, message: message) : nil }
            return error(APIError(code: code, message: message, queryError: location), status: status(of: code))
        }
    }

    /// The HTTP status for a protocol error code.
    static func status(of code: String) -> HTTPResponse.Status {
        switch code {
        case "ERR": .badRequest
        case "NOAUTH", "WRONGPASS": .unauthorized
        case "BUSY": .serviceUnavailable
        case "NOTFOUND": .notFound
        case "TOOLARGE": .contentTooLarge
        case "TOOLONG": .uriTooLong
        default: .internalServerError
        }
    }

    static func json(_ bytes: [UInt8], status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func error(_ error: APIError, status: HTTPResponse.Status) -> Response {
        json(error.json, status: status)
    }

    /// A refused request before any command ran (bad parameters, body too large, …).
    static func refused(_ message: String, code: String = "ERR") -> Response {
        error(APIError(code: code, message: message), status: status(of: code))
    }
}
