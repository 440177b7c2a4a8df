/// The web console's files, embedded in the binary (`ConsoleAssets+Embedded.swift`, written
/// by `scripts/embed-console-assets.py` from `Console/assets/`), and the pages' paths.
///
/// Embedded rather than SwiftPM resources: resources live in a bundle folder beside the
/// build's executable, which an installed or copied `creators` binary leaves behind, and
/// reading them needs Foundation's `Bundle`. A binary that carries its console works from
/// anywhere (docs/console.md).
public enum ConsoleAssets {
    /// The assets by file name.
    public static let byName: [String: ConsoleAsset] = {
        var assets: [String: ConsoleAsset] = [:]
        for (name, text) in embedded { assets[name] = ConsoleAsset(name: name, bytes: Array(text.utf8)) }
        return assets
    }()

    /// The pages: URL path → the HTML file served there.
    public static let pages: [String: String] = [
        "/": "index.html",
        "/creator": "creator.html",
        "/brief": "brief.html",
        "/login": "login.html",
    ]

    /// The asset served at `path`: a page's path, or `/assets/<name>` for scripts and styles.
    public static func asset(at path: String) -> ConsoleAsset? {
        if let page = pages[path] { return byName[page] }
        let prefix = "/assets/"
        guard path.hasPrefix(prefix) else { return nil }
        let name = String(path.dropFirst(prefix.count))
        guard !name.hasSuffix(".html") else { return nil }
        return byName[name]
    }
}
