import Foundation

/// Generator functions. A tree-walking evaluator cannot pause mid-statement, so a generator's body runs on its own
/// thread and hands each yielded value across with semaphores; exactly one side runs at a time, so the
/// interpreter's state is never touched concurrently. The bookkeeping the body pushes (Python frames, exceptions
/// being handled) is set aside while it is suspended and put back when it resumes.
final class GeneratorState: @unchecked Sendable {
    enum Reply {
        case yielded(Value)
        case returned
        case raised(any Error)
    }

    let resume = DispatchSemaphore(value: 0)
    let reply = DispatchSemaphore(value: 0)
    /// True when the consumer asks the body to stop (GeneratorExit at the paused `yield`).
    var closing = false
    var sent: Value = .none
    var answer: Reply = .returned
    var started = false
    var finished = false
    // What the body had pushed when it last paused.
    var savedFrames: [(function: FunctionObject, environment: Environment)] = []
    var savedHandling: [Instance] = []
    var savedGenerators: [GeneratorState] = []
    var savedDepth = 0
    /// The body thread's `Interpreter.stackLimit` (0 until the body first runs and sets it).
    var savedStackLimit: UInt = 0

    /// Suspended generators each hold a thread; past this many, creating one is a RuntimeError.
    static let maximumLive = 64
    /// The stack asked for a body's thread (recursion inside it stops where the stack granted runs short).
    static let stackBytes = 128 << 20
}

/// The object a generator function returns.
final class GeneratorObject {
    let state = GeneratorState()
    unowned let interpreter: Interpreter
    let body: () throws -> Void

    init(interpreter: Interpreter, body: @escaping () throws -> Void) {
        self.interpreter = interpreter
        self.body = body
    }

    /// Runs the body to its next `yield`: the value, or nil when it returned.
    func next() throws -> Value? {
        let state = self.state
        if state.finished { return nil }
        if !state.started {
            if interpreter.generators.count >= GeneratorState.maximumLive {
                throw PythonError(Builtins.recursionError, "maximum recursion depth exceeded")
            }
            guard interpreter.liveGenerators < GeneratorState.maximumLive else {
                throw PythonError.runtimeError("too many suspended generators")
            }
            interpreter.liveGenerators += 1
            state.started = true
            nonisolated(unsafe) let body = self.body
            nonisolated(unsafe) let interpreter = self.interpreter
            return try exchange {
                let started = LargeStack.start(bytes: LargeStack.bytes(GeneratorState.stackBytes,
                                                                      orPartsOfAddressSpace: 64)) {
                    interpreter.stackLimit = StackRoom.limit
                    interpreter.generators.append(state)
                    do {
                        try body()
                        state.answer = .returned
                    } catch {
                        state.answer = .raised(error)
                    }
                    state.finished = true
                    interpreter.liveGenerators -= 1
                    state.reply.signal()
                }
                // No thread: the body never runs, and the consumer gets the MemoryError as if it had raised it.
                if !started {
                    state.answer = .raised(PythonError(Interpreter.exceptionClass(named: "MemoryError"),
                                                       "cannot start a generator: the system refused every stack "
                                                           + "of at least \(LargeStack.smallestBytes) bytes"))
                    state.finished = true
                    interpreter.liveGenerators -= 1
                    state.reply.signal()
                }
            }
        }
        return try exchange { state.resume.signal() }
    }

    /// Resumes the body (via `start`) and waits for its answer, restoring the consumer's bookkeeping around it.
    private func exchange(_ start: () -> Void) throws -> Value? {
        let interpreter = self.interpreter
        let baseFrames = interpreter.functionFrames.count
        let baseHandling = interpreter.handling.count
        let baseDepth = interpreter.depth
        let baseGenerators = interpreter.generators.count
        interpreter.functionFrames += state.savedFrames
        interpreter.handling += state.savedHandling
        interpreter.generators += state.savedGenerators
        interpreter.depth += state.savedDepth
        let baseStackLimit = interpreter.stackLimit
        interpreter.stackLimit = state.savedStackLimit
        start()
        state.reply.wait()
        state.savedStackLimit = interpreter.stackLimit
        interpreter.stackLimit = baseStackLimit
        func split<T>(_ array: inout [T], at base: Int) -> [T] {
            let cut = min(base, array.count)
            defer { array.removeLast(array.count - cut) }
            return Array(array[cut...])
        }
        state.savedFrames = split(&interpreter.functionFrames, at: baseFrames)
        state.savedHandling = split(&interpreter.handling, at: baseHandling)
        state.savedGenerators = split(&interpreter.generators, at: baseGenerators)
        state.savedDepth = interpreter.depth - baseDepth
        interpreter.depth = baseDepth
        switch state.answer {
        case .yielded(let value):
            return value
        case .returned:
            return nil
        case .raised(let error):
            if let error = error as? PythonError, error.exception.cls.isSubclass(of: Builtins.stopIteration) {
                throw PythonError.runtimeError("generator raised StopIteration")
            }
            throw error
        }
    }

    /// Stops a suspended body (GeneratorExit at its `yield`, running its `finally` blocks).
    func close() {
        guard state.started, !state.finished else { return }
        state.closing = true
        _ = try? exchange { state.resume.signal() }
    }

    deinit { close() }
}

extension Interpreter {
    /// `yield value` inside a generator body: hands `value` to the consumer and waits to be resumed.
    func yieldValue(_ value: Value) throws -> Value {
        guard let state = generators.last else {
            throw PythonError(Builtins.syntaxError, "'yield' outside function")
        }
        state.answer = .yielded(value)
        state.reply.signal()
        state.resume.wait()
        if state.closing { throw PythonError(Builtins.generatorExit) }
        return state.sent
    }

    /// Calls a generator function: binds arguments now, runs the body lazily.
    func makeGenerator(_ function: FunctionObject, _ environment: Environment) -> Value {
        let generator = GeneratorObject(interpreter: self) { [unowned self] in
            _ = try self.runBody(function, environment)
        }
        return .iterator(IteratorObject("generator") { try generator.next() })
    }
}

/// Whether a function body contains `yield` (outside nested functions, classes and lambdas).
func containsYield(_ statements: [Stmt]) -> Bool {
    var pendingStatements = statements
    var pendingExpressions: [Expr] = []
    while let statement = pendingStatements.popLast() {
        switch statement.kind {
        case .functionDef(let def):
            pendingExpressions += def.decorators
            continue
        case .classDef(let def):
            pendingExpressions += def.decorators + def.bases
            continue
        default:
            pendingStatements += statement.statements
            pendingExpressions += statement.expressions
        }
    }
    while let expression = pendingExpressions.popLast() {
        switch expression.kind {
        case .yield, .yieldFrom: return true
        case .lambda: continue
        default: pendingExpressions += expression.children
        }
    }
    return false
}
