#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file mapped read-only into memory. The mapping lives as long as this object;
/// every `ByteView` into it is only valid while its `MappedFile` is alive.
public final class MappedFile: @unchecked Sendable {
    // Immutable after init; the mapped pages are read-only, so sharing across threads is safe.
    public let path: String
    public let count: Int
    let base: UnsafeRawPointer?

    public init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IndexError.io("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw IndexError.io("cannot stat \(path): \(String(cString: strerror(errno)))") }
        count = Int(info.st_size)
        guard count > 0 else {
            base = nil
            return
        }
        let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let mapped, mapped != MAP_FAILED else { throw IndexError.io("cannot map \(path): \(String(cString: strerror(errno)))") }
        base = UnsafeRawPointer(mapped)
        #if os(Linux)
        // Pages the kernel reads in for this mapping come in 2 MiB folios, mapped as huge
        // pages (as `FileOutput` leaves a freshly written index): far fewer TLB misses for
        // the scans and random reads of a query. Only advice: an error changes nothing.
        _ = madvise(mapped, count, MADV_HUGEPAGE)
        #endif
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
    }

    /// The whole file as a bounds-checked view.
    public var view: ByteView {
        ByteView(base: base ?? UnsafeRawPointer(bitPattern: 0x8)!, count: base == nil ? 0 : count, context: path)
    }
}
