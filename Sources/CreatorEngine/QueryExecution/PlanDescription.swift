/// The plan as `--explain` prints it: one matcher a line, children indented, the driver
/// (the condition whose documents are listed; the others are checked on each) marked.
struct PlanDescription {
    let text: String

    init(root: DocumentMatcher, documentCount: Int) {
        var lines: [String] = []
        if root.iterationCost == .max {
            lines.append("scan all \(documentCount) documents, checking:")
        }
        Self.append(root, isDriver: root.iterationCost != .max, indent: root.iterationCost == .max ? 1 : 0, to: &lines)
        text = lines.joined(separator: "\n")
    }

    private static func append(_ matcher: DocumentMatcher, isDriver: Bool, indent: Int, to lines: inout [String]) {
        let marker = isDriver ? "▶ " : ""
        lines.append(String(repeating: "  ", count: indent) + marker + matcher.label)
        let driver = (matcher as? AndMatcher)?.driver
        for child in matcher.children {
            let childDrives = isDriver && (driver.map { $0 === child } ?? (matcher is OrMatcher))
            append(child, isDriver: childDrives, indent: indent + 1, to: &lines)
        }
    }
}
