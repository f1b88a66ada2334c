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

# expect: GELU(approximate='none') tensor([ 1.4460, -0.1129, -0.0320,  0.4065, -0.1508])
# expect: GELU(approximate='tanh') tensor([ 1.4458, -0.1129, -0.0317,  0.4065, -0.1510])
# expect: SiLU() tensor([ 1.2692, -0.1253, -0.2215,  0.3629, -0.2740])
# expect: Softmax(dim=-1) tensor([0.6118, 0.0977, 0.0148, 0.2313, 0.0443])
# expect: LogSoftmax(dim=1) tensor([-0.4913, -2.3257, -4.2111, -1.4639, -3.1168])
# expect: ReLU() tensor([1.5410, 0.0000, 0.0000, 0.5684, 0.0000])
# expect: Tanh() tensor([ 0.9123, -0.2853, -0.9747,  0.5142, -0.7949])
# expect: tanh SiLU(inplace=True) False 0 None
# expect: <class 'torch.nn.modules.activation.GELU'> True
# expect: Embedding(10, 3, padding_idx=2) 10 3 2 None 2.0 False
# expect: Parameter containing:
# expect: tensor([[ 0.5988, -1.5551, -0.3414],
# expect:         [ 1.8530,  0.4681, -0.1577],
# expect:         [ 0.0000,  0.0000,  0.0000],
# expect:         [ 1.5863,  0.9463, -0.8437],
# expect:         [ 0.9318,  1.2590,  1.0554],
# expect:         [ 0.1778, -0.2303, -0.3918],
# expect:         [ 0.5433, -0.3952,  0.2055],
# expect:         [-0.4503,  1.5210,  3.4105],
# expect:         [-1.5312, -1.2341,  1.8197],
# expect:         [-0.5515, -1.3253,  0.1886]], requires_grad=True)
# expect: torch.Size([2, 3, 3]) tensor([[ 0.9318,  1.2590,  1.0554],
# expect:         [ 1.5863,  0.9463, -0.8437],
# expect:         [-0.5515, -1.3253,  0.1886]], grad_fn=<SelectBackward0>)
# expect: tensor([[0., 0., 0.],
# expect:         [1., 1., 1.],
# expect:         [0., 0., 0.],
# expect:         [1., 1., 1.],
# expect:         [2., 2., 2.]])
# expect: 4 Embedding(4, 2, max_norm=1.0)
# expect: Embedding(2, 2) False tensor([[3., 4.],
# expect:         [1., 2.],
# expect:         [3., 4.]])
# expect: Embedding True 0
# expect: torch.float64 cpu
# expect: LayerNorm((5,), eps=1e-05, elementwise_affine=True, bias=True) (5,) 1e-05 True
# expect: tensor([[ 1.4217, -0.0031, -1.4674,  0.6663, -0.6175],
# expect:         [-1.4342,  0.8276,  1.3732, -0.5815, -0.1850]],
# expect:        grad_fn=<NativeLayerNormBackward0>)
# expect: LayerNorm((2, 5), eps=1e-06, elementwise_affine=False, bias=False) (2, 5) None []
# expect: tensor([[ 1.6939, -0.0193, -1.7802,  0.7856, -0.7582],
# expect:         [-1.0515,  0.6314,  1.0374, -0.4170, -0.1220]])
# expect: LayerNorm((5,), eps=1e-05, elementwise_affine=True, bias=False) (4,)
# expect: Dropout(p=0.25, inplace=False) 0.25 False Dropout(p=0.5, inplace=False) Dropout(p=0.1, inplace=True)
# expect: tensor([[1.3333, 1.3333, 1.3333, 1.3333, 1.3333, 1.3333],
# expect:         [1.3333, 1.3333, 1.3333, 1.3333, 1.3333, 1.3333]])
# expect: tensor([[1., 1., 1.],
# expect:         [1., 1., 1.]]) False
# expect: Conv1d(4, 6, kernel_size=(3,), stride=(1,)) 4 6 (3,) (1,) (0,) (1,) 1 zeros
# expect: torch.Size([6, 4, 3]) Parameter containing:
# expect: tensor([ 0.0984,  0.0517, -0.1228, -0.0874,  0.2644, -0.0534],
# expect:        requires_grad=True)
# expect: tensor([[-0.1061, -0.4472, -0.6999,  0.1044,  1.4996],
# expect:         [-1.1933,  0.1968,  0.1162,  0.1968, -0.7713]],
# expect:        grad_fn=<SliceBackward0>)
# expect: Conv1d(4, 4, kernel_size=(3,), stride=(2,), padding=(1,), groups=2, bias=False) (3,) (2,) (1,) None torch.Size([2, 4, 4])
# expect: Conv1d(4, 2, kernel_size=(3,), stride=(1,), padding=same, padding_mode=reflect) same torch.Size([2, 2, 7])
# expect: Conv1d(4, 2, kernel_size=(2,), stride=(1,), padding=valid, dilation=(2,))
# expect: Sequential(
# expect:   (0): Embedding(6, 4)
# expect:   (1): LayerNorm((4,), eps=1e-05, elementwise_affine=True, bias=True)
# expect:   (2): Dropout(p=0.0, inplace=False)
# expect:   (3): Linear(in_features=4, out_features=3, bias=True)
# expect:   (4): GELU(approximate='none')
# expect: )
# expect: ['0.weight', '1.weight', '1.bias', '3.weight', '3.bias']
# expect: tensor([[ 0.6849, -0.1349, -0.1093],
# expect:         [ 0.5801, -0.1542, -0.1363],
# expect:         [ 0.5676, -0.1087, -0.0257]], grad_fn=<GeluBackward0>)
# expect: <class 'torch.nn.modules.sparse.Embedding'> (4,)
# expect: ValueError dropout probability has to be between 0 and 1, but got 1.5
# expect: AssertionError Padding_idx must be within num_embeddings
# expect: ValueError in_channels must be divisible by groups
# expect: AssertionError Embeddings parameter is expected to be 2-dimensional
# expect: RuntimeError Given normalized_shape=[3], expected input with shape [*, 3], but got input of size[2, 4]
# expect: RuntimeError Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: [2]
# expect: IndexError index out of range in self
# expect: RuntimeError approximate argument must be either none or tanh.
# expect: IndexError Dimension out of range (expected to be in range of [-1, 0], but got 5)
# expect: TypeError Linear.__init__() got an unexpected keyword argument 'foo'
# expect: RuntimeError Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.FloatTensor instead (while checking arguments for embedding)
