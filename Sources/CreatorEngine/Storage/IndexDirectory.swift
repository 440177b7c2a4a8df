#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder that holds an index's generations and says which one is current.
///
/// ```
/// index/
///   CURRENT                     the file name of the current generation, one line
///   gen-000007.cidx             the current generation
///   gen-000007.rejects.jsonl    the lines its build rejected
///   gen-000006.cidx             the previous generation, kept so readers that still
///                               have it open (a server mid-RELOAD) finish on it
///   gen-000008.cidx.partial     a build in progress (or one that was killed)
///   build.lock                  held by the running build
/// ```
/// A build writes `gen-N.cidx.partial`, syncs it, renames it to `gen-N.cidx`, then
/// replaces `CURRENT` by writing `CURRENT.tmp` and renaming it over (both renames are
/// atomic on POSIX file systems). A build killed at any point therefore leaves `CURRENT`
/// naming the previous, complete generation.
public struct IndexDirectory: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    public static let currentFileName = "CURRENT"
    static let generationPrefix = "gen-"
    static let indexSuffix = ".cidx"
    static let partialSuffix = ".partial"

    public func file(_ name: String) -> String { path.hasSuffix("/") ? path + name : path + "/" + name }

    /// The path of the current generation's index file.
    public func currentIndexPath() throws -> String {
        let pointer = file(Self.currentFileName)
        guard let contents = try? Self.readSmallFile(pointer) else { throw IndexError.missing(directory: path) }
        let name = contents.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        guard name.hasPrefix(Self.generationPrefix), name.hasSuffix(Self.indexSuffix), !name.contains("/") else {
            throw IndexError.corrupt("\(pointer) names '\(name)', which is not an index generation")
        }
        return file(name)
    }

    public var hasCurrentIndex: Bool { (try? currentIndexPath()) != nil }

    /// A new generation's paths; the folder is created when missing.
    public func newGeneration() throws -> Generation {
        try createIfMissing()
        let next = (existingGenerations().max() ?? 0) + 1
        var number = String(next)
        number = String(repeating: "0", count: max(0, 6 - number.count)) + number
        let base = Self.generationPrefix + number
        return Generation(directory: self, number: next, name: base + Self.indexSuffix,
                          partialPath: file(base + Self.indexSuffix + Self.partialSuffix),
                          finalPath: file(base + Self.indexSuffix), rejectsPath: file(base + ".rejects.jsonl"))
    }

    /// The files of one generation being built.
    public struct Generation: Sendable {
        public let directory: IndexDirectory
        public let number: Int
        public let name: String
        public let partialPath: String
        public let finalPath: String
        public let rejectsPath: String

        /// Makes this generation current: renames the finished file into place and
        /// atomically points `CURRENT` at it. Older generations but the previous one are removed.
        public func publish() throws {
            try directory.rename(partialPath, to: finalPath)
            let temporary = directory.file(IndexDirectory.currentFileName + ".tmp")
            let output = try FileOutput(creating: temporary)
            try output.write(Array((name + "\n").utf8))
            try output.close()
            try directory.rename(temporary, to: directory.file(IndexDirectory.currentFileName))
            directory.syncFolder()
            directory.removeGenerations(olderThan: number - 1)
        }

        /// Removes what a failed build left.
        public func discard() {
            unlink(partialPath)
        }
    }

    /// Holds `build.lock` so two builds never write one folder at once.
    public func lockForBuild() throws -> BuildLock {
        try createIfMissing()
        let lockPath = file("build.lock")
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IndexError.io("cannot open \(lockPath): \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            _ = Glibc.close(fd)
            throw IndexError.io("another build is running in \(path) (it holds \(lockPath))")
        }
        // Partial files can only be left by builds that no longer run: we hold the lock.
        for name in listing() where name.hasSuffix(Self.partialSuffix) || name == Self.currentFileName + ".tmp" {
            unlink(file(name))
        }
        return BuildLock(fd: fd)
    }

    /// Released when dropped.
    public final class BuildLock {
        let fd: Int32
        init(fd: Int32) { self.fd = fd }
        deinit {
            flock(fd, LOCK_UN)
            close(fd)
        }
    }

    // MARK: - File system helpers

    func createIfMissing() throws {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw IndexError.io("\(path) exists and is not a folder") }
            return
        }
        // Create intermediate folders too.
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component + "/"
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw IndexError.io("cannot create \(prefix): \(String(cString: strerror(errno)))")
            }
        }
    }

    func listing() -> [String] {
        guard let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    func existingGenerations() -> [Int] {
        listing().compactMap { name in
            guard name.hasPrefix(Self.generationPrefix) else { return nil }
            let digits = name.dropFirst(Self.generationPrefix.count).prefix { $0.isNumber }
            return Int(digits)
        }
    }

    func removeGenerations(olderThan keep: Int) {
        for name in listing() where name.hasPrefix(Self.generationPrefix) {
            let digits = name.dropFirst(Self.generationPrefix.count).prefix { $0.isNumber }
            if let number = Int(digits), number < keep { unlink(file(name)) }
        }
    }

    func rename(_ from: String, to destination: String) throws {
        #if canImport(Glibc)
        let result = Glibc.rename(from, destination)
        #else
        let result = Darwin.rename(from, destination)
        #endif
        guard result == 0 else { throw IndexError.io("cannot rename \(from) to \(destination): \(String(cString: strerror(errno)))") }
    }

    func syncFolder() {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    static func readSmallFile(_ path: String) throws -> String {
        let mapped = try MappedFile(path: path)
        return String(decoding: mapped.view.buffer, as: UTF8.self)
    }
}
