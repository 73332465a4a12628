import HelpCache
import HelpSystem

extension Downloader {
    /// A downloader that verifies with HelpCache's SHA-256 (`FileHasher`), the one hasher of the
    /// tool; provisioning code builds its downloaders here.
    public static func verifying(
        context: Context, mirror: DownloadMirror?, backoff: Backoff = Backoff(),
        timeouts: DownloadTimeouts = DownloadTimeouts()
    ) -> Downloader {
        Downloader(
            context: context, mirror: mirror, digest: { try FileHasher.hash(path: $0).hex }, backoff: backoff,
            timeouts: timeouts)
    }
}
