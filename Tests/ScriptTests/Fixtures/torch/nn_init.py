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
# expect-error: ValueError: Unsupported nonlinearity foo
