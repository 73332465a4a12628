import FuzzSupport
import HelpProject

/// `.env` files and the templates they are made from.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDotEnv(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    _ = DotEnvFile(text: text)
    _ = DotEnvTemplate(text: text)
    _ = try? EnvTemplate.parse(text, source: EnvTemplateSource(name: "fuzz", origin: .builtIn, path: nil))
    return 0
}
