import HelpCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

exit(HelpCLI.main(CommandLine.arguments, environment: HelpCLI.processEnvironment()))
