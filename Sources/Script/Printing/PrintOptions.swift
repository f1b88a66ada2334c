/// How tensors print: the state `torch.set_printoptions` changes.
///
/// The defaults are PyTorch's: four digits after the point, summarisation above 1000 elements keeping three items
/// at each edge of every dimension, 80 columns, and scientific notation chosen per tensor.
public struct PrintOptions: Sendable, Equatable {
    /// Digits after the decimal point for floating-point elements (`precision`).
    public var precision: Int
    /// Tensors with more elements than this print summarised with `...` (`threshold`; may be infinite).
    public var threshold: Double
    /// Items kept at the start and end of each dimension when summarising (`edgeitems`).
    public var edgeItems: Int
    /// Columns a row of elements may fill before wrapping (`linewidth`).
    public var lineWidth: Int
    /// `true` or `false` forces scientific notation on or off; `nil` lets each tensor decide (`sci_mode`).
    public var sciMode: Bool?

    /// A preset of `torch.set_printoptions(profile=...)`.
    public enum Profile: String, Sendable, CaseIterable {
        /// Four digits, summarise above 1000 elements with three edge items.
        case `default`
        /// Two digits and two edge items.
        case short
        /// Four digits and never summarise.
        case full
    }

    /// PyTorch's default options.
    public static let `default` = PrintOptions(profile: .default)

    /// Options with every value given.
    public init(precision: Int = 4, threshold: Double = 1000, edgeItems: Int = 3, lineWidth: Int = 80,
                sciMode: Bool? = nil) {
        self.precision = precision
        self.threshold = threshold
        self.edgeItems = edgeItems
        self.lineWidth = lineWidth
        self.sciMode = sciMode
    }

    /// The options a profile sets, with automatic scientific notation.
    public init(profile: Profile) {
        switch profile {
        case .default: self.init(precision: 4, threshold: 1000, edgeItems: 3, lineWidth: 80)
        case .short: self.init(precision: 2, threshold: 1000, edgeItems: 2, lineWidth: 80)
        case .full: self.init(precision: 4, threshold: .infinity, edgeItems: 3, lineWidth: 80)
        }
    }

    /// Applies a `torch.set_printoptions(...)` call: the profile first, then every value given.
    ///
    /// As in PyTorch, options not given keep their values, except `sci_mode`, which every call sets (to automatic
    /// when not given). An unknown profile name is ignored, as PyTorch ignores it.
    public mutating func set(precision: Int? = nil, threshold: Double? = nil, edgeItems: Int? = nil,
                             lineWidth: Int? = nil, profile: String? = nil, sciMode: Bool? = nil) {
        if let profile, let preset = Profile(rawValue: profile) {
            let values = PrintOptions(profile: preset)
            self.precision = values.precision
            self.threshold = values.threshold
            self.edgeItems = values.edgeItems
            self.lineWidth = values.lineWidth
        }
        if let precision { self.precision = precision }
        if let threshold { self.threshold = threshold }
        if let edgeItems { self.edgeItems = edgeItems }
        if let lineWidth { self.lineWidth = lineWidth }
        self.sciMode = sciMode
    }

    // NOTE: PyTorch does not validate the options; a negative precision makes its printing raise and negative
    // edge items slice oddly. The formatter clamps both at zero instead so printing never fails.
    /// The precision the formatter uses.
    var effectivePrecision: Int { min(max(precision, 0), Self.maximumPrecision) }
    /// The edge items the formatter uses.
    var effectiveEdgeItems: Int { max(edgeItems, 0) }
    /// The line width the formatter uses: extremes clamped so column arithmetic cannot overflow (the layout is
    /// the same, one element per line or everything on one).
    var effectiveLineWidth: Int { min(max(lineWidth, -(1 << 40)), 1 << 40) }

    /// Digits beyond this would only print zeros from the exact expansion; the cap keeps a huge value from making
    /// one element megabytes long.
    static let maximumPrecision = 1100
}
