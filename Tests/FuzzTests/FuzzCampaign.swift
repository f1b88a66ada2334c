import Foundation

/// A bounded fuzzing run: mutated scripts through `attend run`, mutated lessons through `attend run LESSON.md`, and
/// batches of mutated scripts through `attend repl` on standard input, two processes at a time.
final class FuzzCampaign: @unchecked Sendable {
    /// The way an input reaches Attend.
    enum FrontEnd: String, CaseIterable {
        case run, lesson, repl
    }

    /// A crash or hang, attributed to one input where it could be.
    struct Failure {
        let frontEnd: FrontEnd
        let label: String
        let verdict: String
        let savedAt: String
        let stderrTail: String
    }

    /// One unit of work: the inputs run in one process.
    private struct Job {
        let frontEnd: FrontEnd
        let inputs: [MutatedInput]
    }

    let seed: UInt64
    let corpus: FuzzCorpus
    let workDirectory: URL
    let failureDirectory: URL

    private let lock = NSLock()
    private var failures: [Failure] = []
    private var tally: [FrontEnd: [String: Int]] = [:]
    private var inputCounts: [FrontEnd: Int] = [:]
    private var errorNames: [String: Int] = [:]
    private var queue: [Job] = []
    private var nextJob = 0

    /// A campaign from `seed` over `corpus`, saving failing inputs in `failureDirectory`.
    init(seed: UInt64, corpus: FuzzCorpus, failureDirectory: URL) {
        self.seed = seed
        self.corpus = corpus
        self.failureDirectory = failureDirectory
        workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("attend-fuzz-\(UUID())")
        try? FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: workDirectory)
    }

    /// Runs `scripts` mutated scripts, `lessons` mutated lessons and `batches` REPL batches of `batchSize` scripts;
    /// gives the failures.
    func run(scripts: Int, lessons: Int, batches: Int, batchSize: Int) -> [Failure] {
        var jobs: [Job] = []
        var index = 0
        func make(_ seeds: [FuzzCorpus.Seed]) -> MutatedInput {
            var random = FuzzRandom(seed: seed, index: -1 - index)
            let base = seeds[random.below(seeds.count)]
            let donor = corpus.scripts[random.below(corpus.scripts.count)]
            defer { index += 1 }
            return MutatedInput.make(seed: seed, index: index, origin: base.name, base: base.text, donor: donor.text)
        }
        if !corpus.scripts.isEmpty {
            for _ in 0..<scripts { jobs.append(Job(frontEnd: .run, inputs: [make(corpus.scripts)])) }
            for _ in 0..<batches {
                jobs.append(Job(frontEnd: .repl, inputs: (0..<batchSize).map { _ in make(corpus.scripts) }))
            }
        }
        if !corpus.lessons.isEmpty {
            for _ in 0..<lessons { jobs.append(Job(frontEnd: .lesson, inputs: [make(corpus.lessons)])) }
        }
        // Slow lessons first, so the two workers finish together.
        jobs.sort { ($0.frontEnd == .lesson ? 0 : 1) < ($1.frontEnd == .lesson ? 0 : 1) }
        queue = jobs
        nextJob = 0
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            while true {
                let job: Job? = lock.withLock {
                    defer { nextJob += 1 }
                    return nextJob < queue.count ? queue[nextJob] : nil
                }
                guard let job else { return }
                perform(job)
            }
        }
        return failures
    }

    /// Per front end: how many inputs, and how their runs ended.
    func summary() -> String {
        lock.withLock {
            FrontEnd.allCases.map { frontEnd in
                let outcomes = (tally[frontEnd] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                return "\(frontEnd.rawValue): \(inputCounts[frontEnd] ?? 0) inputs; " + outcomes.joined(separator: ", ")
            }.joined(separator: "\n") + "\nerrors last printed: "
                + errorNames.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }
                    .joined(separator: ", ")
        }
    }

    private func perform(_ job: Job) {
        let result = execute(job.frontEnd, job.inputs)
        lock.withLock {
            inputCounts[job.frontEnd, default: 0] += job.inputs.count
            tally[job.frontEnd, default: [:]][Self.name(of: result.verdict), default: 0] += 1
            if let error = Self.errorName(result.stderrTail) { errorNames[error, default: 0] += 1 }
        }
        guard case .failed(let why) = result.verdict else { return }
        if job.inputs.count == 1 {
            record(job.frontEnd, job.inputs[0], why: why, stderr: result.stderrTail)
            return
        }
        // A batch failed: find the inputs that fail alone, and name the whole batch if none does.
        var attributed = false
        for input in job.inputs {
            let alone = execute(job.frontEnd, [input])
            if case .failed(let aloneWhy) = alone.verdict {
                record(job.frontEnd, input, why: aloneWhy, stderr: alone.stderrTail)
                attributed = true
            }
        }
        if !attributed {
            let batch = MutatedInput(seed: seed, index: job.inputs.first?.index ?? 0, origin: "a REPL batch",
                                     mutations: job.inputs.map(\.label), text: Self.replText(job.inputs))
            record(job.frontEnd, batch, why: why + " (only as a batch)", stderr: result.stderrTail)
        }
    }

    /// Runs `inputs` through `frontEnd` in one process.
    private func execute(_ frontEnd: FrontEnd, _ inputs: [MutatedInput]) -> FuzzProcess.Result {
        let file = workDirectory.appendingPathComponent("input-\(UUID().uuidString)" + Self.suffix(frontEnd))
        defer { try? FileManager.default.removeItem(at: file) }
        let text = frontEnd == .repl ? Self.replText(inputs) : inputs.map(\.text).joined()
        try? Data(text.utf8).write(to: file)
        let process: FuzzProcess
        switch frontEnd {
        case .run:
            process = FuzzProcess(arguments: ["run", file.path], stdinFile: nil, timeLimit: 2,
                                  workDirectory: workDirectory)
        case .lesson:
            process = FuzzProcess(arguments: ["run", file.path], stdinFile: nil, timeLimit: 4,
                                  workDirectory: workDirectory)
        case .repl:
            process = FuzzProcess(arguments: ["repl"], stdinFile: file, timeLimit: 3, workDirectory: workDirectory,
                                  maxInterrupts: inputs.count + 2)
        }
        return process.run()
    }

    /// Saves a failing input and notes the failure.
    private func record(_ frontEnd: FrontEnd, _ input: MutatedInput, why: String, stderr: String) {
        try? FileManager.default.createDirectory(at: failureDirectory, withIntermediateDirectories: true)
        let saved = failureDirectory.appendingPathComponent(
            "seed-\(input.seed)-input-\(input.index)-\(frontEnd.rawValue)" + Self.suffix(frontEnd))
        let text = frontEnd == .repl ? Self.replText([input]) : input.text
        try? Data(text.utf8).write(to: saved)
        let failure = Failure(frontEnd: frontEnd, label: input.label, verdict: why, savedAt: saved.path,
                              stderrTail: stderr)
        lock.withLock { failures.append(failure) }
    }

    /// The exception class named by the last line of standard error (`NameError: ...`), if it names one.
    private static func errorName(_ text: String) -> String? {
        guard let line = text.split(separator: "\n").last else { return nil }
        let name = line.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        guard !name.isEmpty, name.hasSuffix("Error") || name.hasSuffix("Exception") || name.hasSuffix("Interrupt")
                || name.hasSuffix("Iteration") || name.hasSuffix("Exit") else { return nil }
        return String(name)
    }

    /// REPL input: each script followed by blank lines, so an open block ends before the next begins.
    static func replText(_ inputs: [MutatedInput]) -> String {
        inputs.map { $0.text + "\n\n\n" }.joined()
    }

    private static func suffix(_ frontEnd: FrontEnd) -> String {
        switch frontEnd {
        case .run: ".py"
        case .lesson: ".md"
        case .repl: ".repl"
        }
    }

    private static func name(of verdict: FuzzProcess.Verdict) -> String {
        switch verdict {
        case .finished(let status): "exit \(status)"
        case .interrupted: "interrupted"
        case .failed: "FAILED"
        }
    }
}
