# nn.MultiheadAttention: settings, parameters, out_proj's class, forward with masks and weights; and a Karpathy-style
# Head / MultiHeadAttention / Block built from nn layers in script classes.
import torch
import torch.nn as nn
from torch.nn import functional as F

torch.manual_seed(0)
mha = nn.MultiheadAttention(8, 2)
print(mha)
print(mha.embed_dim, mha.num_heads, mha.head_dim, mha.batch_first, mha.dropout, mha.kdim, mha.vdim, mha.bias_k, mha.add_zero_attn, mha._qkv_same_embed_dim)
print([(name, tuple(p.shape)) for name, p in mha.named_parameters()])
print(type(mha.out_proj), isinstance(mha.out_proj, nn.Linear), mha.out_proj.in_features, mha.out_proj is mha.out_proj)
print(mha.in_proj_weight[:2], mha.in_proj_bias[:4], mha.out_proj.bias[:4])
x = torch.randn(3, 2, 8)
out, w = mha(x, x, x)
print(out.shape, w.shape)
print(out[0], w[1])
out, w = mha(x, x, x, need_weights=False)
print(w)
mask = nn.Transformer.generate_square_subsequent_mask(3)
out, w = mha(x, x, x, attn_mask=mask, average_attn_weights=False)
print(w.shape, w[0, 0])
pad = torch.tensor([[False, False, True], [False, False, False]])
out, w = mha(query=x, key=x, value=x, key_padding_mask=pad, is_causal=False)
print(w[0])
bf = nn.MultiheadAttention(8, 4, batch_first=True, bias=False, kdim=6, vdim=5)
print(bf, bf.batch_first, bf.kdim, bf.vdim, bf.in_proj_weight, bf.in_proj_bias)
print([(name, tuple(p.shape)) for name, p in bf.named_parameters()])
q = torch.randn(2, 3, 8)
k = torch.randn(2, 4, 6)
v = torch.randn(2, 4, 5)
out, w = bf(q, k, v)
print(out.shape, w.shape, out[1, 0])
kv = nn.MultiheadAttention(4, 1, add_bias_kv=True, add_zero_attn=True)
print(kv.bias_k.shape, kv.add_zero_attn, list(kv.state_dict().keys()))


class Head(nn.Module):
    def __init__(self, n_embd, head_size, block_size):
        super().__init__()
        self.key = nn.Linear(n_embd, head_size, bias=False)
        self.query = nn.Linear(n_embd, head_size, bias=False)
        self.value = nn.Linear(n_embd, head_size, bias=False)
        self.register_buffer('tril', torch.tril(torch.ones(block_size, block_size)))
        self.dropout = nn.Dropout(0.0)

    def forward(self, x):
        B, T, C = x.shape
        k = self.key(x)
        q = self.query(x)
        wei = q @ k.transpose(-2, -1) * k.shape[-1] ** -0.5
        wei = wei.masked_fill(self.tril[:T, :T] == 0, float('-inf'))
        wei = F.softmax(wei, dim=-1)
        wei = self.dropout(wei)
        return wei @ self.value(x)


class MultiHeadAttention(nn.Module):
    def __init__(self, num_heads, n_embd, head_size, block_size):
        super().__init__()
        self.heads = nn.ModuleList([Head(n_embd, head_size, block_size) for _ in range(num_heads)])
        self.proj = nn.Linear(head_size * num_heads, n_embd)
        self.dropout = nn.Dropout(0.0)

    def forward(self, x):
        out = torch.cat([h(x) for h in self.heads], dim=-1)
        return self.dropout(self.proj(out))


class FeedForward(nn.Module):
    def __init__(self, n_embd):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_embd, 4 * n_embd), nn.ReLU(), nn.Linear(4 * n_embd, n_embd), nn.Dropout(0.0))

    def forward(self, x):
        return self.net(x)


class Block(nn.Module):
    def __init__(self, n_embd, n_head, block_size):
        super().__init__()
        head_size = n_embd // n_head
        self.sa = MultiHeadAttention(n_head, n_embd, head_size, block_size)
        self.ffwd = FeedForward(n_embd)
        self.ln1 = nn.LayerNorm(n_embd)
        self.ln2 = nn.LayerNorm(n_embd)

    def forward(self, x):
        x = x + self.sa(self.ln1(x))
        x = x + self.ffwd(self.ln2(x))
        return x


torch.manual_seed(1337)
block = Block(8, 2, 4)
print(block)
print([(name, tuple(p.shape)) for name, p in block.named_parameters()][:6])
print(list(block.state_dict().keys())[:5], len(block.state_dict()))
xb = torch.randn(2, 4, 8)
y = block(xb)
print(y[0])
y.sum().backward()
print(block.sa.heads[0].key.weight.grad[0])
blocks = nn.Sequential(*[Block(8, 2, 4) for _ in range(2)], nn.LayerNorm(8))
print(blocks(xb)[1, -1], type(blocks[0]).__name__, type(blocks[0].sa.heads[1]).__name__)

for make in [lambda: nn.MultiheadAttention(10, 3), lambda: nn.MultiheadAttention(4, 2)(torch.ones(2, 4)),
             lambda: mha(x, x, torch.ones(3, 2, 5)), lambda: nn.MultiheadAttention(0, 2)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
