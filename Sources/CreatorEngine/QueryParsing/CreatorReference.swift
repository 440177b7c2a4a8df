/// A creator named in `like:` or `overlap:`: `@handle` names a handle, anything else an id.
public enum CreatorReference: Sendable, Hashable {
    /// An id, exact (`tiktok:6812345`).
    case id(String)
    /// A handle without the `@`, case kept.
    case handle(String)
}
