/// What stops `attend bench`, each with the text a user reads.
enum BenchError: Error, CustomStringConvertible {
    /// A program could not be started (not found, not executable).
    case cannotStart(program: String, reason: String)
    /// A program ran and failed; `output` is the end of what it wrote to standard error.
    case programFailed(program: String, task: String, status: Int32, output: String)
    /// The Python driver printed something that is not a reply of its protocol, or ended without replying.
    case badDriverOutput(program: String, detail: String)
    /// A workload script raised an exception in Attend's interpreter.
    case scriptFailed(workload: String, traceback: String)
    /// A workload script raised an exception in the compared Python (whose torch has version `torch`); `traceback`
    /// is Python's.
    case pythonScriptFailed(program: String, torch: String, workload: String, traceback: String)
    /// The scratch folder for scripts could not be written.
    case scratch(reason: String)

    var description: String {
        switch self {
        case .cannotStart(let program, let reason):
            return "attend: cannot run '\(program)': \(reason)"
        case .programFailed(let program, let task, let status, let output):
            let detail = output.isEmpty ? "" : ":\n\(output)"
            return "attend: '\(program)' failed \(task) (exit status \(status))\(detail)"
        case .badDriverOutput(let program, let detail):
            return "attend: '\(program)' does not answer as the benchmark driver should: \(detail)"
        case .scriptFailed(let workload, let traceback):
            return "attend: the '\(workload)' workload failed:\n\(traceback)"
        case .pythonScriptFailed(let program, let torch, let workload, let traceback):
            return "attend: the '\(workload)' workload failed in '\(program)' (torch \(torch)):\n\(traceback)"
        case .scratch(let reason):
            return "attend: cannot write the benchmark scripts: \(reason)"
        }
    }
}
