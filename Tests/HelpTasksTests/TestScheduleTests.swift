import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpTasks

struct TestScheduleTests {
    let folder = TempDir(prefix: "help-schedule")

    @Test func untimedComponentsStartFirstLargestFirstThenTheLongest() throws {
        let schedule = TestSchedule(folder: folder.path("state"))
        #expect(schedule.order(["a", "b", "c"], sizes: [3, 9, 3]) == [1, 0, 2])
        schedule.record(["a": 0.4, "b": 0.9, "c": 3.0])
        #expect(schedule.order(["a", "b", "c", "new"], sizes: [50, 50, 1, 1]) == [3, 2, 1, 0])
    }

    @Test func aRecordKeepsComponentsThisRunDidNotTimeAndSkipsGarbage() throws {
        let schedule = TestSchedule(folder: folder.path("state"))
        schedule.record(["server": 3.0354, "client": 0.5])
        schedule.record(["client": 0.7])
        #expect(try FileSystem().readText(schedule.path) == "700\tclient\n3035\tserver\n")
        try FileSystem().writeAtomically(schedule.path, Array("x\tbad\n-5\tneg\n12\tok\n\n".utf8))
        #expect(schedule.recorded() == ["ok": 0.012])
    }
}
