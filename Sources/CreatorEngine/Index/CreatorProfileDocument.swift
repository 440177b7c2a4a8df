/// The documents that describe one creator, shared by the command line (`creators get`,
/// `creators risk --json`) and the servers (`GET`, `RISK`), so every front end answers
/// with the same JSON.
extension CreatorIndex {
    /// The stored profile (which carries its `tier`) with its risk report added as the last
    /// member, `"risk": {"level", "score", "flags", …evidence}` (`RiskReport.json`).
    public func profileDocument(of document: Int) throws -> [UInt8] {
        let stored = try storedJSON(of: document)
        guard stored.last == UInt8(ascii: "}") else { return stored }
        let report = risk.report(of: document).json
        var bytes = stored.dropLast()
        bytes.reserveCapacity(stored.count + report.count + 10)
        if bytes.last != UInt8(ascii: "{") { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: #""risk":"#.utf8)
        bytes.append(contentsOf: report)
        bytes.append(UInt8(ascii: "}"))
        return Array(bytes)
    }

    /// `{"id", "handle", "risk": RiskReport.json}`: one creator's risk report with its identity.
    public func riskDocument(of document: Int) -> [UInt8] {
        var object = JSONWriter(reservingCapacity: 1024)
        object.beginObject()
        object.key("id"); object.value(id(of: document))
        object.key("handle"); object.value(handle(of: document))
        object.key("risk"); object.raw(risk.report(of: document).json)
        object.endObject()
        return object.bytes
    }

    /// The message every front end gives for a reference that names no creator.
    public static func unknownCreatorMessage(_ reference: String) -> String {
        "no creator with id or handle '\(reference)'"
    }
}
