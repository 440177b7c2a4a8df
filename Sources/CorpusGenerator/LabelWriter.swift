/// Writes the labels file (JSON Lines), in the order the dump's lines are written:
///
/// - one line per creator: `{"id":"tiktok:…","line":17,"fraud":["bought_followers"]}`
///   (`fraud` empty for clean creators; `"twin_of":"<id>"` added for audience twins);
/// - one per malformed line: `{"malformed_line":123,"reason":"truncated","detail":"line cut off"}`;
/// - one per superseded duplicate: `{"duplicate_id":"…","line":40,"winner_line":812}`, written
///   once both lines are known (after the winner's creator record when the duplicate comes first).
///
/// Line numbers are physical, 1-based lines of the dump file (of its decompressed bytes for
/// `.jsonl.gz`).
struct LabelWriter {
    private var json = JSONBuffer(capacity: 1 << 16)
    /// 1-based line of each creator's winning line, 0 until written.
    private var winnerLine: [Int32]
    private var waitingDuplicates: [Int: [(line: Int, id: [UInt8])]] = [:]
    private(set) var malformedLines = 0
    private(set) var duplicateLines = 0
    private(set) var fraudCounts: [FraudKind: Int] = [:]

    init(count: Int) {
        winnerLine = Array(repeating: 0, count: count)
    }

    /// Adds a chunk's events (their lines relative to `firstLine`, the chunk's first physical line).
    mutating func add(_ events: [LabelEvent], firstLine: Int) {
        for event in events {
            switch event {
            case .creator(let index, let line, let id, let fraud, let twinID):
                let physical = firstLine + line
                winnerLine[index] = Int32(physical)
                json.beginObject()
                json.key("id"); json.string(id)
                json.key("line"); json.integer(physical)
                json.key("fraud")
                json.beginArray()
                for kind in fraud {
                    json.string(kind.rawValue)
                    fraudCounts[kind, default: 0] += 1
                }
                json.endArray()
                if let twinID { json.key("twin_of"); json.string(twinID) }
                json.endObject()
                json.endLine()
                if let waiting = waitingDuplicates.removeValue(forKey: index) {
                    for duplicate in waiting { writeDuplicate(id: duplicate.id, line: duplicate.line, winner: physical) }
                }
            case .duplicate(let target, let line, let id):
                duplicateLines += 1
                let physical = firstLine + line
                let winner = Int(winnerLine[target])
                if winner > 0 {
                    writeDuplicate(id: id, line: physical, winner: winner)
                } else {
                    waitingDuplicates[target, default: []].append((physical, id))
                }
            case .malformed(let line, let reason, let detail):
                malformedLines += 1
                json.beginObject()
                json.key("malformed_line"); json.integer(firstLine + line)
                json.key("reason"); json.string(reason.rawValue)
                json.key("detail"); json.string(detail)
                json.endObject()
                json.endLine()
            }
        }
    }

    private mutating func writeDuplicate(id: [UInt8], line: Int, winner: Int) {
        json.beginObject()
        json.key("duplicate_id"); json.string(id)
        json.key("line"); json.integer(line)
        json.key("winner_line"); json.integer(winner)
        json.endObject()
        json.endLine()
    }

    /// Takes the bytes written so far.
    mutating func drain() -> [UInt8] {
        let bytes = json.bytes
        json.reset()
        return bytes
    }
}
