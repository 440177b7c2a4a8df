import Foundation

/// Runs `produce(i)` for i in 0..<count on worker threads and hands the results to
/// `consume` on the calling thread strictly in order of i, keeping at most `window` results
/// in flight (memory stays bounded however fast the workers are). The output therefore does
/// not depend on the number of threads, only on `produce`.
final class OrderedPipeline<Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var slots: [Output?]
    private var nextToClaim = 0
    private var nextToConsume = 0
    private var stopped = false

    private let count: Int
    private let window: Int

    init(count: Int, window: Int) {
        self.count = count
        self.window = max(1, window)
        slots = Array(repeating: nil, count: self.window)
    }

    /// Stops early when `consume` throws (workers finish their current item and exit).
    func run(threads: Int, produce: @escaping @Sendable (Int) -> Output, consume: (Int, Output) throws -> Void) throws {
        let workers = max(1, min(threads, count))
        let finished = DispatchGroup()
        for _ in 0..<workers {
            finished.enter()
            let thread = Thread { [self] in
                work(produce)
                finished.leave()
            }
            thread.stackSize = 4 << 20
            thread.start()
        }
        defer {
            condition.lock()
            stopped = true
            condition.broadcast()
            condition.unlock()
            finished.wait()
        }
        while true {
            condition.lock()
            guard nextToConsume < count else {
                condition.unlock()
                return
            }
            while slots[nextToConsume % window] == nil {
                condition.wait()
            }
            let index = nextToConsume
            let output = slots[index % window]
            slots[index % window] = nil
            nextToConsume += 1
            condition.broadcast()
            condition.unlock()
            if let output { try consume(index, output) }
        }
    }

    private func work(_ produce: @Sendable (Int) -> Output) {
        while true {
            condition.lock()
            while !stopped && nextToClaim < count && nextToClaim >= nextToConsume + window {
                condition.wait()
            }
            guard !stopped, nextToClaim < count else {
                condition.unlock()
                return
            }
            let index = nextToClaim
            nextToClaim += 1
            condition.unlock()

            let output = produce(index)

            condition.lock()
            slots[index % window] = output
            condition.broadcast()
            condition.unlock()
        }
    }
}
