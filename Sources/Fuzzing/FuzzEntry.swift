import Foundation
import Script
import Tensor

/// What the libFuzzer targets do with one input, and the replay driver a normal build gives them instead of
/// libFuzzer's: each reads bytes as UTF-8 (invalid sequences replaced) and must return without trapping.
public enum FuzzEntry {
    /// The seconds an interpreted input runs before it is interrupted, as a learner's Ctrl-C would.
    public static let runSeconds = 1.0

    /// Tokenizes the input.
    public static func lex(_ bytes: UnsafeRawBufferPointer) {
        let lexer = Lexer(text(bytes), filename: "<fuzz>")
        _ = (lexer.tokens.count, lexer.failure)
    }

    /// Parses the input as a module (with the compile-stage checks) and, for the same text, as an expression.
    public static func parse(_ bytes: UnsafeRawBufferPointer) {
        let source = text(bytes)
        _ = try? Parser.parseModule(source, filename: "<fuzz>")
        _ = try? Parser.parseExpression(source, filename: "<fuzz>")
    }

    /// Runs the input in a fresh interpreter with torch installed, output discarded, tensor memory capped at
    /// 256 MiB and an interrupt after `runSeconds`; the interpreter is shut down after it, so nothing it made stays.
    public static func interpret(_ bytes: UnsafeRawBufferPointer) {
        let source = text(bytes)
        MemoryBudget.shared.limit = 256 << 20
        let interpreter = Interpreter { _ in }
        interpreter.warningOutput = { _ in }
        do {
            try TorchBinding.install(in: interpreter)
        } catch {
            return
        }
        let run = Watchdog.start(after: runSeconds)
        _ = interpreter.run(source: source, fileName: "<fuzz>")
        Watchdog.stop(run)
        // What the input left (a function and the globals it refers to, a suspended generator) is freed with it.
        interpreter.shutDown()
        Interruption.clear()
    }

    /// The program: in a build with `-DFUZZING` (and `-sanitize=fuzzer`), libFuzzer's driver feeding `body`;
    /// otherwise a replay of the files named on the command line.
    public static func main(_ body: @escaping (UnsafeRawBufferPointer) -> Void) -> Never {
        #if FUZZING
        target = body
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv) { data, size in
            FuzzEntry.target?(UnsafeRawBufferPointer(start: data, count: size))
            return 0
        })
        #else
        exit(replay(Array(CommandLine.arguments.dropFirst()), body))
        #endif
    }

    /// The target libFuzzer's driver calls.
    nonisolated(unsafe) private static var target: ((UnsafeRawBufferPointer) -> Void)?

    /// Runs `body` on every file named in `arguments` (a folder: every file in it), printing each name first so a
    /// crash names its input; gives the exit status.
    public static func replay(_ arguments: [String], _ body: (UnsafeRawBufferPointer) -> Void) -> Int32 {
        guard !arguments.isEmpty else {
            FileHandle.standardError.write(Data("usage: fuzz-TARGET FILE-OR-FOLDER...\n".utf8))
            return 2
        }
        var count = 0
        for path in arguments {
            for file in files(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
                    return 2
                }
                FileHandle.standardOutput.write(Data("\(file)\n".utf8))
                data.withUnsafeBytes { body($0) }
                count += 1
            }
        }
        FileHandle.standardOutput.write(Data("replayed \(count) inputs\n".utf8))
        return 0
    }

    private static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [path]
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.map { path + "/" + $0 }.filter { file in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }

    private static func text(_ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}

/// Interrupts a run that goes on too long; a later run is never hit by an earlier run's timer.
enum Watchdog {
    nonisolated(unsafe) private static var current = 0
    private static let lock = NSLock()

    /// Starts a timer for a new run; gives the run's number.
    static func start(after seconds: Double) -> Int {
        let run = lock.withLock { current += 1; return current }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
            lock.withLock { if current == run { Interruption.request() } }
        }
        return run
    }

    /// Ends `run`: its timer no longer interrupts.
    static func stop(_ run: Int) {
        lock.withLock { if current == run { current += 1 } }
    }
}

#if FUZZING
/// libFuzzer's driver (`int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*)(const uint8_t *, size_t))`).
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif
