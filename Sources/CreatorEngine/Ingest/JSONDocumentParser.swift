internal import CSimdjson

/// One simdjson DOM parser (see `csimdjson.h`): parses one JSON document at a time into a
/// document it owns. Values it returns (`csj_value`, and the string bytes they point to) are
/// valid only until the next `parse`; copy what you keep. Not thread-safe: one per thread.
final class JSONDocumentParser {
    private let handle: OpaquePointer

    init() {
        guard let handle = csj_parser_create() else { fatalError("cannot allocate a simdjson parser (out of memory)") }
        self.handle = handle
    }

    deinit { csj_parser_destroy(handle) }

    /// Parses `bytes` (no padding needed: the parser copies them into its own padded buffer).
    /// Returns the root value, or simdjson's message for invalid JSON (including invalid UTF-8).
    func parse(_ bytes: UnsafeRawBufferPointer) -> Result<csj_value, JSONSyntaxError> {
        var root = csj_value()
        let code = csj_parse(handle, bytes.baseAddress, bytes.count, &root)
        guard code == 0 else { return .failure(JSONSyntaxError(message: String(cString: csj_error_message(code)))) }
        return .success(root)
    }
}

/// simdjson's reason for refusing a document.
struct JSONSyntaxError: Error {
    var message: String
}
