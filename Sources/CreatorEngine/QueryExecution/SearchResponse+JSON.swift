/// The JSON documents of search results, shared by `creators search --json` and the
/// server's `SEARCH`/`EXPLAIN` (`protocol.md`):
/// `{"total": n, "took_ms": t, "hits": [{id, handle, platform, country, followers, tier, er, score, risk, flags}]}`.
extension Searcher {
    /// The response as the protocol's JSON document.
    public func json(_ response: SearchResponse) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 256 + response.hits.count * 256)
        writer.beginObject()
        writeHeader(response, to: &writer)
        writer.key("hits")
        writer.beginArray()
        for hit in response.hits { writeHit(hit, parts: false, to: &writer) }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }

    /// The explanation as JSON: the parse tree and plan as text, then the response with
    /// each hit's score parts.
    public func json(_ explanation: SearchExplanation) -> [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("query", explanation.query.root?.queryText ?? "")
        writer.field("parse_tree", explanation.query.description)
        writer.field("plan", explanation.plan)
        writeHeader(explanation.response, to: &writer)
        writer.key("hits")
        writer.beginArray()
        for hit in explanation.response.hits { writeHit(hit, parts: true, to: &writer) }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }

    private func writeHeader(_ response: SearchResponse, to writer: inout JSONWriter) {
        writer.field("total", Int64(response.total))
        writer.field("took_ms", (response.tookMilliseconds * 1000).rounded() / 1000)
    }

    private func writeHit(_ hit: SearchHit, parts: Bool, to writer: inout JSONWriter) {
        let summary = self.summary(of: hit.document)
        writer.beginObject()
        summary.writeIdentity(to: &writer)
        writer.field("score", hit.score.roundedToFourDecimals)
        summary.writeRisk(to: &writer)
        if parts {
            writer.key("score_parts")
            writer.beginArray()
            for part in hit.parts {
                writer.beginObject()
                writer.field("kind", part.kind.rawValue)
                writer.field("label", part.label)
                writer.field("value", part.value.roundedToFourDecimals)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.endObject()
    }
}
