import Hummingbird

/// The JSON API: one route per protocol command, answering the same documents
/// (docs/console.md lists them with their status codes).
///
/// | route | command |
/// |---|---|
/// | `GET /api/search?q=…` | `SEARCH` |
/// | `GET /api/explain?q=…` | `EXPLAIN` |
/// | `POST /api/match` (brief JSON body) | `MATCH` |
/// | `GET /api/creators/{id or @handle}` | `GET` |
/// | `GET /api/creators/{id or @handle}/risk` | `RISK` |
/// | `GET /api/overlap?ids=a,b,c` (or `id=a&id=b`, for ids holding commas) | `OVERLAP` |
/// | `GET /api/stats` | `STATS` |
struct APIRoutes: Sendable {
    let backend: any ConsoleBackend
    let configuration: ConsoleHTTPConfiguration

    func add(to router: Router<BasicRequestContext>) {
        let api = router.group("api")
        api.get("search") { request, _ in await query(request, run: backend.search) }
        api.get("explain") { request, _ in await query(request, run: backend.explain) }
        api.post("match") { request, _ in try await match(request) }
        api.get("creators/:reference") { _, context in await creator(context, run: backend.get) }
        api.get("creators/:reference/risk") { _, context in await creator(context, run: backend.risk) }
        api.get("overlap") { request, _ in await overlap(request) }
        api.get("stats") { _, _ in APIResponses.reply(await backend.stats()) }
        // Any other API path: a JSON 404 rather than the router's empty one.
        for method in [HTTPRequest.Method.get, .post, .put, .delete, .patch] {
            api.on("**", method: method) { request, _ in
                APIResponses.error(APIError(code: "NOTFOUND", message: "no API endpoint \(request.method) \(request.uri.path)"),
                                   status: .notFound)
            }
        }
    }

    private func query(_ request: Request, run: (String) async -> ConsoleReply) async -> Response {
        if let tooLong = tooLong(request) { return tooLong }
        guard let fields = FormFields(request.uri.query) else {
            return APIResponses.refused("the query string is not valid percent-encoded UTF-8")
        }
        guard let text = fields["q"] else { return APIResponses.refused("missing parameter 'q' (the query)") }
        return APIResponses.reply(await run(text), query: text)
    }

    private func match(_ request: Request) async throws -> Response {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: configuration.maxBodyBytes)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return APIResponses.refused("the brief is larger than \(configuration.maxBodyBytes) bytes", code: "TOOLARGE")
        }
        return APIResponses.reply(await backend.match(Array(buffer: body)))
    }

    private func creator(_ context: BasicRequestContext, run: (String) async -> ConsoleReply) async -> Response {
        guard let raw = context.parameters.get("reference"),
              let reference = FormDecoding.decode(raw, plusIsSpace: false), !reference.isEmpty else {
            return APIResponses.refused("the creator reference is not valid percent-encoded UTF-8")
        }
        return APIResponses.reply(await run(reference))
    }

    private func overlap(_ request: Request) async -> Response {
        if let tooLong = tooLong(request) { return tooLong }
        guard let fields = FormFields(request.uri.query) else {
            return APIResponses.refused("the query string is not valid percent-encoded UTF-8")
        }
        let references = fields.all("ids").flatMap { $0.split(separator: ",").map(String.init) } + fields.all("id")
        let cleaned = references.map { $0.trimmingPrefix(while: { $0 == " " }) }.filter { !$0.isEmpty }.map(String.init)
        guard cleaned.count >= 2 else { return APIResponses.refused("give at least two creators: ?ids=a,b") }
        guard cleaned.count <= configuration.maxOverlapCreators else {
            return APIResponses.refused("at most \(configuration.maxOverlapCreators) creators in one overlap request")
        }
        return APIResponses.reply(await backend.overlap(cleaned))
    }

    /// A query string longer than the inline-command limit is refused (414), as RESP
    /// refuses a longer inline command.
    private func tooLong(_ request: Request) -> Response? {
        guard let query = request.uri.query, query.utf8.count > configuration.maxTargetBytes else { return nil }
        return APIResponses.refused("the query string is longer than \(configuration.maxTargetBytes) bytes", code: "TOOLONG")
    }
}
