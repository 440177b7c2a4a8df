import Foundation

/// Ground truth for evaluating the risk flags: the generator's labels file (JSON Lines),
/// whose creator lines are `{"id": "...", "line": n, "fraud": ["bought_followers", ...]}`.
/// Other lines (malformed lines, superseded duplicates) carry no creator verdict and are skipped.
public struct RiskLabels: Sendable {
    /// Labelled creators by id, with their fraud kinds (empty when clean).
    public var kinds: [String: RiskFlags]
    /// Kinds named in the file that are no `RiskFlag`, with how often they occur.
    public var unknownKinds: [String: Int]

    public init(kinds: [String: RiskFlags], unknownKinds: [String: Int] = [:]) {
        self.kinds = kinds
        self.unknownKinds = unknownKinds
    }

    public init(contentsOfFile path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RiskLabelsError("cannot read the labels file \(path)")
        }
        try self.init(jsonLines: data, source: path)
    }

    public init(jsonLines data: Data, source: String = "labels") throws {
        kinds = [:]
        unknownKinds = [:]
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw RiskLabelsError("\(source):\(lineNumber): not a JSON object")
            }
            guard let id = object["id"] as? String, let fraud = object["fraud"] else { continue }
            guard let names = fraud as? [String] else { throw RiskLabelsError("\(source):\(lineNumber): \"fraud\" is not a list of names") }
            var flags = RiskFlags()
            for name in names {
                if let flag = RiskFlag(rawValue: name) { flags.insert(RiskFlags(flag)) } else { unknownKinds[name, default: 0] += 1 }
            }
            kinds[id] = flags
        }
    }
}

/// A labels file that cannot be read.
public struct RiskLabelsError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
