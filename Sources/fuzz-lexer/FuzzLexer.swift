import Fuzzing

/// libFuzzer's entry point (exported for fuzzing set-ups that bring their own driver): one input for the lexer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLexerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzEntry.lex(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// `fuzz-lexer`: built with `-Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer`, libFuzzer on the lexer; otherwise it
/// runs the lexer on the files (or folders of files) given as arguments, to replay what a fuzzer found.
@main
enum FuzzLexer {
    static func main() {
        FuzzEntry.main(FuzzEntry.lex)
    }
}
