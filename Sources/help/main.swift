#if canImport(Glibc)
import Glibc
#endif
import HelpCLI

exit(HelpCLI.main(CommandLine.arguments, environment: HelpCLI.processEnvironment()))
