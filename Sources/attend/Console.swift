import Foundation
import Script

/// What the command-line front ends share: an interpreter with torch installed and Ctrl-C turned into
/// KeyboardInterrupt, and the writing of outcomes to standard output and error.
enum Console {
    /// The interpreter that SIGINT interrupts; set once, before the signal source starts.
    nonisolated(unsafe) private static var interrupted: Interpreter?
    nonisolated(unsafe) private static var signalSource: DispatchSourceSignal?

    /// An interpreter printing to standard output, with torch installed. Ctrl-C raises KeyboardInterrupt in the
    /// running program instead of killing the process.
    static func makeInterpreter() throws -> Interpreter {
        let interpreter = Interpreter { text in FileHandle.standardOutput.write(Data(text.utf8)) }
        try TorchBinding.install(in: interpreter)
        interrupted = interpreter
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { interrupted?.interrupt() }
        source.resume()
        signalSource = source
        return interpreter
    }

    /// Writes an outcome's error, if any, to standard error, and gives the exit status CPython would: 0 on success,
    /// 130 for an uncaught KeyboardInterrupt (as a process killed by SIGINT), 1 for any other error.
    @discardableResult
    static func report(_ outcome: Interpreter.Outcome) -> Int32 {
        switch outcome {
        case .success:
            return 0
        case .syntaxError(let error):
            self.error(error.formatted)
            return 1
        case .exception(let exception, let traceback):
            FileHandle.standardError.write(Data(traceback.utf8))
            return exception.typeName == "KeyboardInterrupt" ? 130 : 1
        }
    }

    /// Writes a line to standard error.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
