import Hummingbird

/// The console's pages and files, from the binary (`ConsoleAssets`): `GET`/`HEAD` of a page
/// path (`/`, `/creator`, `/brief`, `/login`) or `/assets/<name>`, with an `ETag` so the
/// browser revalidates instead of downloading again (`Cache-Control: no-cache`).
struct AssetRoutes: Sendable {
    func add(to router: Router<BasicRequestContext>) {
        for path in ConsoleAssets.pages.keys { router.get(RouterPath(path)) { request, _ in serve(request) } }
        router.get("assets/:name") { request, _ in serve(request) }
        // Browsers ask for it on their own; the console has none (and says so without a 404).
        router.get("favicon.ico") { _, _ in Response(status: .noContent) }
    }

    func serve(_ request: Request) -> Response {
        guard let asset = ConsoleAssets.asset(at: request.uri.path) else {
            return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "not found\n")))
        }
        var headers: HTTPFields = [.contentType: asset.contentType, .eTag: asset.entityTag, .cacheControl: "no-cache"]
        if request.headers[.ifNoneMatch] == asset.entityTag {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(asset.bytes.count)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }
}
