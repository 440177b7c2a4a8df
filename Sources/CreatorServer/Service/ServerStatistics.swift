import CreatorEngine
import Synchronization

/// Counters of one server process, shared by every connection and both transports:
/// connections (open, accepted, refused), commands served and failed, and latency
/// percentiles per command. Thread-safe; recording takes one short lock.
public final class ServerStatistics: Sendable {
    private struct Counters {
        var commands: [String: CommandCounters] = [:]
        var served: UInt64 = 0
        var failed: UInt64 = 0
        var openConnections = 0
        var acceptedConnections: UInt64 = 0
        var refusedConnections: UInt64 = 0
        var protocolErrors: UInt64 = 0
    }

    private struct CommandCounters {
        var failed: UInt64 = 0
        var latency = LatencyHistogram()
    }

    private let counters = Mutex(Counters())
    private let clock = ContinuousClock()
    public let startedAt: ContinuousClock.Instant

    public init() { startedAt = ContinuousClock.now }

    /// Records one served command (its upper-case name) and how long it took.
    public func record(command: String, duration: Duration, failed: Bool) {
        let microseconds = Self.microseconds(duration)
        counters.withLock { counters in
            counters.served += 1
            if failed { counters.failed += 1 }
            counters.commands[command, default: CommandCounters()].latency.record(microseconds: microseconds)
            if failed { counters.commands[command]?.failed += 1 }
        }
    }

    /// One served command, for `record(_:)`.
    public struct Sample: Sendable {
        public var command: String
        public var microseconds: Double
        public var failed: Bool

        public init(command: String, microseconds: Double, failed: Bool) {
            self.command = command
            self.microseconds = microseconds
            self.failed = failed
        }
    }

    /// Records a batch of served commands under one lock (a connection's pipelined batch);
    /// runs of the same command touch its table entry once.
    public func record(_ samples: [Sample]) {
        guard !samples.isEmpty else { return }
        counters.withLock { counters in
            var position = 0
            while position < samples.count {
                let name = samples[position].command
                var entry = counters.commands.removeValue(forKey: name) ?? CommandCounters()
                while position < samples.count, samples[position].command == name {
                    let sample = samples[position]
                    entry.latency.record(microseconds: sample.microseconds)
                    counters.served += 1
                    if sample.failed {
                        entry.failed += 1
                        counters.failed += 1
                    }
                    position += 1
                }
                counters.commands[name] = entry
            }
        }
    }

    /// A connection was accepted; returns the number of open connections with this one.
    @discardableResult
    public func connectionOpened() -> Int {
        counters.withLock { counters in
            counters.openConnections += 1
            counters.acceptedConnections += 1
            return counters.openConnections
        }
    }

    public func connectionClosed() {
        counters.withLock { $0.openConnections -= 1 }
    }

    /// A connection was refused because the server had `maxConnections` open.
    public func connectionRefused() {
        counters.withLock { $0.refusedConnections += 1 }
    }

    public func protocolError() {
        counters.withLock { $0.protocolErrors += 1 }
    }

    public var openConnections: Int { counters.withLock { $0.openConnections } }
    public var commandsServed: UInt64 { counters.withLock { $0.served } }
    public var commandsFailed: UInt64 { counters.withLock { $0.failed } }

    /// Latency percentiles of one command, in microseconds (nil when it was never served).
    public func latency(of command: String) -> (count: UInt64, p50: Double, p90: Double, p99: Double, p999: Double, max: Double)? {
        counters.withLock { counters in
            guard let entry = counters.commands[command] else { return nil }
            let histogram = entry.latency
            return (histogram.total, histogram.percentile(0.5), histogram.percentile(0.9), histogram.percentile(0.99),
                    histogram.percentile(0.999), histogram.maximumMicroseconds)
        }
    }

    /// The server half of the STATS document.
    public func write(to json: inout JSONWriter) {
        let snapshot = counters.withLock { $0 }
        json.beginObject()
        json.key("uptime_s"); json.value((Self.microseconds(clock.now - startedAt) / 1e6 * 1000).rounded() / 1000)
        json.key("connections")
        json.beginObject()
        json.key("open"); json.value(snapshot.openConnections)
        json.key("accepted"); json.value(Int64(snapshot.acceptedConnections))
        json.key("refused"); json.value(Int64(snapshot.refusedConnections))
        json.key("protocol_errors"); json.value(Int64(snapshot.protocolErrors))
        json.endObject()
        json.key("commands_served"); json.value(Int64(snapshot.served))
        json.key("errors"); json.value(Int64(snapshot.failed))
        json.key("commands")
        json.beginObject()
        for (name, entry) in snapshot.commands.sorted(by: { $0.key < $1.key }) {
            let histogram = entry.latency
            json.key(name)
            json.beginObject()
            json.key("calls"); json.value(Int64(histogram.total))
            json.key("errors"); json.value(Int64(entry.failed))
            json.key("latency_us")
            json.beginObject()
            json.key("p50"); json.value(Self.rounded(histogram.percentile(0.5)))
            json.key("p90"); json.value(Self.rounded(histogram.percentile(0.9)))
            json.key("p99"); json.value(Self.rounded(histogram.percentile(0.99)))
            json.key("p999"); json.value(Self.rounded(histogram.percentile(0.999)))
            json.key("max"); json.value(Self.rounded(histogram.maximumMicroseconds))
            json.endObject()
            json.endObject()
        }
        json.endObject()
        json.endObject()
    }

    static func microseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1e6 + Double(attoseconds) / 1e12
    }

    private static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}
