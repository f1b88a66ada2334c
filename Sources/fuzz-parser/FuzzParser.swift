import Fuzzing

/// libFuzzer's entry point (exported for fuzzing set-ups that bring their own driver): one input for the parser.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParserTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzEntry.parse(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// `fuzz-parser`: built with `-Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer`, libFuzzer on the parser; otherwise it
/// runs the parser on the files (or folders of files) given as arguments, to replay what a fuzzer found.
@main
enum FuzzParser {
    static func main() {
        FuzzEntry.main(FuzzEntry.parse)
    }
}
