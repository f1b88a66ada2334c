import torch
import torch.nn.functional as F

torch.manual_seed(42)
vocab = ["<eos>", "the", "cat", "sat", "on", "mat", "."]
logits = torch.tensor([0.1, 2.0, 1.5, 0.3, 0.2, 1.0, 0.5])

def sample(logits, temperature=1.0, top_k=None, top_p=None):
    logits = logits / max(temperature, 1e-8)
    if top_k is not None:
        v, _ = torch.topk(logits, min(top_k, logits.size(-1)))
        logits[logits < v[..., [-1]]] = -float("Inf")
    probs = F.softmax(logits, dim=-1)
    if top_p is not None:
        sorted_probs, sorted_idx = torch.sort(probs, descending=True)
        cumulative = torch.cumsum(sorted_probs, dim=-1)
        cutoff = cumulative > top_p
        cutoff[..., 1:] = cutoff[..., :-1].clone()
        cutoff[..., 0] = False
        sorted_probs[cutoff] = 0.0
        probs = torch.zeros_like(probs).scatter(-1, sorted_idx, sorted_probs)
        probs = probs / probs.sum()
    return torch.multinomial(probs, num_samples=1).item()

for temperature in (0.5, 1.0, 2.0):
    counts = {w: 0 for w in vocab}
    for _ in range(100):
        counts[vocab[sample(logits.clone(), temperature=temperature)]] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    print(f"T={temperature}: " + ", ".join(f"{w}={n}" for w, n in ranked if n))

greedy = [vocab[i] for i in torch.argsort(logits, descending=True)[:3].tolist()]
print("greedy top-3:", greedy)
print("top-k:", [vocab[sample(logits.clone(), top_k=2)] for _ in range(5)])
print("nucleus:", [vocab[sample(logits.clone(), top_p=0.9)] for _ in range(5)])

beams = [([], 0.0)]
log_probs = F.log_softmax(logits, dim=-1)
for step in range(3):
    candidates = []
    for seq, score in beams:
        for i, lp in enumerate(log_probs.tolist()):
            candidates.append((seq + [i], score + lp))
    beams = sorted(candidates, key=lambda c: c[1], reverse=True)[:2]
for seq, score in beams:
    print(" ".join(vocab[i] for i in seq), "%.3f" % score)
