# torch.nn.init: seeded initialisers match PyTorch's numbers; gains, fans, generators and errors.
import torch
import torch.nn.init as init
torch.manual_seed(0)
w = torch.empty(3, 5)
print(init.kaiming_uniform_(w, a=5 ** 0.5), init.kaiming_normal_(w, mode="fan_out", nonlinearity="relu"))
print(init.xavier_uniform_(w), init.xavier_normal_(w, gain=init.calculate_gain("tanh")), init.uniform_(w, -0.1, 0.1))
print(init.normal_(w, std=0.02), init.constant_(w, 0.3), init.zeros_(w), init.ones_(w), init.eye_(w))
g = torch.Generator().manual_seed(42)
print(init.normal_(torch.empty(2, 2), generator=g), init.calculate_gain("leaky_relu", 0.2), init.calculate_gain("selu"))
print(init._calculate_fan_in_and_fan_out(torch.empty(4, 3, 5)))
torch.manual_seed(3)
print(init.trunc_normal_(torch.empty(3, 4), std=0.02))
print(init.trunc_normal_(torch.empty(8), mean=0.0, std=1.0, a=2.0, b=3.0))
print(init.trunc_normal_(torch.empty(6, dtype=torch.float64), mean=5.0, std=0.5, a=-1.0, b=1.0))
print(init.trunc_normal_(torch.empty(5), mean=1.0, a=0.5, b=1.5), init.trunc_normal_(torch.empty(4), a=0.0, b=0.0))
print(init.trunc_normal_(torch.empty(200), a=-0.5, b=0.5).abs().max() <= 0.5)
print(init.trunc_normal_(torch.empty(2, 3), generator=torch.Generator().manual_seed(7)))
try:
    init.trunc_normal_(torch.empty(2), std=0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(torch.erfinv(torch.tensor([-0.5, 0.0, 0.9, 1.0])), torch.tensor([0.25, -0.75]).erfinv())
init.calculate_gain("foo")

# expect: tensor([[ 0.4928,  0.6622, -0.0368,  0.7183,  0.8559],
# expect:         [-0.0363, -0.5902,  2.3404, -0.4617,  0.1310],
# expect:         [-0.0207,  0.8768,  1.8476, -0.7492, -0.1838]]) tensor([[ 0.4928,  0.6622, -0.0368,  0.7183,  0.8559],
# expect:         [-0.0363, -0.5902,  2.3404, -0.4617,  0.1310],
# expect:         [-0.0207,  0.8768,  1.8476, -0.7492, -0.1838]])
# expect: tensor([[ 0.0367,  0.0506,  0.0716,  0.0374, -0.0990],
# expect:         [-0.0649,  0.0499,  0.0209, -0.0780, -0.0576],
# expect:         [ 0.0941,  0.0674, -0.0436, -0.0252, -0.0953]]) tensor([[ 0.0367,  0.0506,  0.0716,  0.0374, -0.0990],
# expect:         [-0.0649,  0.0499,  0.0209, -0.0780, -0.0576],
# expect:         [ 0.0941,  0.0674, -0.0436, -0.0252, -0.0953]]) tensor([[ 0.0367,  0.0506,  0.0716,  0.0374, -0.0990],
# expect:         [-0.0649,  0.0499,  0.0209, -0.0780, -0.0576],
# expect:         [ 0.0941,  0.0674, -0.0436, -0.0252, -0.0953]])
# expect: tensor([[1., 0., 0., 0., 0.],
# expect:         [0., 1., 0., 0., 0.],
# expect:         [0., 0., 1., 0., 0.]]) tensor([[1., 0., 0., 0., 0.],
# expect:         [0., 1., 0., 0., 0.],
# expect:         [0., 0., 1., 0., 0.]]) tensor([[1., 0., 0., 0., 0.],
# expect:         [0., 1., 0., 0., 0.],
# expect:         [0., 0., 1., 0., 0.]]) tensor([[1., 0., 0., 0., 0.],
# expect:         [0., 1., 0., 0., 0.],
# expect:         [0., 0., 1., 0., 0.]]) tensor([[1., 0., 0., 0., 0.],
# expect:         [0., 1., 0., 0., 0.],
# expect:         [0., 0., 1., 0., 0.]])
# expect: tensor([[0.3367, 0.1288],
# expect:         [0.2345, 0.2303]]) 1.3867504905630728 0.75
# expect: (15, 20)
# expect: tensor([[ 0.0161,  0.0035,  0.0018, -0.0123],
# expect:         [ 0.0009, -0.0274,  0.0067,  0.0202],
# expect:         [-0.0287,  0.0195,  0.0104,  0.0248]])
# expect: tensor([2.1809, 2.1877, 2.2927, 2.1747, 2.1213, 2.1148, 2.2609, 2.8364])
# expect: tensor([0.9921, 0.9956, 0.9537, 0.9793, 0.9285, 0.9629], dtype=torch.float64)
# expect: tensor([0.6878, 1.1964, 1.2052, 1.0809, 1.3109]) tensor([0., 0., 0., 0.])
# expect: tensor(True)
# expect: tensor([[-0.1468,  0.7861,  0.9468],
# expect:         [-1.1143,  1.6908, -0.8948]])
# expect: ZeroDivisionError: float division by zero
# expect: tensor([-0.4769,  0.0000,  1.1631,     inf]) tensor([ 0.2253, -0.8134])
# expect-error: ValueError: Unsupported nonlinearity foo
