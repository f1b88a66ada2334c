/// What scripts and lessons cannot reach: files, processes, the network and the environment. Attend has none of the
/// modules and built-ins that reach them; when a script asks for one, the error it gets says why, so a learner
/// pasting a cell that saves a checkpoint or reads `sys.argv` sees what is missing rather than a bare NameError.
enum Sandbox {
    /// Why the module `name` (or the package it belongs to) is not there, or nil when it is not a refused one.
    static func reason(forModule name: String) -> String? {
        let package = name.split(separator: ".").first.map(String.init) ?? name
        switch package {
        case "os", "sys", "pathlib", "shutil", "glob", "tempfile", "io", "fileinput", "pickle", "shelve", "sqlite3",
             "mmap", "fcntl", "resource", "platform", "ctypes":
            return "Attend runs scripts without access to files, the environment or the system"
        case "subprocess", "multiprocessing", "threading", "concurrent", "signal", "pty", "asyncio", "code":
            return "Attend runs scripts without starting processes or threads"
        case "socket", "ssl", "select", "selectors", "urllib", "http", "ftplib", "smtplib", "requests", "webbrowser":
            return "Attend runs scripts without network access"
        case "importlib", "builtins", "inspect", "gc":
            return "Attend runs scripts without access to the interpreter's internals"
        default:
            return nil
        }
    }

    /// Why the built-in `name` is not there, or nil when it is not a refused one.
    static func reason(forBuiltin name: String) -> String? {
        switch name {
        case "open":
            return "Attend runs scripts without access to files"
        case "input", "breakpoint":
            return "Attend runs scripts without reading from the terminal"
        case "eval", "exec", "compile", "__import__", "globals", "locals", "vars":
            return "Attend runs scripts without running code built from strings or reaching into namespaces"
        case "exit", "quit":
            return "an Attend script ends after its last line"
        default:
            return nil
        }
    }

    /// Why `module.name` is not there, or nil when it is not a refused one.
    static func reason(forAttribute name: String, ofModule module: String) -> String? {
        switch (module, name) {
        case ("torch", "save"), ("torch", "load"), ("torch", "hub"), ("torch", "from_file"):
            return "Attend runs scripts without access to files or the network"
        default:
            return nil
        }
    }

    /// `message` with the reason after it in parentheses, when there is one.
    static func explained(_ message: String, _ reason: String?) -> String {
        guard let reason else { return message }
        return message + " (" + reason + ")"
    }
}
