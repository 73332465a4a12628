import HelpCLI

#if canImport(Glibc)
    import Glibc
#endif

exit(HelpCLI.main(CommandLine.arguments, environment: HelpCLI.processEnvironment()))
