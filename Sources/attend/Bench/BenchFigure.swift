import Foundation

/// The unit of a figure `attend bench` reports, and which way is better.
enum BenchUnit: String, Sendable {
    /// Milliseconds per run.
    case milliseconds = "ms"
    /// Seconds per run.
    case seconds = "s"
    /// Megabytes of peak resident memory.
    case megabytes = "MB"
    /// Billions of floating-point operations per second.
    case gigaflops = "GFLOP/s"

    /// Whether a larger value is better (a rate) rather than worse (a time or an amount of memory).
    var higherIsBetter: Bool {
        switch self {
        case .milliseconds, .seconds, .megabytes: false
        case .gigaflops: true
        }
    }
}

/// One reported figure: Attend's value and, with `--compare`, PyTorch's.
struct BenchFigure: Sendable {
    /// The stable, lower-case name (`attention 1024 tokens`).
    let name: String
    /// The unit both values are in.
    let unit: BenchUnit
    /// Attend's value.
    let attend: Double
    /// PyTorch's value, when compared and the workload has a PyTorch side.
    var pytorch: Double?

    /// How many times better Attend is than PyTorch (above 1: Attend is better, whichever way the unit points);
    /// nil without a PyTorch value or when either value is zero or not finite.
    var ratio: Double? {
        guard let pytorch, attend.isFinite, pytorch.isFinite, attend > 0, pytorch > 0 else { return nil }
        return unit.higherIsBetter ? attend / pytorch : pytorch / attend
    }

    /// `name: value unit`, with `(pytorch value unit, ratio Nx)` after it when PyTorch's value is known.
    var line: String {
        let own = "\(name): \(Self.number(attend)) \(unit.rawValue)"
        guard let pytorch else { return own }
        let ratioText = ratio.map { "\(Self.number($0))x" } ?? "n/a"
        return own + " (pytorch \(Self.number(pytorch)) \(unit.rawValue), ratio \(ratioText))"
    }

    /// The JSON object for the figure: `value` and `unit`, plus `pytorch` and `ratio` when compared.
    var jsonObject: [String: Any] {
        var object: [String: Any] = ["value": Self.rounded(attend), "unit": unit.rawValue]
        if let pytorch { object["pytorch"] = Self.rounded(pytorch) }
        if let ratio { object["ratio"] = Self.rounded(ratio) }
        return object
    }

    /// Figures as one JSON object keyed by name, pretty-printed with sorted keys.
    static func json(_ figures: [BenchFigure]) throws -> String {
        var object: [String: Any] = [:]
        for figure in figures { object[figure.name] = figure.jsonObject }
        let data = try JSONSerialization.data(withJSONObject: object,
                                              options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// Three significant figures (all the digits before the point when there are more), without exponent: 2.31,
    /// 0.0521, 12.3, 1234.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let magnitude = abs(value)
        guard magnitude >= 1e-6 else { return "0" }
        let decimals = min(max(2 - Int(log10(magnitude).rounded(.down)), 0), 8)
        return String(format: "%.\(decimals)f", value)
    }

    /// The value as printed, back as a number (so JSON and text agree).
    static func rounded(_ value: Double) -> Double {
        Double(number(value)) ?? 0
    }
}
