# torch.optim.SGD on a small hand-built model: seeded training steps, param_groups edits, printed optimizer and state.
import torch

torch.manual_seed(0)
x = torch.randn(16, 3)
y = torch.randn(16, 2)
w1 = torch.randn(3, 4, requires_grad=True)
b1 = torch.zeros(4, requires_grad=True)
w2 = torch.randn(4, 2, requires_grad=True)
b2 = torch.zeros(2, requires_grad=True)


def loss_fn():
    h = torch.tanh(x @ w1 + b1)
    return ((h @ w2 + b2 - y) ** 2).mean()


opt = torch.optim.SGD([w1, b1, w2, b2], lr=0.1, momentum=0.9, nesterov=True, weight_decay=1e-3)
print(opt)
print(opt.defaults)
print(opt.state)
for step in range(5):
    opt.zero_grad()
    loss = loss_fn()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 5))
print(w1)
print(b2)
print(len(opt.state), opt.state[b2])
print(b1 in opt.state, list(opt.state.keys())[0] is w1)

# Notebooks change the rate by hand: the next step must use it.
for g in opt.param_groups:
    g['lr'] = 0.01
print(opt.param_groups[0]['lr'], type(opt.param_groups[0]).__name__, len(opt.param_groups))
opt.zero_grad()
loss_fn().backward()
opt.step()
print(w2)
print(opt)
print(opt.param_groups[0].keys())
sd = opt.state_dict()
print(sd['param_groups'])
print(sd['state'][3])
print(sorted(sd['state'].keys()))

# zero_grad(set_to_none=False) keeps zero tensors; the default clears them.
opt.zero_grad(set_to_none=False)
print(w1.grad)
opt.zero_grad()
print(w1.grad)

# A generator of parameters and a closure.
def params():
    yield w1
    yield b1

opt2 = torch.optim.SGD(params(), lr=0.5)
def closure():
    opt2.zero_grad()
    loss = loss_fn()
    loss.backward()
    return loss
print(opt2.step(closure))
print(b1)
print(opt2.step())

# Parameter groups with their own options, add_param_group.
opt3 = torch.optim.SGD([{'params': [w1], 'lr': 0.2}, {'params': b1}], lr=0.05, momentum=0.5)
opt3.add_param_group({'params': [w2, b2], 'momentum': 0, 'name': 'head'})
print(opt3)
print([g['lr'] for g in opt3.param_groups], opt3.param_groups[2]['name'])
print(opt3.param_groups[1])
opt3.zero_grad()
loss_fn().backward()
opt3.step()
opt3.step()
print(b1)
print(opt3.state_dict()['state'])
print(opt3.state_dict()['param_groups'][2])
opt3.param_groups[0]['momentum'] = 0
print(opt3.param_groups[0]['momentum'], opt3.state_dict()['param_groups'][0]['momentum'])

# int options stay ints; maximize flips the direction.
opt4 = torch.optim.SGD([b2], lr=1, maximize=True, foreach=False, fused=None)
print(opt4)
b2.grad = torch.ones(2)
opt4.step()
print(b2)

# The group dicts are real dicts: update, pop and a deleted option the step needs.
g = opt4.param_groups[0]
g.update(lr=0.5, momentum=0.9)
opt4.step()
print(b2, opt4.state[b2])
print(opt4.param_groups)
print(g.pop('nesterov'))
opt4.step()

