import Foundation

/// Reads the free texts (bios and post captions) of a JSONL dump from its start, for
/// benchmark samples. Uses Foundation's JSON reader: slow, but only in setup.
enum DumpTexts {
    /// Calls `body(text, isCaption)` for each bio and caption, line by line, until it returns
    /// false or the dump ends. Lines that are not JSON objects (the generator writes some on
    /// purpose) are skipped.
    static func forEachText(in dump: String, _ body: (String, Bool) -> Bool) throws {
        guard let handle = FileHandle(forReadingAtPath: dump) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: dump])
        }
        defer { try? handle.close() }
        var pending = Data()
        while true {
            let block = handle.readData(ofLength: 4 << 20)
            let atEnd = block.isEmpty
            pending.append(block)
            var lineStart = pending.startIndex
            while let newline = pending[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? (atEnd && lineStart < pending.endIndex ? pending.endIndex : nil) {
                let line = pending[lineStart..<newline]
                lineStart = newline < pending.endIndex ? newline + 1 : newline
                guard let object = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] else { continue }
                if let bio = object["bio"] as? String, !bio.isEmpty, !body(bio, false) { return }
                for post in object["recent_posts"] as? [[String: Any]] ?? [] {
                    if let caption = post["caption"] as? String, !caption.isEmpty, !body(caption, true) { return }
                }
            }
            pending = Data(pending[lineStart...])
            if atEnd { return }
        }
    }
}
