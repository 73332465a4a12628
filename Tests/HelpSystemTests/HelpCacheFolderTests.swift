import HelpSystem
import Testing

/// The one spelling of `.helpcache/` paths.
@Suite struct HelpCacheFolderTests {
    @Test("the folders sit under <root>/.helpcache, also for a root of /")
    func paths() {
        let folder = HelpCacheFolder(projectRoot: "/work/app")
        #expect(folder.path == "/work/app/.helpcache")
        #expect(
            [folder.logs, folder.backups, folder.state, folder.deps] == [
                "/work/app/.helpcache/logs", "/work/app/.helpcache/backups", "/work/app/.helpcache/state",
                "/work/app/.helpcache/deps",
            ])
        #expect(HelpCacheFolder(projectRoot: "/").path == "/.helpcache")
        #expect(
            CommandLog.path(root: "/work/app", command: "run", at: WallTime(seconds: 0)).hasPrefix(folder.logs + "/"))
    }
}

/// The kernel's random source, shared by secrets, salts and temporary names.
@Suite struct SystemRandomTests {
    @Test("bytes come in the asked number and differ between calls; hex is two digits a byte")
    func randomness() throws {
        let first = try SystemRandom.bytes(32)
        #expect(first.count == 32)
        #expect(first != (try SystemRandom.bytes(32)))
        let hex = SystemRandom.hex(bytes: 6)
        #expect(hex.count == 12 && hex.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }
}