# expect: SGD (
# expect: Parameter Group 0
# expect:     dampening: 0
# expect:     differentiable: False
# expect:     foreach: None
# expect:     fused: None
# expect:     lr: 0.1
# expect:     maximize: False
# expect:     momentum: 0.9
# expect:     nesterov: True
# expect:     weight_decay: 0.001
# expect: )
# expect: {'lr': 0.1, 'momentum': 0.9, 'dampening': 0, 'weight_decay': 0.001, 'nesterov': True, 'maximize': False, 'foreach': None, 'differentiable': False, 'fused': None}
# expect: defaultdict(<class 'dict'>, {})
# expect: 0 4.86094
# expect: 1 2.69198
# expect: 2 1.90833
# expect: 3 1.36116
# expect: 4 1.06137
# expect: tensor([[ 0.3586, -0.1258, -0.2419, -1.2390],
# expect:         [-1.1950,  0.1421, -0.5268,  0.4345],
# expect:         [ 1.5283,  1.2781,  0.8454, -0.4069]], requires_grad=True)
# expect: tensor([0.0034, 0.0986], requires_grad=True)
# expect: 4 {'momentum_buffer': tensor([-0.1556, -0.6608])}
# expect: True True
# expect: 0.01 dict 1
# expect: tensor([[ 0.8201,  1.2767],
# expect:         [ 0.2988, -0.8441],
# expect:         [-1.1828, -0.9938],
# expect:         [ 1.1596,  0.5261]], requires_grad=True)
# expect: SGD (
# expect: Parameter Group 0
# expect:     dampening: 0
# expect:     differentiable: False
# expect:     foreach: None
# expect:     fused: None
# expect:     lr: 0.01
# expect:     maximize: False
# expect:     momentum: 0.9
# expect:     nesterov: True
# expect:     weight_decay: 0.001
# expect: )
# expect: dict_keys(['params', 'lr', 'momentum', 'dampening', 'weight_decay', 'nesterov', 'maximize', 'foreach', 'differentiable', 'fused'])
# expect: [{'lr': 0.01, 'momentum': 0.9, 'dampening': 0, 'weight_decay': 0.001, 'nesterov': True, 'maximize': False, 'foreach': None, 'differentiable': False, 'fused': None, 'params': [0, 1, 2, 3]}]
# expect: {'momentum_buffer': tensor([ 0.0161, -0.8751])}
# expect: [0, 1, 2, 3]
# expect: tensor([[0., 0., 0., 0.],
# expect:         [0., 0., 0., 0.],
# expect:         [0., 0., 0., 0.]])
# expect: None
# expect: tensor(0.9003, grad_fn=<MeanBackward0>)
# expect: tensor([0.6235, 0.0484, 0.2223, 0.0192], requires_grad=True)
# expect: None
# expect: SGD (
# expect: Parameter Group 0
# expect:     dampening: 0
# expect:     differentiable: False
# expect:     foreach: None
# expect:     fused: None
# expect:     lr: 0.2
# expect:     maximize: False
# expect:     momentum: 0.5
# expect:     nesterov: False
# expect:     weight_decay: 0
# expect: 
# expect: Parameter Group 1
# expect:     dampening: 0
# expect:     differentiable: False
# expect:     foreach: None
# expect:     fused: None
# expect:     lr: 0.05
# expect:     maximize: False
# expect:     momentum: 0.5
# expect:     nesterov: False
# expect:     weight_decay: 0
# expect: 
# expect: Parameter Group 2
# expect:     dampening: 0
# expect:     differentiable: False
# expect:     foreach: None
# expect:     fused: None
# expect:     lr: 0.05
# expect:     maximize: False
# expect:     momentum: 0
# expect:     name: head
# expect:     nesterov: False
# expect:     weight_decay: 0
# expect: )
# expect: [0.2, 0.05, 0.05] head
# expect: {'params': [tensor([0.6942, 0.0070, 0.2076, 0.0581], requires_grad=True)], 'lr': 0.05, 'momentum': 0.5, 'dampening': 0, 'weight_decay': 0, 'nesterov': False, 'maximize': False, 'foreach': None, 'differentiable': False, 'fused': None}
# expect: tensor([0.7133, 0.0014, 0.2369, 0.0656], requires_grad=True)
# expect: {0: {'momentum_buffer': tensor([[ 0.1241,  0.0536,  0.0593,  0.0214],
# expect:         [-0.3897,  0.1003,  0.4806, -0.4359],
# expect:         [-0.3520,  0.0152,  0.2392, -0.4166]])}, 1: {'momentum_buffer': tensor([-0.2301,  0.0669, -0.3520, -0.0897])}}
# expect: {'momentum': 0, 'name': 'head', 'lr': 0.05, 'dampening': 0, 'weight_decay': 0, 'nesterov': False, 'maximize': False, 'foreach': None, 'differentiable': False, 'fused': None, 'params': [2, 3]}
# expect: 0 0
# expect: SGD (
# expect: Parameter Group 0
# expect:     dampening: 0
# expect:     differentiable: False
# expect:     foreach: False
# expect:     fused: None
# expect:     lr: 1
# expect:     maximize: True
# expect:     momentum: 0
# expect:     nesterov: False
# expect:     weight_decay: 0
# expect: )
# expect: tensor([0.9806, 1.1269], requires_grad=True)
# expect: tensor([1.4806, 1.6269], requires_grad=True) {'momentum_buffer': tensor([-1., -1.])}
# expect: [{'params': [tensor([1.4806, 1.6269], requires_grad=True)], 'lr': 0.5, 'momentum': 0.9, 'dampening': 0, 'weight_decay': 0, 'nesterov': False, 'maximize': True, 'foreach': False, 'differentiable': False, 'fused': None}]
# expect: False
# expect-error: KeyError: 'nesterov'
