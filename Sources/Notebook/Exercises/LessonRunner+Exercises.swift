import Foundation
import Script
import Tensor

/// What checking one answer produced.
public struct CheckResult {
    /// The judgement.
    public var verdict: Verdict
    /// What the learner's input printed or displayed while it ran (errors are in the verdict).
    public var outputs: [StepOutput]
}

extension LessonRunner {
    /// The file name tracebacks show for a learner's answer.
    public static let answerFileName = "<answer>"

    /// Checks the learner's `input` against `exercise`. The input and the reference answer each run in their own
    /// copy of the lesson's namespace, starting from the same random-number state, so the lesson's namespace and
    /// random stream are as they were before.
    /// Over a session, the answer is journaled with what it printed (and its error, if it raised one).
    public func check(_ input: String, for exercise: Exercise) -> CheckResult {
        let started = Date()
        let result = check(CodeBlock(code: input, fileName: Self.answerFileName, firstLine: 1), for: exercise)
        if let session {
            var outputs = result.outputs
            var status = RunStatus.success
            if case .error(let traceback) = result.verdict {
                outputs.append(.error(traceback))
                status = traceback.hasSuffix("KeyboardInterrupt\n") ? .interrupted : .failed
            }
            session.addCode(input, outputs: outputs, status: status, started: started)
        }
        return result
    }

    /// Checks the exercise's own answer against itself (its value check, or its predicate): the `--check` of a lesson.
    public func checkOwnAnswer(of exercise: Exercise) -> CheckResult {
        let result = check(exercise.answer, for: exercise)
        if case .error(let traceback) = result.verdict {
            return CheckResult(verdict: .answerFailed(traceback), outputs: result.outputs)
        }
        return result
    }

    private func check(_ input: CodeBlock, for exercise: Exercise) -> CheckResult {
        let random = Generator.default.state
        defer { try? Generator.default.setState(random) }
        let reference = OutputCollector()
        let (answerOutcome, expected) = evaluate(exercise.answer, collector: reference)
        if reference.record(answerOutcome) != .success {
            return CheckResult(verdict: .answerFailed(Self.text(reference)), outputs: [])
        }
        try? Generator.default.setState(random)
        let learner = OutputCollector()
        let (outcome, value) = evaluate(input, collector: learner)
        if learner.record(outcome) != .success {
            let outputs = learner.take()
            var traceback = ""
            var printed: [StepOutput] = []
            for output in outputs {
                if case .error(let text) = output { traceback = text } else { printed.append(output) }
            }
            return CheckResult(verdict: .error(traceback), outputs: printed)
        }
        let outputs = learner.take()
        guard let given = value else { return CheckResult(verdict: .noValue, outputs: outputs) }
        return CheckResult(verdict: judge(given, expected: expected, check: exercise.check), outputs: outputs)
    }

    private func judge(_ given: Value, expected: Value?, check: Exercise.Check) -> Verdict {
        let comparison = ValueComparison()
        switch check {
        case .value:
            guard let expected else { return .answerFailed("the exercise's answer has no value\n") }
            if let mismatch = comparison.mismatch(expected: expected, given: given, interpreter: interpreter) {
                return .wrong(mismatch)
            }
            return .correct
        case .shape:
            guard case .tensor(let e)? = expected else {
                return .answerFailed("`check: shape` needs an answer whose value is a tensor\n")
            }
            guard case .tensor(let g) = given else {
                return .wrong(.kind(path: [], expected: "a tensor", given: ValueComparison.kind(given)))
            }
            return e.shape == g.shape ? .correct : .wrong(.shape(path: [], expected: e.shape, given: g.shape))
        case .predicate(let predicate):
            let collector = OutputCollector()
            let copy = namespaceCopy(collector: collector)
            copy.setGlobal("result", given)
            let (outcome, value) = copy.evaluate(source: predicate.code, fileName: predicate.fileName,
                                                 firstLine: predicate.firstLine)
            guard collector.record(outcome) == .success, let value else {
                return .answerFailed(Self.text(collector).isEmpty ? "the check has no value\n" : Self.text(collector))
            }
            do {
                return try copy.isTrue(value) ? .correct : .wrong(.predicateFalse(predicate: predicate.code))
            } catch {
                return .answerFailed("the check's value has no truth value: \(error)\n")
            }
        }
    }

    /// Evaluates `block` in a namespace copy; what it printed, warned and drew goes to `target`.
    private func evaluate(_ block: CodeBlock, collector target: OutputCollector) -> (Interpreter.Outcome, Value?) {
        _ = collector.take()
        let copy = namespaceCopy(collector: target)
        let result = copy.evaluate(source: block.code, fileName: block.fileName, firstLine: block.firstLine)
        copy.flushFigures()
        // pyplot draws through the interpreter that loaded it, whose outputs go to the runner's collector.
        for output in collector.take() {
            switch output {
            case .text(let text): target.print(text)
            case .warning(let text): target.warn(text)
            case .figure(let figure): target.show(figure)
            case .error: break
            }
        }
        return result
    }

    /// A copy of the lesson's namespace whose tensors (those not requiring grad) are cloned, so that in-place
    /// operations in an answer leave the lesson's tensors alone.
    func namespaceCopy(collector: OutputCollector) -> Interpreter {
        let copy = interpreter.copy { collector.print($0) }
        copy.showFigure = { collector.show($0) }
        copy.warningOutput = { collector.warn($0) }
        for name in copy.globalNames {
            guard case .tensor(let tensor)? = copy.global(name), !tensor.requiresGrad,
                  let clone = try? tensor.clone() else { continue }
            copy.setGlobal(name, .tensor(clone))
        }
        return copy
    }

    private static func text(_ collector: OutputCollector) -> String {
        collector.take().compactMap { output in
            if case .error(let text) = output { return text }
            return nil
        }.joined()
    }
}
