/// The workloads whose cost is the interpreter and per-op dispatch: many tiny ops in a Python loop.
extension BenchScript {
    /// Elementwise ops and a softmax on 8 elements, `iterations` times in a Python loop.
    static func smallOps(iterations: Int, runs: Int, warmUp: Bool) -> BenchScript {
        BenchScript(name: "small-op loop \(iterations) iterations", unit: .milliseconds, source: """
            ITERATIONS = \(iterations)
            import torch
            torch.manual_seed(0)
            x = torch.randn(8)
            w = torch.randn(8)

            def work():
                y = x
                for _ in range(ITERATIONS):
                    y = torch.softmax((x * w + 0.5).tanh(), dim=0)
                return y

            """, runs: runs, warmUp: warmUp)
    }

    /// Decoding `steps` tokens one at a time: each step appends its token to a key/value cache with torch.cat and
    /// attends to the whole cache with a 64-wide, 4-head nn.MultiheadAttention.
    static func kvCache(steps: Int, runs: Int, warmUp: Bool) -> BenchScript {
        BenchScript(name: "kv-cache decoding \(steps) steps", unit: .milliseconds, source: """
            STEPS = \(steps)
            import torch
            import torch.nn as nn
            torch.manual_seed(0)
            attention = nn.MultiheadAttention(64, 4)
            tokens = torch.randn(STEPS, 1, 64)

            def work():
                with torch.no_grad():
                    cache = tokens[0:1]
                    out = cache
                    for step in range(1, STEPS):
                        query = tokens[step:step + 1]
                        cache = torch.cat([cache, query], dim=0)
                        out, _ = attention(query, cache, cache)
                return out

            """, runs: runs, warmUp: warmUp)
    }

    /// One training step of the seed document's GRU language model (embedding, GRU, linear; vocabulary 50, hidden
    /// 64, batch 16, 32 tokens of sequence) with Adam.
    static func gruTraining(runs: Int, warmUp: Bool) -> BenchScript {
        BenchScript(name: "gru training step", unit: .milliseconds, source: """
            import torch
            import torch.nn as nn
            import torch.nn.functional as F
            torch.manual_seed(0)
            vocab_size = 50
            hidden_dim = 64
            batch_size = 16
            seq_len = 32

            class ToyARModel(nn.Module):
                def __init__(self, vocab_size, hidden_dim):
                    super().__init__()
                    self.embed = nn.Embedding(vocab_size, hidden_dim)
                    self.rnn = nn.GRU(hidden_dim, hidden_dim, batch_first=True)
                    self.fc = nn.Linear(hidden_dim, vocab_size)

                def forward(self, x):
                    h = self.embed(x)
                    out, _ = self.rnn(h)
                    return self.fc(out)

            model = ToyARModel(vocab_size, hidden_dim)
            optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
            data = torch.randint(0, vocab_size, (batch_size, seq_len + 1))

            def work():
                logits = model(data[:, :-1])
                log_probs = F.log_softmax(logits, dim=-1)
                loss = F.nll_loss(log_probs.reshape(-1, vocab_size), data[:, 1:].reshape(-1))
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                return loss

            """, runs: runs, warmUp: warmUp)
    }
}
