# A makemore-style bigram sampler and batch-normed MLP trained by hand (p.data += -lr * p.grad, keepdims=True),
# then a nanoGPT-style masked attention head; every printed digit is PyTorch's.
import torch
import torch.nn.functional as F
words = ["emma", "olivia", "ava", "isabella", "sophia", "mia", "charlotte", "amelia"]
chars = sorted(list(set("".join(words))))
stoi = {s: i + 1 for i, s in enumerate(chars)}
stoi["."] = 0
itos = {i: s for s, i in stoi.items()}
V = len(stoi)
N = torch.zeros((V, V), dtype=torch.long)
for w in words:
    chs = ["."] + list(w) + ["."]
    for ch1, ch2 in zip(chs, chs[1:]):
        N[stoi[ch1], stoi[ch2]] += 1
P = (N + 1).float()
P /= P.sum(1, keepdims=True)
g = torch.Generator().manual_seed(2147483647)
for i in range(3):
    out = []
    ix = 0
    while True:
        p = P[ix]
        ix = torch.multinomial(p, num_samples=1, replacement=True, generator=g).item()
        out.append(itos[ix])
        if ix == 0:
            break
    print("".join(out))
block_size = 3
X, Y = [], []
for w in words:
    context = [0] * block_size
    for ch in w + ".":
        ix = stoi[ch]
        X.append(context)
        Y.append(ix)
        context = context[1:] + [ix]
X = torch.tensor(X)
Y = torch.tensor(Y)
C = torch.randn((V, 2), generator=g)
W1 = torch.randn((6, 20), generator=g) * (5 / 3) / (6 ** 0.5)
b1 = torch.randn(20, generator=g) * 0.01
W2 = torch.randn((20, V), generator=g) * 0.01
b2 = torch.randn(V, generator=g) * 0
bngain = torch.ones((1, 20))
bnbias = torch.zeros((1, 20))
bnmean_running = torch.zeros((1, 20))
bnstd_running = torch.ones((1, 20))
parameters = [C, W1, b1, W2, b2, bngain, bnbias]
for p in parameters:
    p.requires_grad = True
lossi = []
for i in range(200):
    ix = torch.randint(0, X.shape[0], (8,), generator=g)
    emb = C[X[ix]]
    embcat = emb.view(emb.shape[0], -1)
    hpreact = embcat @ W1 + b1
    bnmeani = hpreact.mean(0, keepdim=True)
    bnstdi = hpreact.std(0, keepdim=True)
    hpreact = bngain * (hpreact - bnmeani) / bnstdi + bnbias
    with torch.no_grad():
        bnmean_running = 0.999 * bnmean_running + 0.001 * bnmeani
        bnstd_running = 0.999 * bnstd_running + 0.001 * bnstdi
    h = torch.tanh(hpreact)
    logits = h @ W2 + b2
    loss = F.cross_entropy(logits, Y[ix])
    for p in parameters:
        p.grad = None
    loss.backward()
    lr = 0.1 if i < 100 else 0.01
    for p in parameters:
        p.data += -lr * p.grad
    lossi.append(loss.log10().item())
print(f"{loss.item():.4f}", torch.tensor(lossi).view(-1, 20).mean(1))
@torch.no_grad()
def split_loss():
    emb = C[X]
    h = torch.tanh(bngain * ((emb.view(emb.shape[0], -1) @ W1 + b1) - bnmean_running) / bnstd_running + bnbias)
    return F.cross_entropy(h @ W2 + b2, Y).item()
print(round(split_loss(), 4))
# nanoGPT-style head
torch.manual_seed(1337)
B, T, Cc = 4, 8, 32
x = torch.randn(B, T, Cc)
head_size = 16
key = torch.randn(Cc, head_size) * Cc ** -0.5
query = torch.randn(Cc, head_size) * Cc ** -0.5
value = torch.randn(Cc, head_size) * Cc ** -0.5
k, q, v = x @ key, x @ query, x @ value
wei = q @ k.transpose(-2, -1) * head_size ** -0.5
tril = torch.tril(torch.ones(T, T))
wei = wei.masked_fill(tril[:T, :T] == 0, float("-inf"))
wei = F.softmax(wei, dim=-1)
wei = F.dropout(wei, p=0.2, training=True)
out = wei @ v
print(out.shape, out[0, :2, :4])
sdpa = F.scaled_dot_product_attention(q.unsqueeze(1), k.unsqueeze(1), v.unsqueeze(1), is_causal=True)
print(sdpa.shape, sdpa[0, 0, :2, :4])
idx = torch.zeros((1, 1), dtype=torch.long)
logits = torch.randn(1, 1, 65)
probs = F.softmax(logits[:, -1, :] / 0.8, dim=-1)
v_, _ = torch.topk(logits[:, -1, :], 5)
print(v_, torch.cat((idx, torch.multinomial(probs, num_samples=1)), dim=1))

# expect: chba.
# expect: chba.
# expect: ottotet.
# expect: 1.7318 tensor([0.4124, 0.3636, 0.3118, 0.2706, 0.2423, 0.2485, 0.2613, 0.2546, 0.2753,
# expect:         0.2611])
# expect: 1.7588
# expect: torch.Size([4, 8, 16]) tensor([[ 0.0000,  0.0000,  0.0000,  0.0000],
# expect:         [-1.0591, -1.4341,  0.6698, -0.1158]])
# expect: torch.Size([4, 1, 8, 16]) tensor([[-0.9366, -1.5601,  0.6735, -0.2784],
# expect:         [-0.8473, -1.1473,  0.5358, -0.0926]])
# expect: tensor([[2.1793, 2.0593, 2.0566, 1.7093, 1.6540]]) tensor([[ 0, 38]])
