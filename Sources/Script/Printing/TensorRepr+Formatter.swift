import Tensor

extension TensorRepr {
    /// Turns elements into equally wide text, deciding once per tensor between integer style (`1.`), fixed (`0.5000`)
    /// and scientific (`1.0000e-05`) notation.
    ///
    /// The decision looks only at the nonzero finite elements: all integral means integer style; scientific when the
    /// largest magnitude exceeds 1e8 or 1000 times the smallest, or (outside integer style) the smallest is below
    /// 1e-4, unless the options force it on or off. The width is the widest of those elements in the chosen style,
    /// so zeros, NaN and infinities are padded to it but never widen it.
    struct Formatter {
        /// Whether the elements are floating point.
        let floating: Bool
        /// Whether every nonzero finite element is integral.
        private(set) var intMode = true
        /// Whether elements print in scientific notation.
        private(set) var sciMode = false
        /// The width every element is padded to.
        private(set) var width = 1
        /// Digits after the point.
        let precision: Int

        /// A formatter for the given elements of a tensor of `dtype`.
        init(values: [Scalar], dtype: DType, options: PrintOptions) {
            floating = dtype.isFloatingPoint
            precision = options.effectivePrecision
            guard floating else {
                for value in values { width = max(width, Self.plainText(value).count) }
                return
            }
            var finite: [Double] = []
            finite.reserveCapacity(values.count)
            var smallest = Double.infinity
            var largest = 0.0
            for value in values {
                let number = value.doubleValue
                guard number.isFinite, number != 0 else { continue }
                finite.append(number)
                smallest = Swift.min(smallest, Swift.abs(number))
                largest = Swift.max(largest, Swift.abs(number))
                if intMode && number != number.rounded(.up) { intMode = false }
            }
            // NOTE: with no nonzero finite element PyTorch returns before applying a forced sci_mode, so
            // `tensor([0., nan])` stays in integer style even with sci_mode=True.
            guard !finite.isEmpty else { return }
            let ratioTooLarge = largest / smallest > 1000 || largest > 1e8
            sciMode = options.sciMode ?? (intMode ? ratioTooLarge : ratioTooLarge || smallest < 1e-4)
            for number in finite {
                let length: Int
                if sciMode {
                    length = FloatFormatting.scientific(number, precision: precision).count
                } else if intMode {
                    length = FloatFormatting.fixed(number, precision: 0).count + 1
                } else {
                    length = FloatFormatting.fixed(number, precision: precision).count
                }
                width = Swift.max(width, length)
            }
        }

        /// One element, right-aligned to the common width.
        func format(_ value: Scalar) -> String {
            let text = unpadded(value)
            let padding = width - text.count
            return padding > 0 ? String(repeating: " ", count: padding) + text : text
        }

        /// One element in the chosen style, without padding.
        func unpadded(_ value: Scalar) -> String {
            guard floating else { return Self.plainText(value) }
            let number = value.doubleValue
            if sciMode { return FloatFormatting.scientific(number, precision: precision) }
            if intMode {
                let text = FloatFormatting.fixed(number, precision: 0)
                return number.isFinite ? text + "." : text
            }
            return FloatFormatting.fixed(number, precision: precision)
        }

        /// How Python's `str` shows an int or bool element.
        private static func plainText(_ value: Scalar) -> String {
            switch value {
            case .bool(let flag): return flag ? "True" : "False"
            case .int(let integer): return String(integer)
            case .float(let number): return number.pythonRepr
            }
        }
    }
}
