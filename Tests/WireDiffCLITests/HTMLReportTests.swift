import Foundation
import Testing
@testable import WireDiffCLI
import WireDiff

/// `chromium` on PATH, if any (Debian's package; `.ci/run` installs it).
let chromiumPath: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
        for name in ["chromium", "chromium-browser"] {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
    }
    return nil
}()

/// Runs headless chromium on `file` with `arguments`, killed after `seconds`; returns stdout.
func runChromium(_ arguments: [String], file: URL, seconds: Int = 60) throws -> (code: Int32, stdout: String) {
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("wirediff-chromium-\(getpid())-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
    process.arguments = ["--kill-after=5", String(seconds), chromiumPath!, "--headless", "--no-sandbox", "--disable-gpu",
                         "--user-data-dir=\(profile.path)"] + arguments + [file.absoluteString]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite struct HTMLReportTests {
    static let hostileWire = """
        Officials said on Tuesday that <script>alert(1)</script> the dam at Carrow was leaking & residents had to leave.

        The mayor said "><img src=x onerror=alert(1)> three shelters were open at the high school.

        The river rose 3.2 meters above its normal level after two days of heavy rain.
        """
    static let hostileRewrite = """
        Residents of Carrow had to leave on Wednesday because the dam was leaking, officials said <script>alert(1)</script>.

        Three shelters opened at the high school, the mayor said "><img src=x onerror=alert(1)>.

        A reporter's note: <b onmouseover='alert(2)'>bold</b> text stays text.
        """

    /// Writes the hostile pair (the second under a hostile file name) and renders the HTML.
    func render() throws -> (html: String, file: URL, cleanup: () -> Void) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wirediff-html-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let a = directory.appendingPathComponent("wire.txt"), b = directory.appendingPathComponent("x\"><img src=y>.txt")
        try HTMLReportTests.hostileWire.write(to: a, atomically: true, encoding: .utf8)
        try HTMLReportTests.hostileRewrite.write(to: b, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("report.html")
        let result = runTool(["diff", "--format", "html", "--output", output.path, a.path, b.path])
        #expect(result.code == 0, "\(result.stderr)")
        let html = try String(contentsOf: output, encoding: .utf8)
        return (html, output, { try? FileManager.default.removeItem(at: directory) })
    }

    @Test func articleTextAndIdsAreEscaped() throws {
        let (html, _, cleanup) = try render()
        defer { cleanup() }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // A changed-quote <mark> may start inside the text, so check the escaped pieces.
        #expect(html.contains("said &quot;&gt;&lt;"))
        #expect(html.contains("img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("&lt;b onmouseover=&#39;alert(2)&#39;&gt;"))
        #expect(html.contains("x&quot;&gt;&lt;img src=y&gt;.txt"))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x") && !html.contains("<img src=y") && !html.contains("<b onmouseover"))
        #expect(html.components(separatedBy: "<script>").count == 2, "only the report's own script")
        #expect(html.contains("leaking &amp; residents"))
    }

    @Test func pageIsSelfContained() throws {
        let (html, _, cleanup) = try render()
        defer { cleanup() }
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Content-Security-Policy"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains("<link") && !html.contains("@import") && !html.contains("url("))
        #expect(html.contains("id=\"side-by-side\""))
        #expect(html.contains("class=\"legend\""))
        #expect(html.contains("class=\"verdict "))
    }

    @Test func alignedSentencesShareALinkNumber() throws {
        let wire = try String(contentsOfFile: sample("wire.txt"), encoding: .utf8)
        let expanded = try String(contentsOfFile: sample("rewrite-expanded.txt"), encoding: .utf8)
        let report = DiffReport(comparing: [Document(id: "wire", text: wire), Document(id: "expanded", text: expanded)])
        let html = HTMLReportRenderer().render(report)
        for (k, alignment) in report.pairs[0].alignments.enumerated() {
            for i in alignment.a { #expect(html.contains("id=\"a\(i + 1)\" data-l=\"\(k + 1)\"")) }
            for j in alignment.b { #expect(html.contains("id=\"b\(j + 1)\" data-l=\"\(k + 1)\"")) }
        }
        #expect(html.contains("class=\"s ad\""))
        #expect(html.contains("<mark>1,400</mark>") && html.contains("<mark>1,200</mark>"))
        #expect(html.contains("<del>1,200</del>") && html.contains("<ins>1,400</ins>"))
    }

    @Test func factTableForThreeVersions() throws {
        let files = ["wire.txt", "rewrite-condensed.txt", "rewrite-expanded.txt"].map(sample)
        let result = runTool(["diff", "--format", "html"] + files)
        #expect(result.code == 0)
        #expect(result.stdout.contains("<table class=\"facts\">"))
        #expect(result.stdout.contains("<td class=\"c absent\""))
        #expect(result.stdout.contains("id=\"p2-side-by-side\""))
    }

    @Test(.enabled(if: chromiumPath != nil, "needs chromium on PATH"), .timeLimit(.minutes(2)))
    func headlessChromiumShowsTheSideBySideViewAndRunsNoInjectedCode() throws {
        let (_, file, cleanup) = try render()
        defer { cleanup() }
        let dom = try runChromium(["--dump-dom"], file: file)
        #expect(dom.code == 0)
        #expect(dom.stdout.contains("id=\"side-by-side\""))
        #expect(dom.stdout.contains("id=\"doc-a\"") && dom.stdout.contains("id=\"doc-b\""))
        #expect(!dom.stdout.contains("<img"))
        #expect(!dom.stdout.contains("<script>alert"))
        #expect(!dom.stdout.contains("<b onmouseover"))
        #expect(dom.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))

        let png = file.deletingLastPathComponent().appendingPathComponent("report.png")
        let shot = try runChromium(["--screenshot=\(png.path)", "--window-size=1400,1000", "--hide-scrollbars"], file: file)
        #expect(shot.code == 0)
        let size = (try FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
        #expect(size > 10_000, "screenshot is \(size) bytes")
    }
}
