import Foundation

/// The seed texts the fuzzer mutates: the language tests, the torch fixtures and the seed document's cells (run as
/// scripts and through the REPL), and the lessons (run as lessons).
struct FuzzCorpus {
    /// A seed: where it came from and its text.
    struct Seed {
        let name: String
        let text: String
    }

    /// Python scripts.
    let scripts: [Seed]
    /// Lesson files.
    let lessons: [Seed]

    /// The repository this file is in.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Reads the seeds from the repository.
    static func load() -> FuzzCorpus {
        let fixtures = "Tests/ScriptTests/Fixtures/"
        let scripts = ["language", "torch", "seed_cells"].flatMap { files(in: fixtures + $0, ending: ".py") }
        let lessons = files(in: "Lessons", ending: ".md").filter { $0.name.split(separator: "/").last?.first?.isNumber == true }
        return FuzzCorpus(scripts: scripts, lessons: lessons)
    }

    /// The files directly in `folder` (relative to the repository) whose names end in `suffix`, sorted by name.
    static func files(in folder: String, ending suffix: String) -> [Seed] {
        let directory = repository.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().compactMap { name in
            guard let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) else {
                return nil
            }
            return Seed(name: folder + "/" + name, text: text)
        }
    }
}
