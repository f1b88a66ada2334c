import Foundation
import Script
import Tensor
import XCTest

/// Nothing a script passes to printing or formatting may trap or hang.
final class PrintingRobustnessTests: XCTestCase {
    func testAbsurdPrintOptionsStillPrint() throws {
        let tensor = try Tensor((0..<2000).map { Float($0) * 0.5 }, shape: [40, 50])
        let extremes: [PrintOptions] = [
            PrintOptions(precision: -5), PrintOptions(precision: Int.max), PrintOptions(threshold: .nan),
            PrintOptions(threshold: -.infinity), PrintOptions(edgeItems: Int.max), PrintOptions(edgeItems: Int.min),
            PrintOptions(lineWidth: Int.min), PrintOptions(lineWidth: Int.max), PrintOptions(lineWidth: 0),
            PrintOptions(precision: Int.min, threshold: 0, edgeItems: Int.max, lineWidth: Int.min, sciMode: true),
        ]
        for options in extremes {
            let text = TensorRepr.repr(tensor, options: options)
            XCTAssertTrue(text.hasPrefix("tensor(["), "\(options)")
            XCTAssertTrue(text.hasSuffix(")"), "\(options)")
        }
        // Huge edge counts mean nothing is elided.
        XCTAssertFalse(TensorRepr.repr(tensor, options: PrintOptions(edgeItems: Int.max)).contains("..."))
        // A negative precision prints as zero digits (PyTorch would raise).
        XCTAssertEqual(TensorRepr.repr(try Tensor([Float(1.5), 2.25]), options: PrintOptions(precision: -1)),
                       "tensor([2, 2])")
    }

    func testPrintingAHugeTensorReadsOnlyItsEdges() throws {
        let tensor = try Tensor.zeros([1000, 1000])
        let start = Date()
        let text = TensorRepr.repr(tensor)
        XCTAssertLessThan(Date().timeIntervalSince(start), 1.0)
        XCTAssertEqual(text, """
            tensor([[0., 0., 0.,  ..., 0., 0., 0.],
                    [0., 0., 0.,  ..., 0., 0., 0.],
                    [0., 0., 0.,  ..., 0., 0., 0.],
                    ...,
                    [0., 0., 0.,  ..., 0., 0., 0.],
                    [0., 0., 0.,  ..., 0., 0., 0.],
                    [0., 0., 0.,  ..., 0., 0., 0.]])
            """)
    }

    func testHugeWidthsAndPrecisionsAreMemoryErrors() {
        XCTAssertThrowsError(try PythonFormat.format(.int(1), spec: "999999999999")) { error in
            XCTAssertEqual((error as? FormatError)?.kind, .memoryError)
        }
        XCTAssertThrowsError(try PythonFormat.format(.float(1), spec: ".99999999f"))
        XCTAssertThrowsError(try PythonFormat.format(.string("a"), spec: ">99999999999"))
        XCTAssertThrowsError(try PercentFormat.format("%.2147483647d", .single(.int(1))))
        XCTAssertThrowsError(try PercentFormat.format("%*d", .tuple([.int(Int64.max), .int(1)])))
        XCTAssertThrowsError(try PercentFormat.format("%*d", .tuple([.int(Int64.min), .int(1)])))
        XCTAssertEqual(try PythonFormat.format(.string("a"), spec: ".99999999999"), "a")
    }

    func testRandomSpecsAndTemplatesNeverTrap() {
        var generator = SplitMix(seed: 42)
        let alphabet = Array("<>=^+- z#0123456789,_.%bcdeEfFgGnosxXra*()€{}\u{0}\u{301}")
        let values: [FormatValue] = [.int(.min), .int(.max), .int(0), .bool(true), .float(-0.0), .float(.nan),
                                     .float(-.infinity), .float(.leastNonzeroMagnitude),
                                     .float(1.7976931348623157e308),
                                     .string(""), .string("é\u{301}"), .none,
                                     .object(FormatObject(typeName: "T", str: "t", repr: "T()", index: -1))]
        for _ in 0..<20000 {
            let length = Int(generator.next() % 12)
            let spec = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            let value = values[Int(generator.next() % UInt64(values.count))]
            _ = try? PythonFormat.format(value, spec: spec)
            _ = try? PercentFormat.format("%" + spec, .tuple([value, value, value]))
            _ = try? PercentFormat.format(spec, .mapping(value) { (_: String) throws(FormatError) in value })
        }
    }
}

/// A tiny deterministic generator for the fuzz test.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
