import Foundation

/// Turns the paths a user gives into the dump files to read, in a deterministic order (the
/// order matters: between duplicates with equal `updated_at`, the later file wins).
public enum DumpDiscovery {
    /// Expands `paths` into dump files. A file is taken as is, whatever its name (see
    /// `DumpFile.init(path:)`). A folder is searched recursively for `*.jsonl` and
    /// `*.jsonl.gz`, its files sorted by path (byte-wise, whatever the locale). The order of
    /// `paths` is kept; a file reached twice is read once, at its first place.
    ///
    /// - Throws: `IngestError.pathNotFound` for a path that does not exist,
    ///   `IngestError.noDumpFiles` for a folder with no dump file at any depth.
    public static func files(_ paths: [String]) throws -> [DumpFile] {
        var files: [DumpFile] = []
        var seen: Set<String> = []
        func add(_ file: DumpFile) {
            let key = URL(fileURLWithPath: file.path).standardizedFileURL.path
            if seen.insert(key).inserted { files.append(file) }
        }
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw IngestError.pathNotFound(path)
            }
            if isFolder.boolValue {
                let found = try dumpFiles(inFolder: path)
                guard !found.isEmpty else { throw IngestError.noDumpFiles(folder: path) }
                found.forEach(add)
            } else {
                add(try DumpFile(path: path))
            }
        }
        return files
    }

    /// Whether a file found in a folder is a dump file, by its name.
    public static func isDumpFileName(_ name: String) -> Bool {
        name.hasSuffix(".jsonl") || name.hasSuffix(".jsonl.gz")
    }

    private static func dumpFiles(inFolder folder: String) throws -> [DumpFile] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw IngestError.io(path: folder, reason: "cannot list folder")
        }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard isDumpFileName(relative) else { continue }
            let path = prefix + relative
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            paths.append(path)
        }
        paths.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return try paths.map { try DumpFile(path: $0) }
    }
}
