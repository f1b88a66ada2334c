import ArgumentParser
import Foundation
import Script

/// `attend run FILE`: runs a Python script like `python3 FILE`, printing a traceback on stderr and exiting with
/// status 1 when an exception escapes.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run a Python script (or - for standard input).")

    @Argument(help: "The script to run, or - to read it from standard input.")
    var file: String

    func run() throws {
        let source: String
        let fileName: String
        if file == "-" {
            source = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            fileName = "<stdin>"
        } else {
            do {
                source = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                FileHandle.standardError.write(Data("attend: can't open file '\(file)': \(error.localizedDescription)\n".utf8))
                throw ExitCode(2)
            }
            fileName = file
        }
        let interpreter = Interpreter { text in FileHandle.standardOutput.write(Data(text.utf8)) }
        try TorchBinding.install(in: interpreter)
        switch interpreter.run(source: source, fileName: fileName) {
        case .success:
            return
        case .syntaxError(let error):
            FileHandle.standardError.write(Data((error.formatted + "\n").utf8))
            throw ExitCode(1)
        case .exception(_, let traceback):
            FileHandle.standardError.write(Data(traceback.utf8))
            throw ExitCode(1)
        }
    }
}
