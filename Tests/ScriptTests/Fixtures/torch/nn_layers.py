# Activations, Embedding, LayerNorm, Dropout and Conv1d: constructors, settings, printed trees and seeded outputs.
import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(2, 5)
for layer in [nn.GELU(), nn.GELU(approximate='tanh'), nn.SiLU(), nn.Softmax(dim=-1), nn.LogSoftmax(dim=1), nn.ReLU(), nn.Tanh()]:
    print(layer, layer(x)[0])
print(nn.GELU('tanh').approximate, nn.SiLU(inplace=True), nn.SiLU().inplace, nn.Softmax(0).dim, nn.LogSoftmax().dim)
print(type(nn.GELU()), isinstance(nn.Softmax(1), nn.Module))

emb = nn.Embedding(10, 3, padding_idx=2)
print(emb, emb.num_embeddings, emb.embedding_dim, emb.padding_idx, emb.max_norm, emb.norm_type, emb.sparse)
print(emb.weight)
idx = torch.tensor([[1, 2, 4], [4, 3, 9]])
out = emb(idx)
print(out.shape, out[1])
out.sum().backward()
print(emb.weight.grad[:5])
print(nn.Embedding(5, 2, padding_idx=-1).padding_idx, nn.Embedding(4, 2, max_norm=1.0))
pre = nn.Embedding.from_pretrained(torch.tensor([[1.0, 2.0], [3.0, 4.0]]))
print(pre, pre.weight.requires_grad, pre(torch.tensor([1, 0, 1])))
pre2 = emb.from_pretrained(torch.ones(3, 2), freeze=False, padding_idx=0)
print(type(pre2).__name__, pre2.weight.requires_grad, pre2.padding_idx)
print(nn.Embedding(3, 2, dtype=torch.float64).weight.dtype, nn.Embedding(3, 2, device='cpu').weight.device)

ln = nn.LayerNorm(5)
print(ln, ln.normalized_shape, ln.eps, ln.elementwise_affine)
print(ln(x))
ln2 = nn.LayerNorm((2, 5), eps=1e-6, elementwise_affine=False)
print(ln2, ln2.normalized_shape, ln2.weight, list(ln2.parameters()))
print(ln2(x))
print(nn.LayerNorm([5], bias=False), nn.LayerNorm(torch.Size([4])).normalized_shape)

drop = nn.Dropout(0.25)
print(drop, drop.p, drop.inplace, nn.Dropout(), nn.Dropout(p=0.1, inplace=True))
torch.manual_seed(1)
print(drop(torch.ones(2, 6)))
drop.eval()
print(drop(torch.ones(2, 3)), drop.training)

conv = nn.Conv1d(4, 6, 3)
print(conv, conv.in_channels, conv.out_channels, conv.kernel_size, conv.stride, conv.padding, conv.dilation, conv.groups, conv.padding_mode)
print(conv.weight.shape, conv.bias)
signal = torch.randn(2, 4, 7)
print(conv(signal)[0, :2])
conv2 = nn.Conv1d(4, 4, kernel_size=(3,), stride=2, padding=1, dilation=1, groups=2, bias=False)
print(conv2, conv2.kernel_size, conv2.stride, conv2.padding, conv2.bias, conv2(signal).shape)
conv3 = nn.Conv1d(4, 2, 3, padding='same', padding_mode='reflect')
print(conv3, conv3.padding, conv3(signal).shape)
print(nn.Conv1d(4, 2, 2, padding='valid', dilation=2))

model = nn.Sequential(nn.Embedding(6, 4), nn.LayerNorm(4), nn.Dropout(0.0), nn.Linear(4, 3), nn.GELU())
print(model)
print([name for name, _ in model.named_parameters()])
print(model(torch.tensor([0, 5, 3])))
print(type(model[0]), model[1].normalized_shape)

for make in [lambda: nn.Dropout(1.5), lambda: nn.Embedding(3, 2, padding_idx=5),
             lambda: nn.Conv1d(3, 4, 2, groups=2),
             lambda: nn.Embedding.from_pretrained(torch.ones(3)),
             lambda: nn.LayerNorm(3)(torch.ones(2, 4)), lambda: nn.Conv1d(2, 4, 2)(torch.ones(2)),
             lambda: nn.Embedding(3, 2)(torch.tensor([3])), lambda: nn.GELU(approximate='bad')(torch.ones(2)),
             lambda: nn.Softmax(dim=5)(torch.ones(2)), lambda: nn.Linear(2, 3, foo=1),
             lambda: nn.Embedding(3, 2)(torch.tensor([1.0]))]:
    try:
        make()
    except Exception as e:
        print(type(e).__name__, e)
