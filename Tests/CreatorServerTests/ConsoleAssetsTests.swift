import Foundation
import Testing
@testable import CreatorServer

@Suite struct ConsoleAssetsTests {
    /// Sources/CreatorServer/Console/assets, found from this file's path.
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/CreatorServer/Console/assets")

    @Test func embeddedAssetsMatchTheirSources() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
            .filter { [".html", ".css", ".js"].contains(where: $0.hasSuffix) }.sorted()
        #expect(!names.isEmpty)
        #expect(ConsoleAssets.byName.keys.sorted() == names, "run scripts/embed-console-assets.py")
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: Self.sources.appendingPathComponent(name)))
            #expect(ConsoleAssets.byName[name]?.bytes == bytes, "\(name) differs from its source: run scripts/embed-console-assets.py")
        }
    }

    @Test func everyPageAndScriptReferenceResolves() throws {
        for page in ConsoleAssets.pages.values {
            let html = try #require(ConsoleAssets.byName[page]).bytes
            let text = String(decoding: html, as: UTF8.self)
            // No inline script or style: the Content-Security-Policy would refuse them.
            #expect(!text.contains("<style"), "\(page)")
            #expect(!text.contains(" style="), "\(page)")
            #expect(!text.contains(" onclick="), "\(page)")
            for match in text.matches(of: /(?:src|href)="(\/assets\/[^"]+)"/) {
                #expect(ConsoleAssets.asset(at: String(match.1)) != nil, "\(page) names \(match.1)")
            }
            #expect(text.matches(of: /<script(?![^>]*src=)/).isEmpty, "\(page) has an inline script")
        }
        for (name, asset) in ConsoleAssets.byName where name.hasSuffix(".js") {
            let text = String(decoding: asset.bytes, as: UTF8.self)
            #expect(!text.contains(".innerHTML") && !text.contains(".outerHTML"), "\(name) sets innerHTML")
            #expect(!text.contains("insertAdjacentHTML") && !text.contains("document.write") && !text.contains("eval("), "\(name)")
            for match in text.matches(of: /from '\.\/([^']+)'/) {
                #expect(ConsoleAssets.byName[String(match.1)] != nil, "\(name) imports \(match.1)")
            }
        }
    }

    /// Each page preloads exactly the modules its script imports (directly or not), so the
    /// browser fetches them at once instead of one import level at a time.
    @Test func pagesPreloadTheModulesTheirScriptImports() throws {
        func imports(of name: String, into found: inout Set<String>) {
            guard let asset = ConsoleAssets.byName[name] else { return }
            for match in String(decoding: asset.bytes, as: UTF8.self).matches(of: /from '\.\/([^']+)'/) {
                let module = String(match.1)
                if found.insert(module).inserted { imports(of: module, into: &found) }
            }
        }
        for page in ConsoleAssets.pages.values {
            let html = String(decoding: try #require(ConsoleAssets.byName[page]).bytes, as: UTF8.self)
            let entry = try #require(html.firstMatch(of: /<script type="module" src="\/assets\/([^"]+)"/)).1
            var expected = Set<String>()
            imports(of: String(entry), into: &expected)
            let preloaded = Set(html.matches(of: /<link rel="modulepreload" href="\/assets\/([^"]+)">/).map { String($0.1) })
            #expect(preloaded == expected, "\(page)")
        }
    }
}
