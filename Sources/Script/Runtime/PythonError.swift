/// A raised Python exception travelling up the Swift stack. The exception object carries the traceback.
public struct PythonError: Error, @unchecked Sendable {
    /// The exception instance.
    public let exception: Instance
    /// The source range of the innermost expression being evaluated when it was raised in the current frame;
    /// filled as the error leaves expressions, moved into the traceback when it leaves a frame.
    var pendingRange: SourceRange?
    /// The frame that already put its line in the traceback (so re-raising there adds no second line).
    var recordedFrame: ObjectIdentifier?

    /// An error carrying an existing exception object.
    public init(_ exception: Instance) {
        self.exception = exception
    }

    /// An exception of a built-in class with a message.
    public init(_ cls: ClassObject, _ message: String) {
        let instance = Instance(cls: cls)
        instance.arguments = [.str(message)]
        self.exception = instance
    }

    /// An exception of a built-in class with no arguments.
    public init(_ cls: ClassObject) {
        self.exception = Instance(cls: cls)
    }

    static func typeError(_ message: String) -> PythonError { PythonError(Builtins.typeError, message) }
    static func valueError(_ message: String) -> PythonError { PythonError(Builtins.valueError, message) }
    static func indexError(_ message: String) -> PythonError { PythonError(Builtins.indexError, message) }
    static func attributeError(_ message: String) -> PythonError { PythonError(Builtins.attributeError, message) }
    static func nameError(_ message: String) -> PythonError { PythonError(Builtins.nameError, message) }
    static func overflowError(_ message: String) -> PythonError { PythonError(Builtins.overflowError, message) }
    static func zeroDivision(_ message: String) -> PythonError { PythonError(Builtins.zeroDivisionError, message) }
    static func runtimeError(_ message: String) -> PythonError { PythonError(Builtins.runtimeError, message) }
    static func keyError(_ key: Value) -> PythonError {
        let instance = Instance(cls: Builtins.keyError)
        instance.arguments = [key]
        return PythonError(instance)
    }

    /// The exception's class name.
    public var typeName: String { exception.cls.name }
}

/// One line of a traceback: where a frame was when the exception passed through it.
public struct TracebackFrame: @unchecked Sendable {
    /// The file name (`<string>`, `script.py`).
    public var fileName: String
    /// The function name (`<module>` at top level).
    public var functionName: String
    /// The range of the expression or statement that raised.
    public var range: SourceRange
    /// The source, for showing the line.
    public var source: SourceText
}
