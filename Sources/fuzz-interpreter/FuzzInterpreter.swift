import Fuzzing

/// libFuzzer's entry point (exported for fuzzing set-ups that bring their own driver): one input for the interpreter.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInterpreterTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzEntry.interpret(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// `fuzz-interpreter`: built with `-Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer`, libFuzzer on the interpreter; otherwise it
/// runs the interpreter on the files (or folders of files) given as arguments, to replay what a fuzzer found.
@main
enum FuzzInterpreter {
    static func main() {
        FuzzEntry.main(FuzzEntry.interpret)
    }
}
