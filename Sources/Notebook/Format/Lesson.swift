/// A lesson: a title and the steps a learner goes through in order.
public struct Lesson: Equatable, Sendable {
    /// Where the lesson was read from (as given, used in error messages and tracebacks).
    public var path: String
    /// The text of the first `# heading` (for a notebook without one, the file name).
    public var title: String
    /// The steps, in order.
    public var steps: [Step]

    /// A lesson from its parts.
    public init(path: String, title: String, steps: [Step]) {
        self.path = path
        self.title = title
        self.steps = steps
    }

    /// The index of the step with this id, or nil.
    public func index(ofStep id: String) -> Int? {
        steps.firstIndex { $0.id == id }
    }

    /// The exercises, in order.
    public var exercises: [Exercise] {
        steps.compactMap { step in
            if case .exercise(let exercise) = step.content { return exercise }
            return nil
        }
    }
}

/// One step: the prose leading up to a code cell or exercise, and that cell (or prose alone at the end).
public struct Step: Equatable, Sendable {
    /// A stable id: the exercise's `id`, the cell's `id=`, or a hash of the cell's code; prose edits keep it.
    public var id: String
    /// Markdown shown before the step's content (may be empty).
    public var prose: String
    /// What the step runs or asks.
    public var content: Content

    /// What a step holds besides its prose.
    public enum Content: Equatable, Sendable {
        /// Nothing: prose after the last cell.
        case prose
        /// A code cell to run.
        case code(CodeBlock)
        /// An exercise to answer.
        case exercise(Exercise)
    }

    /// A step from its parts.
    public init(id: String, prose: String, content: Content) {
        self.id = id
        self.prose = prose
        self.content = content
    }
}

/// Python source and where it sits in the lesson's file.
public struct CodeBlock: Equatable, Sendable {
    /// The code, without its fence.
    public var code: String
    /// The file name tracebacks show for it.
    public var fileName: String
    /// The 1-based line of the code's first line in that file.
    public var firstLine: Int

    /// A block from its parts.
    public init(code: String, fileName: String, firstLine: Int) {
        self.code = code
        self.fileName = fileName
        self.firstLine = firstLine
    }
}

/// An exercise: a prompt, the reference answer, hints, and how an answer is compared with it.
public struct Exercise: Equatable, Sendable {
    /// The exercise's id (its step id).
    public var id: String
    /// What the learner is asked (Markdown).
    public var prompt: String
    /// Statements whose last expression is the expected value.
    public var answer: CodeBlock
    /// Hints, shown one at a time.
    public var hints: [String]
    /// How an answer is compared with the reference.
    public var check: Check
    /// The 1-based line of the exercise's opening fence.
    public var line: Int

    /// How a learner's value is judged.
    public enum Check: Equatable, Sendable {
        /// Equal to the answer's value (tensors by shape then allclose, numbers with a tolerance).
        case value
        /// A tensor with the answer's shape.
        case shape
        /// A Python expression over `result` (the learner's value) that must be true.
        case predicate(CodeBlock)
    }

    /// An exercise from its parts.
    public init(id: String, prompt: String, answer: CodeBlock, hints: [String], check: Check, line: Int) {
        self.id = id
        self.prompt = prompt
        self.answer = answer
        self.hints = hints
        self.check = check
        self.line = line
    }
}
