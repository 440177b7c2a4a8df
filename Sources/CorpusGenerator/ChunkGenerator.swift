/// What the labels file needs to know about a line, with its line number relative to its
/// chunk (0-based); the writer turns it into a physical 1-based line number.
enum LabelEvent: Sendable {
    case creator(index: Int, line: Int, id: [UInt8], fraud: [FraudKind], twinID: [UInt8]?)
    case duplicate(target: Int, line: Int, id: [UInt8])
    case malformed(line: Int, reason: Malformation, detail: String)
}

/// One chunk of the dump: its bytes (gzip-compressed when asked: one gzip member per chunk),
/// and its label events.
struct ChunkOutput: Sendable {
    var bytes: [UInt8]
    var uncompressedByteCount: Int
    var lineCount: Int
    var events: [LabelEvent]
    var fraudulentCreators: Int
}

/// Makes the lines of creators `range`: each creator's line with its planned extra lines.
struct ChunkGenerator: Sendable {
    let synthesizer: CreatorSynthesizer
    let compress: Bool

    func generate(_ range: Range<Int>) -> ChunkOutput {
        let options = synthesizer.options
        var out: [UInt8] = []
        out.reserveCapacity(range.count * 6_000)
        var writer = CreatorJSONWriter()
        var events: [LabelEvent] = []
        events.reserveCapacity(range.count + 8)
        var line = 0
        var fraudulent = 0

        func emit(_ bytes: [UInt8]) {
            out.append(contentsOf: bytes)
            out.append(0x0A)
            line += 1
        }

        for index in range {
            let plan = LineGroupPlan(index: index, options: options)
            let creator = synthesizer.creator(at: index)
            if !creator.fraud.isEmpty { fraudulent += 1 }

            func emitDuplicate() {
                guard let duplicate = plan.duplicate else { return }
                var random = SplitMix64(seed: options.seed, index: UInt64(index), stream: .duplicate)
                let target = synthesizer.creator(at: duplicate.target)
                let older = SupersededVersion.make(from: target, sameTime: duplicate.sameTime, random: &random)
                writer.reset()
                writer.write(older)
                events.append(.duplicate(target: duplicate.target, line: line, id: target.id))
                emit(writer.bytes)
            }
            func emitMalformed() {
                guard let malformed = plan.malformed else { return }
                var random = SplitMix64(seed: options.seed, index: UInt64(index), stream: .malformed)
                let bad = MalformedLine(base: synthesizer.malformedBase(index), reason: malformed.reason,
                                        writer: &writer, random: &random)
                events.append(.malformed(line: line, reason: bad.reason, detail: bad.detail))
                emit(bad.bytes)
            }

            if plan.duplicate?.beforeOwnLine == true { emitDuplicate() }
            if plan.malformed?.beforeOwnLine == true { emitMalformed() }
            writer.reset()
            writer.write(creator)
            let twinID = creator.twinOf.map { synthesizer.id(of: $0) }
            events.append(.creator(index: index, line: line, id: creator.id, fraud: creator.fraud, twinID: twinID))
            emit(writer.bytes)
            if plan.duplicate?.beforeOwnLine == false { emitDuplicate() }
            if plan.malformed?.beforeOwnLine == false { emitMalformed() }
        }
        let rawCount = out.count
        let bytes = compress ? GzipMember.compress(out, level: options.gzipLevel) : out
        return ChunkOutput(bytes: bytes, uncompressedByteCount: rawCount, lineCount: line, events: events,
                           fraudulentCreators: fraudulent)
    }
}
