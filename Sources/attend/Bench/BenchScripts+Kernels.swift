/// The workloads whose cost is the kernels: attention over long sequences and square matrix products.
extension BenchScript {
    /// The setup of the attention workloads: a 64-wide, 4-head nn.MultiheadAttention and `tokens` random tokens
    /// (sequence first, batch 1); `work()` is one self-attention forward without autograd, weights returned
    /// averaged over heads as the module's defaults ask.
    static func attentionSource(tokens: Int) -> String {
        """
        TOKENS = \(tokens)
        import torch
        import torch.nn as nn
        torch.manual_seed(0)
        attention = nn.MultiheadAttention(64, 4)
        x = torch.randn(TOKENS, 1, 64)

        def work():
            with torch.no_grad():
                out, weights = attention(x, x, x)
            return out

        """
    }

    /// One nn.MultiheadAttention(64, 4) forward over `tokens` tokens, in milliseconds.
    static func attention(tokens: Int, runs: Int, warmUp: Bool) -> BenchScript {
        BenchScript(name: "attention \(tokens) tokens", unit: .milliseconds,
                    source: attentionSource(tokens: tokens), runs: runs, warmUp: warmUp)
    }

    /// The script whose process's peak memory is measured: the attention setup and one forward.
    static func attentionOnce(tokens: Int) -> String {
        attentionSource(tokens: tokens) + "work()\n"
    }

    /// A `size` x `size` float32 matrix product, in GFLOP/s (2 size³ operations per product).
    static func gemm(size: Int, runs: Int, warmUp: Bool) -> BenchScript {
        let side = Double(size)
        return BenchScript(name: "gemm \(size)", unit: .gigaflops, source: """
            SIZE = \(size)
            import torch
            torch.manual_seed(0)
            a = torch.randn(SIZE, SIZE)
            b = torch.randn(SIZE, SIZE)

            def work():
                return a @ b

            """, runs: runs, warmUp: warmUp, flops: 2 * side * side * side)
    }

    /// The two-line script whose whole process is timed for start-up: import torch and print something.
    static let startUpSource = """
        import torch
        print(torch.ones(3).sum())

        """
}
