import Dispatch
import Synchronization

/// Work started on another thread whose result is collected later: lets `IndexBuilder.finish`
/// compute the similarity sections on the cores the parse workers have left idle, while the
/// merging thread writes other sections.
final class BackgroundWork<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            let value = work()
            self.result.withLock { $0 = value }
            self.done.signal()
        }
    }

    /// Waits for the work to finish and returns its result (call once).
    func wait() -> Value {
        done.wait()
        guard let value = result.withLock({ $0.take() }) else { preconditionFailure("BackgroundWork.wait() called twice") }
        return value
    }
}
