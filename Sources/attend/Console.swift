import ArgumentParser
import Foundation
import Render
import Script
import Tensor

/// What the command-line front ends share: an interpreter with torch installed and Ctrl-C turned into
/// KeyboardInterrupt, and the writing of outcomes to standard output and error.
enum Console {
    /// The interpreter that SIGINT interrupts; set once, before the signal source starts.
    nonisolated(unsafe) private static var interrupted: Interpreter?
    nonisolated(unsafe) private static var signalSource: DispatchSourceSignal?

    /// An interpreter printing to standard output through `output`, with torch installed, drawing figures as
    /// `display` says. Ctrl-C raises KeyboardInterrupt in the running program instead of killing the process.
    static func makeInterpreter(display: DisplayOptions, output: ScriptOutput = .safe) throws -> Interpreter {
        applyMemoryLimit(ProcessInfo.processInfo.environment["ATTEND_MEMORY_LIMIT"])
        let interpreter = Interpreter { text in output.out(text) }
        interpreter.warningOutput = { text in output.err(text) }
        try TorchBinding.install(in: interpreter)
        let options = display.renderOptions
        let writer = ANSIWriter(depth: options.colors)
        interpreter.showFigure = { figure in
            let lines = FigureRenderer.render(figure, width: terminalWidth(), options: options)
            FileHandle.standardOutput.write(Data(writer.write(lines).utf8))
        }
        interrupted = interpreter
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { interrupted?.interrupt() }
        source.resume()
        signalSource = source
        return interpreter
    }

    /// Lowers the tensor memory cap to `setting` (bytes, or a number with K, M or G) when it is given and below the
    /// default, so a fuzzer or test running several processes at once keeps each one small.
    static func applyMemoryLimit(_ setting: String?) {
        guard let setting, let last = setting.last else { return }
        let scale: Int
        switch last {
        case "K", "k": scale = 1 << 10
        case "M", "m": scale = 1 << 20
        case "G", "g": scale = 1 << 30
        default: scale = 1
        }
        guard let number = Int(scale == 1 ? setting : String(setting.dropLast())), number > 0 else { return }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: scale)
        if !overflow && bytes < MemoryBudget.shared.limit { MemoryBudget.shared.limit = bytes }
    }

    /// Writes an outcome's error, if any, to standard error through `output`, and gives the exit status CPython
    /// would: 0 on success, 130 for an uncaught KeyboardInterrupt (as a process killed by SIGINT), 1 for any other.
    @discardableResult
    static func report(_ outcome: Interpreter.Outcome, output: ScriptOutput = .safe) -> Int32 {
        switch outcome {
        case .success:
            return 0
        case .syntaxError(let error):
            output.err(error.formatted + "\n")
            return 1
        case .exception(let exception, let traceback):
            output.err(traceback)
            return exception.typeName == "KeyboardInterrupt" ? 130 : 1
        }
    }

    /// The columns figures are drawn in: the terminal's width (or COLUMNS), 80 when unknown, at most 100 so a wide
    /// window does not stretch a plot beyond reading.
    static func terminalWidth() -> Int {
        var size = winsize()
        var columns = 0
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            columns = Int(size.ws_col)
        } else if let text = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(text), value > 0 {
            columns = value
        } else {
            columns = 80
        }
        return min(max(columns, 20), 100)
    }

    /// Writes a line to standard error.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// `--color` and `--ascii`: how `attend run` and `attend repl` draw figures.
struct DisplayOptions: ParsableArguments {
    @Option(help: "Colour in figures: auto (a terminal without NO_COLOR or TERM=dumb), always or never.")
    var color: ColorChoice = .auto

    @Flag(help: "Draw figures with ASCII characters only.")
    var ascii = false

    /// The render options for standard output under these choices and the process environment.
    var renderOptions: RenderOptions {
        RenderOptions.detect(environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDOUT_FILENO) != 0,
                             color: color, forceASCII: ascii)
    }
}

extension ColorChoice: ExpressibleByArgument {}
