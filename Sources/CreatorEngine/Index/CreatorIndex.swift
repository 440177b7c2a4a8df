/// An opened, read-only index generation. Opening maps the file and reads only its header,
/// table and small sections; everything else is read in place when asked for. Immutable
/// and safe to share between threads; the mapping lives as long as this object.
// @unchecked: every stored property is immutable and points into the read-only mapping
// that `file` owns for the object's whole life.
public final class CreatorIndex: @unchecked Sendable {
    public let file: IndexFile
    public let meta: IndexMeta
    public var documentCount: Int { meta.documentCount }

    let ids: StringTable.Reader
    let idsSorted: UnsafeBufferPointer<UInt32>
    let handles: StringTable.Reader
    let handlesSorted: UnsafeBufferPointer<UInt32>
    public let store: DocumentStore
    private let columnViews: [ColumnValues]
    private let facetReaders: [FacetReader]
    private let textReaders: [TextFieldReader]
    private let audienceReaders: [AudienceReader]
    /// Fraud-risk levels, scores, flags and their evidence (see `Risk/`).
    public let risk: RiskReader
    private let lookalikeVectors: LookalikeVectors
    private let overlapEstimator: OverlapEstimator

    /// Opens the current generation of an index folder.
    public convenience init(directory: IndexDirectory) throws {
        try self.init(path: try directory.currentIndexPath())
    }

    /// Opens one index file.
    public init(path: String) throws {
        let file = try IndexFile(path: path)
        self.file = file
        let meta = try IndexMeta.decode(try file.section("meta").buffer)
        self.meta = meta
        guard meta.formatVersion == Int(IndexFileFormat.version), meta.sketchBuckets == AudienceSketch.bucketCount else {
            throw IndexError.incompatible("\(path) was written with a different layout")
        }
        let count = meta.documentCount
        ids = try StringTable.Reader(try file.section("ids"))
        handles = try StringTable.Reader(try file.section("handles"))
        guard ids.count == count, handles.count == count else { throw IndexError.corrupt("\(path): id table does not match the document count") }
        idsSorted = try file.section("ids.sorted").array(of: UInt32.self, at: 0, count: count)
        handlesSorted = try file.section("handles.sorted").array(of: UInt32.self, at: 0, count: count)
        guard idsSorted.allSatisfy({ Int($0) < count }), handlesSorted.allSatisfy({ Int($0) < count }) else {
            throw IndexError.corrupt("\(path): sorted id table points outside the index")
        }
        store = try DocumentStore(file: file, documentCount: count)
        columnViews = try NumericColumn.allCases.map { try ColumnValues(file.section("column.\($0.rawValue)"), documentCount: count) }
        facetReaders = try Facet.allCases.map { try FacetReader(facet: $0, file: file, documentCount: count) }
        textReaders = try TextField.allCases.map { try TextFieldReader(field: $0, file: file, documentCount: count) }
        audienceReaders = try AudienceDimension.allCases.map { try AudienceReader(dimension: $0, file: file, documentCount: count) }
        risk = try RiskReader(file: file, documentCount: count)
        lookalikeVectors = try LookalikeVectors(file: file, documentCount: count)
        overlapEstimator = try OverlapEstimator(file: file, documentCount: count,
                                                sampleSizes: columnViews[NumericColumn.allCases.firstIndex(of: .sampleSize) ?? 0])
    }

    // MARK: - Identity

    public func id(of document: Int) -> String { ids[document] }
    public func handle(of document: Int) -> String { handles[document] }

    /// The document with this exact id.
    public func document(withID id: String) -> Int? {
        var low = 0, high = documentCount
        while low < high {
            let middle = (low + high) / 2
            let candidate = ids[Int(idsSorted[middle])]
            if candidate == id { return Int(idsSorted[middle]) }
            if candidate.utf8.lexicographicallyPrecedes(id.utf8) { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Documents whose handle equals `handle` ignoring case and a leading `@`; one creator
    /// may use the same handle on several platforms.
    public func documents(withHandle handle: String) -> [Int] {
        let key = (handle.hasPrefix("@") ? String(handle.dropFirst()) : handle).lowercased()
        var low = 0, high = documentCount
        while low < high {
            let middle = (low + high) / 2
            if handles[Int(handlesSorted[middle])].lowercased().utf8.lexicographicallyPrecedes(key.utf8) { low = middle + 1 } else { high = middle }
        }
        var found: [Int] = []
        while low < documentCount, handles[Int(handlesSorted[low])].lowercased() == key {
            found.append(Int(handlesSorted[low]))
            low += 1
        }
        return found
    }

    /// Resolves what a user types for one creator: an exact id, or `@handle`.
    public func resolve(_ reference: String) -> [Int] {
        if !reference.hasPrefix("@"), let document = document(withID: reference) { return [document] }
        return documents(withHandle: reference)
    }

    // MARK: - Fields

    /// The column's values by document, `nan` where unknown.
    public func column(_ column: NumericColumn) -> ColumnValues {
        columnViews[NumericColumn.allCases.firstIndex(of: column) ?? 0]
    }

    public func facet(_ facet: Facet) -> FacetReader { facetReaders[Facet.allCases.firstIndex(of: facet) ?? 0] }
    public func text(_ field: TextField) -> TextFieldReader { textReaders[TextField.allCases.firstIndex(of: field) ?? 0] }
    public func audience(_ dimension: AudienceDimension) -> AudienceReader {
        audienceReaders[AudienceDimension.allCases.firstIndex(of: dimension) ?? 0]
    }

    /// The creator's audience sketch (every bucket `AudienceSketch.empty` without a sample).
    public func sketch(of document: Int) -> UnsafeBufferPointer<UInt16> { overlapEstimator.sketch(of: document) }

    /// Lookalike vectors: similarity between creators (`like:`).
    public var lookalike: LookalikeVectors { lookalikeVectors }
    /// Estimated audience overlap between creators (`overlap:`).
    public var overlap: OverlapEstimator { overlapEstimator }

    /// The creator's display JSON (see `StoredProfile`).
    public func storedJSON(of document: Int) throws -> [UInt8] { try store.json(of: document, fields: IndexedRecordFields(index: self, document: document)) }

    /// Checks every checksum in the file, including the large sections opening skips.
    public func verify() throws { try file.verifyAll() }
}
