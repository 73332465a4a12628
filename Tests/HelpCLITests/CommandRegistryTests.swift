import Testing

@testable import HelpCLI

@Suite struct CommandRegistryTests {
    @Test func commandNamesAreUnique() {
        let names = CommandRegistry.all.map(\.name)
        #expect(Set(names).count == names.count)
    }

    @Test func noCommandOptionShadowsAnotherOrAGlobalOne() {
        for command in CommandRegistry.all {
            let options = command.options + GlobalOptions.table
            let longs = options.map(\.long)
            let shorts = options.compactMap(\.short)
            #expect(Set(longs).count == longs.count, "\(command.name) repeats a long option")
            #expect(Set(shorts).count == shorts.count, "\(command.name) repeats a short option")
        }
    }
}
