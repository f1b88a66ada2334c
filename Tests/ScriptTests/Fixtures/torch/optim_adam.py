# torch.optim.Adam and AdamW: seeded training of a small model, state, state_dict round trips, amsgrad, groups.
import torch
from torch import optim

torch.manual_seed(1)
x = torch.randn(12, 3)
y = torch.randn(12, 1)
w1 = torch.randn(3, 5, requires_grad=True)
b1 = torch.zeros(5, requires_grad=True)
w2 = torch.randn(5, 1, requires_grad=True)


def loss_fn():
    h = torch.relu(x @ w1 + b1)
    return ((h @ w2 - y) ** 2).mean()


opt = optim.Adam([w1, b1, w2], lr=0.05)
print(opt)
for step in range(6):
    opt.zero_grad()
    loss = loss_fn()
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 5))
print(w1)
print(w2)
print(opt.state[w2])
sd = opt.state_dict()
print(sd['state'][2])
print(sd['param_groups'])

# Loading the state into a fresh optimizer continues the same run.
w1b = w1.detach().clone().requires_grad_(True)
b1b = b1.detach().clone().requires_grad_(True)
w2b = w2.detach().clone().requires_grad_(True)
opt_b = optim.Adam([w1b, b1b, w2b], lr=0.5)
opt_b.load_state_dict(opt.state_dict())
print(opt_b.param_groups[0]['lr'], len(opt_b.state))
print(opt_b.state[w2b]['step'])
groups_before = opt_b.param_groups
opt_b.param_groups[0]['lr'] = 0.01
opt.param_groups[0]['lr'] = 0.01
for o, (a, b, c) in ((opt, (w1, b1, w2)), (opt_b, (w1b, b1b, w2b))):
    o.zero_grad()
    h = torch.relu(x @ a + b)
    ((h @ c - y) ** 2).mean().backward()
    o.step()
print(torch.equal(w1, w1b), torch.equal(w2, w2b))
print(w2b)

# AdamW decays the weights themselves; amsgrad keeps max_exp_avg_sq.
torch.manual_seed(2)
p = torch.randn(4, requires_grad=True)
q = torch.randn(2, 2, requires_grad=True)
opt_w = optim.AdamW([{'params': [p]}, {'params': [q], 'weight_decay': 0.5, 'lr': 0.1}], lr=0.02, betas=(0.8, 0.9),
                    amsgrad=True)
print(opt_w)
for _ in range(4):
    opt_w.zero_grad()
    ((p ** 2).sum() + (q.sum() - 1) ** 2).backward()
    opt_w.step()
print(p)
print(q)
print(list(opt_w.state[q].keys()))
print(opt_w.state[q]['max_exp_avg_sq'])
print(opt_w.defaults)

# Adam with L2 weight decay, maximize, and a param without a gradient (it gets no state).
r = torch.ones(3, requires_grad=True)
s = torch.ones(3, requires_grad=True)
opt_m = optim.Adam([r, s], lr=0.1, weight_decay=0.1, maximize=True, eps=1e-6)
r.grad = torch.tensor([1.0, -2.0, 0.5])
opt_m.step()
opt_m.step()
print(r, s)
print(len(opt_m.state), s in opt_m.state)
print(opt_m.state_dict()['state'].keys())

# expect: Adam (
# expect: Parameter Group 0
# expect:     amsgrad: False
# expect:     betas: (0.9, 0.999)
# expect:     capturable: False
# expect:     decoupled_weight_decay: False
# expect:     differentiable: False
# expect:     eps: 1e-08
# expect:     foreach: None
# expect:     fused: None
# expect:     lr: 0.05
# expect:     maximize: False
# expect:     weight_decay: 0
# expect: )
# expect: 0 5.09275
# expect: 1 4.03607
# expect: 2 3.08517
# expect: 3 2.30647
# expect: 4 1.66508
# expect: 5 1.1926
# expect: tensor([[-1.0965,  0.2059,  0.1263,  0.9656, -0.3491],
# expect:         [ 0.5812, -0.7095,  0.7483,  0.0262, -0.5477],
# expect:         [-0.8430,  0.6773, -0.1241, -0.8806, -1.3600]], requires_grad=True)
# expect: tensor([[ 1.0988],
# expect:         [ 0.2379],
# expect:         [-1.1209],
# expect:         [ 0.2620],
# expect:         [-0.8541]], requires_grad=True)
# expect: {'step': tensor(6.), 'exp_avg': tensor([[-0.1058],
# expect:         [-0.1887],
# expect:         [ 0.3005],
# expect:         [-0.0188],
# expect:         [-1.4337]]), 'exp_avg_sq': tensor([[4.2612e-04],
# expect:         [1.3031e-03],
# expect:         [2.4527e-03],
# expect:         [5.6681e-05],
# expect:         [8.0720e-02]])}
# expect: {'step': tensor(6.), 'exp_avg': tensor([[-0.1058],
# expect:         [-0.1887],
# expect:         [ 0.3005],
# expect:         [-0.0188],
# expect:         [-1.4337]]), 'exp_avg_sq': tensor([[4.2612e-04],
# expect:         [1.3031e-03],
# expect:         [2.4527e-03],
# expect:         [5.6681e-05],
# expect:         [8.0720e-02]])}
# expect: [{'lr': 0.05, 'betas': (0.9, 0.999), 'eps': 1e-08, 'weight_decay': 0, 'amsgrad': False, 'maximize': False, 'foreach': None, 'capturable': False, 'differentiable': False, 'fused': None, 'decoupled_weight_decay': False, 'params': [0, 1, 2]}]
# expect: 0.05 3
# expect: tensor(6.)
# expect: False False
# expect: tensor([[ 1.1044],
# expect:         [ 0.2454],
# expect:         [-1.1309],
# expect:         [ 0.2673],
# expect:         [-0.8470]], requires_grad=True)
# expect: AdamW (
# expect: Parameter Group 0
# expect:     amsgrad: True
# expect:     betas: (0.8, 0.9)
# expect:     capturable: False
# expect:     decoupled_weight_decay: True
# expect:     differentiable: False
# expect:     eps: 1e-08
# expect:     foreach: None
# expect:     fused: None
# expect:     lr: 0.02
# expect:     maximize: False
# expect:     weight_decay: 0.01
# expect: 
# expect: Parameter Group 1
# expect:     amsgrad: True
# expect:     betas: (0.8, 0.9)
# expect:     capturable: False
# expect:     decoupled_weight_decay: True
# expect:     differentiable: False
# expect:     eps: 1e-08
# expect:     foreach: None
# expect:     fused: None
# expect:     lr: 0.1
# expect:     maximize: False
# expect:     weight_decay: 0.5
# expect: )
# expect: tensor([ 0.3123, -0.1441, -0.2397, -1.1242], requires_grad=True)
# expect: tensor([[ 0.7198, -0.6467],
# expect:         [ 0.3359,  0.3097]], requires_grad=True)
# expect: ['step', 'exp_avg', 'exp_avg_sq', 'max_exp_avg_sq']
# expect: tensor([[0.1611, 0.1611],
# expect:         [0.1611, 0.1611]])
# expect: {'lr': 0.02, 'betas': (0.8, 0.9), 'eps': 1e-08, 'weight_decay': 0.01, 'amsgrad': True, 'maximize': False, 'foreach': None, 'capturable': False, 'differentiable': False, 'fused': None, 'decoupled_weight_decay': True}
# expect: tensor([1.2000, 0.8000, 1.1999], requires_grad=True) tensor([1., 1., 1.], requires_grad=True)
# expect: 1 False
# expect: dict_keys([0])
