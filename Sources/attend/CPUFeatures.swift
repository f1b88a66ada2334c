import Foundation

/// The processor features a release build's engine is compiled for. On x86-64, Tensor and Script are built for
/// x86-64-v3 (Haswell: AVX2, FMA, BMI2), whose 256-bit vectors halve the time of attention's softmax; a processor
/// without them would stop the process with an illegal instruction, so `attend` checks first and says so instead.
enum CPUFeatures {
    /// The `/proc/cpuinfo` flags the engine's code may use.
    static let required = ["avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe"]

    /// Exits with a message when this is a release build on an x86-64 processor lacking a required feature. When the
    /// processor cannot be asked (no /proc/cpuinfo), it goes on.
    static func check() {
        #if arch(x86_64) && !DEBUG
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let missing = missing(cpuinfo: info), !missing.isEmpty else { return }
        Console.error("attend: this build needs an x86-64 processor with AVX2 and FMA (x86-64-v3, 2013 or later); "
                      + "this one lacks \(missing.joined(separator: ", ")). A debug build (swift build) runs anywhere.")
        exit(1)
        #endif
    }

    /// The required flags the first processor in `cpuinfo` lacks, or nil when it lists no flags.
    static func missing(cpuinfo: String) -> [String]? {
        guard let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let colon = line.firstIndex(of: ":") else { return nil }
        let flags = Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
        return required.filter { !flags.contains($0) }
    }
}
