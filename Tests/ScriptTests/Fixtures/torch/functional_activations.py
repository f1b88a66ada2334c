# torch.nn.functional activations: kernels and compositions, values printed digit for digit.
import torch
import torch.nn.functional as F
torch.manual_seed(0)
x = torch.randn(3, 4)
print(F.leaky_relu(x), F.leaky_relu(x, 0.2), F.elu(x), F.celu(x, alpha=0.5), F.selu(x))
print(F.hardtanh(x, -0.5, 0.5), F.relu6(x * 5), F.hardsigmoid(x), F.hardswish(x), F.mish(x))
print(F.logsigmoid(x), F.softsign(x), F.tanhshrink(x), F.threshold(x, 0.1, 20.0), F.glu(x), F.glu(torch.randn(4, 2), dim=0).shape)
print(F.silu(x), F.softplus(x, beta=2), F.softmin(x, dim=1), F.normalize(x), F.normalize(x, p=1, dim=0))
print(F.cosine_similarity(x, x.flip(0)), F.pairwise_distance(x, x + 1))
logits = torch.randn(3, 4, requires_grad=True)
print(F.gumbel_softmax(logits, tau=0.5), F.gumbel_softmax(logits, hard=True, dim=0))
F.glu(torch.randn(3), dim=0)

# expect: tensor([[ 1.5410, -0.0029, -0.0218,  0.5684],
# expect:         [-0.0108, -0.0140,  0.4033,  0.8380],
# expect:         [-0.0072, -0.0040, -0.0060,  0.1820]]) tensor([[ 1.5410, -0.0587, -0.4358,  0.5684],
# expect:         [-0.2169, -0.2797,  0.4033,  0.8380],
# expect:         [-0.1439, -0.0807, -0.1193,  0.1820]]) tensor([[ 1.5410, -0.2543, -0.8868,  0.5684],
# expect:         [-0.6619, -0.7531,  0.4033,  0.8380],
# expect:         [-0.5129, -0.3319, -0.4493,  0.1820]]) tensor([[ 1.5410, -0.2220, -0.4936,  0.5684],
# expect:         [-0.4429, -0.4695,  0.4033,  0.8380],
# expect:         [-0.3814, -0.2768, -0.3484,  0.1820]]) tensor([[ 1.6191, -0.4471, -1.5591,  0.5973],
# expect:         [-1.1638, -1.3239,  0.4238,  0.8805],
# expect:         [-0.9017, -0.5835, -0.7900,  0.1913]])
# expect: tensor([[ 0.5000, -0.2934, -0.5000,  0.5000],
# expect:         [-0.5000, -0.5000,  0.4033,  0.5000],
# expect:         [-0.5000, -0.4033, -0.5000,  0.1820]]) tensor([[6.0000, 0.0000, 0.0000, 2.8422],
# expect:         [0.0000, 0.0000, 2.0167, 4.1901],
# expect:         [0.0000, 0.0000, 0.0000, 0.9102]]) tensor([[0.7568, 0.4511, 0.1369, 0.5947],
# expect:         [0.3192, 0.2669, 0.5672, 0.6397],
# expect:         [0.3801, 0.4328, 0.4006, 0.5303]]) tensor([[ 1.1663, -0.1324, -0.2982,  0.3381],
# expect:         [-0.3462, -0.3733,  0.2288,  0.5361],
# expect:         [-0.2734, -0.1746, -0.2390,  0.0965]]) tensor([[ 1.4480, -0.1484, -0.2327,  0.4370],
# expect:         [-0.3072, -0.3037,  0.2918,  0.6980],
# expect:         [-0.2713, -0.1901, -0.2461,  0.1197]])
# expect: tensor([[-0.1941, -0.8506, -2.2860, -0.4488],
# expect:         [-1.3757, -1.6193, -0.5117, -0.3595],
# expect:         [-1.1161, -0.9150, -1.0353, -0.6063]]) tensor([[ 0.6065, -0.2269, -0.6854,  0.3624],
# expect:         [-0.5203, -0.5831,  0.2874,  0.4559],
# expect:         [-0.4184, -0.2874, -0.3737,  0.1540]]) tensor([[ 0.6287, -0.0081, -1.2041,  0.0542],
# expect:         [-0.2897, -0.5135,  0.0205,  0.1533],
# expect:         [-0.1028, -0.0205, -0.0620,  0.0020]]) tensor([[ 1.5410, 20.0000, 20.0000,  0.5684],
# expect:         [20.0000, 20.0000,  0.4033,  0.8380],
# expect:         [20.0000, 20.0000, 20.0000,  0.1820]]) tensor([[ 0.1567, -0.1873],
# expect:         [-0.6502, -0.9763],
# expect:         [-0.2554, -0.2200]]) torch.Size([2, 2])
# expect: tensor([[ 1.2692, -0.1253, -0.2215,  0.3629],
# expect:         [-0.2740, -0.2770,  0.2418,  0.5850],
# expect:         [-0.2356, -0.1615, -0.2119,  0.0993]]) tensor([[1.5634, 0.2211, 0.0064, 0.7076],
# expect:         [0.0541, 0.0296, 0.5879, 0.9238],
# expect:         [0.1065, 0.1845, 0.1324, 0.4458]]) tensor([[0.0195, 0.1224, 0.8064, 0.0517],
# expect:         [0.3648, 0.4994, 0.0824, 0.0533],
# expect:         [0.3312, 0.2415, 0.2929, 0.1345]]) tensor([[ 0.5615, -0.1069, -0.7939,  0.2071],
# expect:         [-0.5424, -0.6995,  0.2017,  0.4192],
# expect:         [-0.6956, -0.3901, -0.5770,  0.1761]]) tensor([[ 0.4607, -0.1400, -0.6854,  0.3578],
# expect:         [-0.3242, -0.6675,  0.1269,  0.5276],
# expect:         [-0.2150, -0.1925, -0.1877,  0.1146]])
# expect: tensor([0.1457, 1.0000, 0.1457]) tensor([2.0000, 2.0000, 2.0000])
# expect: tensor([[0.0604, 0.9178, 0.0208, 0.0010],
# expect:         [0.0633, 0.9054, 0.0009, 0.0303],
# expect:         [0.0660, 0.9209, 0.0103, 0.0029]], grad_fn=<SoftmaxBackward0>) tensor([[0., 1., 1., 1.],
# expect:         [0., 0., 0., 0.],
# expect:         [1., 0., 0., 0.]], grad_fn=<AddBackward0>)
# expect-error: RuntimeError: Halving dimension must be even, but dimension 0 is size 3
