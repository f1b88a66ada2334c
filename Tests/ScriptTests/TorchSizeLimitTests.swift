import XCTest

@testable import Script

/// Functions whose output size comes from the values given (a bin count, a step count) refuse sizes past the tensor
/// memory cap with MemoryError (or, past what a size can hold, PyTorch's storage-size RuntimeError) instead of
/// allocating them.
final class TorchSizeLimitTests: XCTestCase {
    func testHugeOutputSizesAreMemoryErrors() throws {
        var output = ""
        let interpreter = Interpreter { output += $0 }
        try TorchBinding.install(in: interpreter)
        let source = """
            import torch
            for make in [lambda: torch.bincount(torch.tensor([10**12])),
                         lambda: torch.bincount(torch.tensor([9223372036854775807])),
                         lambda: torch.logspace(0, 1, 10**12)]:
                try:
                    make()
                except (MemoryError, RuntimeError) as e:
                    print(type(e).__name__)
            print(torch.bincount(torch.tensor([0, 2])))
            """
        guard case .success = interpreter.run(source: source) else { return XCTFail("uncaught exception") }
        XCTAssertEqual(output, "MemoryError\nRuntimeError\nMemoryError\ntensor([1, 0, 1])\n",
                       "the largest int64 bin cannot have a size: the storage size overflows, as PyTorch says")
    }

    /// Expanded tensors claim far more elements than memory holds: anything that would copy them whole (a row of
    /// scratch, a list, the printed text) or a layer count no memory holds is a MemoryError, never a trap or a hang.
    func testWorkOnHugeExpandedTensorsIsMemoryError() throws {
        var output = ""
        let interpreter = Interpreter { output += $0 }
        try TorchBinding.install(in: interpreter)
        let source = """
            import torch
            import torch.nn as nn
            import torch.nn.functional as F
            import matplotlib.pyplot as plt
            huge = torch.tensor([1.0]).expand(2**62)
            index = torch.zeros(1, dtype=torch.long).expand(2**40)
            cases = [lambda: huge.topk(1), lambda: torch.tensor([1.0]).expand(2**40).topk(1), lambda: huge.tolist(),
                     lambda: plt.plot(huge), lambda: torch.bincount(index),
                     lambda: F.embedding(index, torch.ones(3, 2), max_norm=1.0),
                     lambda: torch.tensor([1.0]).expand(2**40).masked_select(torch.tensor(True)),
                     lambda: F.pad(torch.ones(1, 2), (2**40, 0), mode="replicate"),
                     lambda: nn.GRU(2, 2, num_layers=10**9), lambda: nn.GRU(2, 2, num_layers=2**62)]
            for case in cases:
                try:
                    case()
                    print("no error")
                except MemoryError:
                    print("MemoryError")
            torch.set_printoptions(threshold=float("inf"))
            try:
                print(huge)
            except MemoryError:
                print("MemoryError")
            print(torch.tensor([3.0, 1.0, 2.0]).topk(2).values, torch.ones(1).expand(3).tolist())
            """
        guard case .success = interpreter.run(source: source) else { return XCTFail("uncaught exception:\n\(output)") }
        XCTAssertEqual(output, String(repeating: "MemoryError\n", count: 11) + "tensor([3., 2.]) [1.0, 1.0, 1.0]\n")
    }
}
