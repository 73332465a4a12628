import HelpProvision
import HelpSystem
import HelpTestSupport
import Testing

@Suite("Resource reservations")
struct ResourceReservationTests {
    private let gib: Int64 = 1 << 30

    @Test func defaultsScaleWithTheMachine() {
        let small = ResourceReservation.defaults(for: MachineSize(cpuCount: 2, memoryBytes: 4 * gib))
        #expect(small.milliCPU == 250 && small.memoryBytes == gib && small.scaled)
        let workstation = ResourceReservation.defaults(for: MachineSize(cpuCount: 8, memoryBytes: 32 * gib))
        // 1 GiB + 0.8 GiB + 0.8 GiB + 6% of 16 GiB = 3.56 GiB, to the MiB below.
        #expect(workstation.milliCPU == 800 && workstation.memoryBytes == 3645 << 20)
        let big = ResourceReservation.defaults(for: MachineSize(cpuCount: 64, memoryBytes: 256 * gib))
        #expect(big.milliCPU == 2000)
        #expect(big.memoryBytes > workstation.memoryBytes)
        let tiny = ResourceReservation.defaults(for: MachineSize(cpuCount: 1, memoryBytes: 512 << 20))
        #expect(tiny.memoryBytes == 256 << 20)
    }

    @Test func theTotalIsSplitEvenlyForTheKubelet() {
        let reservation = ResourceReservation(milliCPU: 1000, memoryBytes: 2 * gib)
        #expect(reservation.half == "cpu=500m,memory=1Gi")
        #expect(reservation.total == "cpu=1000m,memory=2Gi")
    }

    @Test func parsingKeepsTheDefaultOfWhatIsNotGiven() throws {
        let defaults = ResourceReservation(milliCPU: 300, memoryBytes: gib, scaled: true)
        let memoryOnly = try ResourceReservation.parse("memory=4Gi", defaults: defaults)
        #expect(memoryOnly == ResourceReservation(milliCPU: 300, memoryBytes: 4 * gib))
        #expect(try ResourceReservation.parse("cpu=1.5,memory=512Mi", defaults: defaults).milliCPU == 1500)
        #expect(try ResourceReservation.parse("cpu=250m", defaults: defaults).milliCPU == 250)
        #expect(try ResourceReservation.parse("memory=1G", defaults: defaults).memoryBytes == 1_000_000_000)
    }

    @Test(arguments: ["cpu", "cpu=", "cpu=lots", "cpu=-1", "memory=2GB", "memory=-1Gi", "disk=1Gi", "cpu=1,,"])
    func badReservationsAreUsageErrors(_ text: String) {
        #expect {
            try ResourceReservation.parse(text, defaults: ResourceReservation(milliCPU: 1, memoryBytes: 1))
        } throws: { error in
            (error as? HelpError)?.code == .usage
        }
    }

    @Test func machineSizeReadsTheKernelFiles() {
        #expect(MachineSize.cpuCount(online: "0-3,6,8-9\n") == 7)
        #expect(MachineSize.cpuCount(online: "garbage") == nil)
        #expect(
            MachineSize.memoryBytes(meminfo: "MemTotal:       16318480 kB\nMemFree: 1 kB\n") == Int64(16_318_480) * 1024
        )
        #expect(MachineSize.memoryBytes(meminfo: "MemFree: 1 kB\n") == nil)
    }

    @Test func machineSizeBelowARootFolder() throws {
        let root = TempDir()
        let fs = FileSystem()
        try fs.createDirectories(root.path("proc"))
        try fs.createDirectories(root.path("sys/devices/system/cpu"))
        try fs.writeAtomically(root.path("proc/meminfo"), Array("MemTotal: 8388608 kB\n".utf8))
        try fs.writeAtomically(root.path("sys/devices/system/cpu/online"), Array("0-5\n".utf8))
        #expect(MachineSize.read(root: root.path, fileSystem: fs) == MachineSize(cpuCount: 6, memoryBytes: 8 * gib))
    }
}
