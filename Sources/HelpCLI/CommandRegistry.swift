/// The commands `help` offers, in the order `help --help` lists them. A command exists here only
/// once it really works.
public enum CommandRegistry {
    public static let all: [CommandSpec] = [
        BuildCommand.spec,
        CacheCommand.spec,
        ClusterCommand.spec,
        ComponentsCommand.spec,
        ConfigCommand.spec,
        DoctorCommand.spec,
        HashCommand.spec,
        InstallCommand.spec,
        JoinClusterCommand.spec,
        LeaveClusterCommand.spec,
        ReleaseCommand.spec,
        RunCommand.spec,
        SetupNodeCommand.spec,
        TestCommand.spec,
        VersionCommand.spec,
        CompletionCommand.spec,
    ]
}
