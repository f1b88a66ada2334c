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

# expect: MultiheadAttention(
# expect:   (out_proj): NonDynamicallyQuantizableLinear(in_features=8, out_features=8, bias=True)
# expect: )
# expect: 8 2 4 False 0.0 8 8 None False True
# expect: [('in_proj_weight', (24, 8)), ('in_proj_bias', (24,)), ('out_proj.weight', (8, 8)), ('out_proj.bias', (8,))]
# expect: <class 'torch.nn.modules.linear.NonDynamicallyQuantizableLinear'> True 8 True
# expect: tensor([[ 0.1702,  0.3588,  0.3768,  0.3821,  0.0862, -0.3765,  0.0398, -0.2709],
# expect:         [-0.4035,  0.3847,  0.3292, -0.4319,  0.0810, -0.0729, -0.0713, -0.1982]],
# expect:        grad_fn=<SliceBackward0>) tensor([0., 0., 0., 0.], grad_fn=<SliceBackward0>) tensor([0., 0., 0., 0.], grad_fn=<SliceBackward0>)
# expect: torch.Size([3, 2, 8]) torch.Size([2, 3, 3])
# expect: tensor([[-0.0441, -0.1301, -0.0857, -0.4579,  0.3304, -0.1220,  0.3193, -0.1087],
# expect:         [-0.0744,  0.1620, -0.0277,  0.5327, -0.5114,  0.1338, -0.2247, -0.0491]],
# expect:        grad_fn=<SelectBackward0>) tensor([[0.3239, 0.3401, 0.3360],
# expect:         [0.3364, 0.3473, 0.3163],
# expect:         [0.3058, 0.3409, 0.3533]], grad_fn=<SelectBackward0>)
# expect: None
# expect: torch.Size([2, 2, 3, 3]) tensor([[1.0000, 0.0000, 0.0000],
# expect:         [0.5522, 0.4478, 0.0000],
# expect:         [0.3496, 0.3228, 0.3276]], grad_fn=<SelectBackward0>)
# expect: tensor([[0.6557, 0.3443, 0.0000],
# expect:         [0.4544, 0.5456, 0.0000],
# expect:         [0.4301, 0.5699, 0.0000]], grad_fn=<SelectBackward0>)
# expect: MultiheadAttention(
# expect:   (out_proj): NonDynamicallyQuantizableLinear(in_features=8, out_features=8, bias=False)
# expect: ) True 6 5 None None
# expect: [('q_proj_weight', (8, 8)), ('k_proj_weight', (8, 6)), ('v_proj_weight', (8, 5)), ('out_proj.weight', (8, 8))]
# expect: torch.Size([2, 3, 8]) torch.Size([2, 3, 4]) tensor([-0.4356,  0.3166,  0.0105, -0.1944,  0.4505,  0.2834,  0.0459,  0.2525],
# expect:        grad_fn=<SelectBackward0>)
# expect: torch.Size([1, 1, 4]) True ['in_proj_weight', 'in_proj_bias', 'bias_k', 'bias_v', 'out_proj.weight', 'out_proj.bias']
# expect: Block(
# expect:   (sa): MultiHeadAttention(
# expect:     (heads): ModuleList(
# expect:       (0-1): 2 x Head(
# expect:         (key): Linear(in_features=8, out_features=4, bias=False)
# expect:         (query): Linear(in_features=8, out_features=4, bias=False)
# expect:         (value): Linear(in_features=8, out_features=4, bias=False)
# expect:         (dropout): Dropout(p=0.0, inplace=False)
# expect:       )
# expect:     )
# expect:     (proj): Linear(in_features=8, out_features=8, bias=True)
# expect:     (dropout): Dropout(p=0.0, inplace=False)
# expect:   )
# expect:   (ffwd): FeedForward(
# expect:     (net): Sequential(
# expect:       (0): Linear(in_features=8, out_features=32, bias=True)
# expect:       (1): ReLU()
# expect:       (2): Linear(in_features=32, out_features=8, bias=True)
# expect:       (3): Dropout(p=0.0, inplace=False)
# expect:     )
# expect:   )
# expect:   (ln1): LayerNorm((8,), eps=1e-05, elementwise_affine=True, bias=True)
# expect:   (ln2): LayerNorm((8,), eps=1e-05, elementwise_affine=True, bias=True)
# expect: )
# expect: [('sa.heads.0.key.weight', (4, 8)), ('sa.heads.0.query.weight', (4, 8)), ('sa.heads.0.value.weight', (4, 8)), ('sa.heads.1.key.weight', (4, 8)), ('sa.heads.1.query.weight', (4, 8)), ('sa.heads.1.value.weight', (4, 8))]
# expect: ['sa.heads.0.tril', 'sa.heads.0.key.weight', 'sa.heads.0.query.weight', 'sa.heads.0.value.weight', 'sa.heads.1.tril'] 18
# expect: tensor([[-0.6038,  2.0761, -0.3576,  3.0297, -0.6988,  0.8405,  0.9281,  0.0126],
# expect:         [-0.1262,  0.4482,  1.8350,  0.7842,  1.0155, -0.6504, -0.0435, -0.5562],
# expect:         [ 1.3465,  1.3476,  1.6981,  1.7107,  0.8331,  1.3337, -0.7311,  1.2940],
# expect:         [-0.9806,  2.1158,  0.6867,  2.3347,  0.1230, -0.0249,  0.4924,  1.0462]],
# expect:        grad_fn=<SelectBackward0>)
# expect: tensor([-0.0480,  0.0335,  0.0106, -0.0863, -0.1351,  0.0096,  0.1285,  0.0873])
# expect: tensor([-0.8751, -0.6258, -1.1730, -0.3863,  0.2667,  0.2979,  2.2586,  0.2370],
# expect:        grad_fn=<SelectBackward0>) Block Head
# expect: AssertionError embed_dim must be divisible by num_heads
# expect: TypeError MultiheadAttention.forward() missing 2 required positional arguments: 'key' and 'value'
# expect: AssertionError key shape torch.Size([3, 2, 8]) does not match value shape torch.Size([3, 2, 5])
# expect: ValueError embed_dim and num_heads must be greater than 0, got embed_dim=0 and num_heads=2 instead
