import Dispatch

/// Frees merged chunks off the merging thread.
///
/// A merged `ChunkResult` holds thousands of analysed documents, each with dozens of arrays
/// and strings; freeing them took about a tenth of the serial merging thread's time (2 % of
/// a build's CPU, all on the thread that bounds the build's speed). Handing the last
/// reference to a background queue moves that work to whichever core is free. The work
/// done is the same; only the thread changes.
enum ChunkDisposal {
    private static let queue = DispatchQueue(label: "creators.build.chunk-disposal", qos: .utility)

    /// Drops `chunk` on the background queue (the caller must hold no other reference).
    static func release(_ chunk: consuming ChunkResult) {
        let box = ChunkBox(chunk)
        queue.async { box.empty() }
    }

    /// Moves the chunk into a reference, so that the queue, not the caller, frees it.
    private final class ChunkBox: @unchecked Sendable {
        // Unchecked: only the disposal queue touches `chunk` after `init`.
        private var chunk: ChunkResult?

        init(_ chunk: consuming ChunkResult) { self.chunk = chunk }

        func empty() { chunk = nil }
    }
}
