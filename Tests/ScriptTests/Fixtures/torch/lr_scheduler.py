# torch.optim.lr_scheduler: rates over epochs, get_last_lr, last_epoch, state_dict, and the optimizer's groups.
import torch
from torch.optim import lr_scheduler

w = torch.zeros(2, requires_grad=True)
v = torch.zeros(2, requires_grad=True)


def run(make, steps=7, **options):
    opt = torch.optim.SGD([{'params': [w]}, {'params': [v], 'lr': 1}], lr=0.1, **options)
    sched = make(opt)
    rates = [sched.get_last_lr()]
    for _ in range(steps):
        opt.step()
        sched.step()
        rates.append(sched.get_last_lr())
    print(type(sched).__name__, sched.last_epoch, rates)
    print([g['lr'] for g in opt.param_groups], opt.param_groups[1]['initial_lr'])
    return opt, sched


run(lambda o: lr_scheduler.StepLR(o, step_size=3, gamma=0.5))
run(lambda o: lr_scheduler.MultiStepLR(o, milestones=[2, 5, 5], gamma=0.1))
run(lambda o: lr_scheduler.ExponentialLR(o, gamma=0.9))
run(lambda o: lr_scheduler.LambdaLR(o, lambda epoch: 0.95 ** epoch))
run(lambda o: lr_scheduler.LambdaLR(o, [lambda e: 1 / (e + 1), lambda e: e / 2]))
run(lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=4, eta_min=0.01), steps=10)
opt, sched = run(lambda o: lr_scheduler.LinearLR(o, start_factor=0.25, total_iters=4))
print(sched.state_dict())
print(opt.state_dict()['param_groups'][0])
print(opt)

opt = torch.optim.Adam([w], lr=0.1)
sched = torch.optim.lr_scheduler.MultiStepLR(opt, [3, 1, 3])
print(sched.state_dict())
print(sched.optimizer is opt, sched.base_lrs, sched.milestones, sched.gamma)
sched = torch.optim.lr_scheduler.StepLR(opt, 2)
print(sched.state_dict())

# A rate set by hand between steps is the one the scheduler scales next.
opt = torch.optim.SGD([w], lr=1.0)
sched = lr_scheduler.ExponentialLR(opt, gamma=0.5)
sched.step()
opt.param_groups[0]['lr'] = 10.0
sched.step()
print(sched.get_last_lr(), opt.param_groups[0]['lr'])

# Resuming a scheduler from its state dict.
opt = torch.optim.SGD([w], lr=0.1)
first = lr_scheduler.StepLR(opt, step_size=2, gamma=0.1)
for _ in range(3):
    opt.step()
    first.step()
saved = first.state_dict()
opt2 = torch.optim.SGD([w], lr=0.1)
opt2.load_state_dict(opt.state_dict())
second = lr_scheduler.StepLR(opt2, step_size=2, gamma=0.1)
second.load_state_dict(saved)
for _ in range(2):
    opt2.step()
    second.step()
print(second.last_epoch, second.get_last_lr(), opt2.param_groups[0]['lr'])

# get_lr() is the chainable formula from the current rates; step(epoch) jumps by the closed form.
opt = torch.optim.SGD([w], lr=0.5, momentum=0.9)
cosine = lr_scheduler.CosineAnnealingLR(opt, T_max=3)
opt.step()
cosine.step()
print(cosine.get_lr(), cosine.get_last_lr(), cosine.T_max, cosine.eta_min)
cosine.step(0)
print(cosine.get_last_lr(), cosine.last_epoch, opt.state_dict()['param_groups'][0]['initial_lr'])

lr_scheduler.LinearLR(opt, start_factor=0)

# expect: StepLR 7 [[0.1, 1], [0.1, 1], [0.1, 1], [0.05, 0.5], [0.05, 0.5], [0.05, 0.5], [0.025, 0.25], [0.025, 0.25]]
# expect: [0.025, 0.25] 1
# expect: MultiStepLR 7 [[0.1, 1], [0.1, 1], [0.010000000000000002, 0.1], [0.010000000000000002, 0.1], [0.010000000000000002, 0.1], [0.00010000000000000005, 0.0010000000000000002], [0.00010000000000000005, 0.0010000000000000002], [0.00010000000000000005, 0.0010000000000000002]]
# expect: [0.00010000000000000005, 0.0010000000000000002] 1
# expect: ExponentialLR 7 [[0.1, 1], [0.09000000000000001, 0.9], [0.08100000000000002, 0.81], [0.07290000000000002, 0.7290000000000001], [0.06561000000000002, 0.6561000000000001], [0.05904900000000002, 0.5904900000000002], [0.05314410000000002, 0.5314410000000002], [0.04782969000000002, 0.47829690000000014]]
# expect: [0.04782969000000002, 0.47829690000000014] 1
# expect: LambdaLR 7 [[0.1, 1.0], [0.095, 0.95], [0.09025, 0.9025], [0.0857375, 0.8573749999999999], [0.081450625, 0.8145062499999999], [0.07737809374999999, 0.7737809374999998], [0.07350918906249998, 0.7350918906249998], [0.06983372960937498, 0.6983372960937497]]
# expect: [0.06983372960937498, 0.6983372960937497] 1
# expect: LambdaLR 7 [[0.1, 0.0], [0.05, 0.5], [0.03333333333333333, 1.0], [0.025, 1.5], [0.020000000000000004, 2.0], [0.016666666666666666, 2.5], [0.014285714285714285, 3.0], [0.0125, 3.5]]
# expect: [0.0125, 3.5] 1
# expect: CosineAnnealingLR 10 [[0.1, 1], [0.08681980515339464, 0.855017856687341], [0.05500000000000001, 0.505], [0.023180194846605363, 0.15498214331265903], [0.01, 0.01], [0.023180194846605363, 0.15498214331265897], [0.05500000000000002, 0.5050000000000001], [0.08681980515339469, 0.8550178566873414], [0.10000000000000006, 1.0000000000000004], [0.0868198051533947, 0.8550178566873415], [0.05500000000000005, 0.5050000000000003]]
# expect: [0.05500000000000005, 0.5050000000000003] 1
# expect: LinearLR 7 [[0.025, 0.25], [0.043750000000000004, 0.4375], [0.06250000000000001, 0.625], [0.08125000000000002, 0.8125], [0.10000000000000002, 1.0], [0.10000000000000002, 1.0], [0.10000000000000002, 1.0], [0.10000000000000002, 1.0]]
# expect: [0.10000000000000002, 1.0] 1
# expect: {'start_factor': 0.25, 'end_factor': 1.0, 'total_iters': 4, 'base_lrs': [0.1, 1], 'last_epoch': 7, '_step_count': 8, '_is_initial': False, '_get_lr_called_within_step': False, '_last_lr': [0.10000000000000002, 1.0]}
# expect: {'lr': 0.10000000000000002, 'momentum': 0, 'dampening': 0, 'weight_decay': 0, 'nesterov': False, 'maximize': False, 'foreach': None, 'differentiable': False, 'fused': None, 'initial_lr': 0.1, 'params': [0]}
# expect: SGD (
# expect: Parameter Group 0
# expect:     dampening: 0
# expect:     differentiable: False
# expect:     foreach: None
# expect:     fused: None
# expect:     initial_lr: 0.1
# expect:     lr: 0.10000000000000002
# expect:     maximize: False
# expect:     momentum: 0
# expect:     nesterov: False
# expect:     weight_decay: 0
# expect: 
# expect: Parameter Group 1
# expect:     dampening: 0
# expect:     differentiable: False
# expect:     foreach: None
# expect:     fused: None
# expect:     initial_lr: 1
# expect:     lr: 1.0
# expect:     maximize: False
# expect:     momentum: 0
# expect:     nesterov: False
# expect:     weight_decay: 0
# expect: )
# expect: {'milestones': Counter({3: 2, 1: 1}), 'gamma': 0.1, 'base_lrs': [0.1], 'last_epoch': 0, '_step_count': 1, '_is_initial': False, '_get_lr_called_within_step': False, '_last_lr': [0.1]}
# expect: True [0.1] Counter({3: 2, 1: 1}) 0.1
# expect: {'step_size': 2, 'gamma': 0.1, 'base_lrs': [0.1], 'last_epoch': 0, '_step_count': 1, '_is_initial': False, '_get_lr_called_within_step': False, '_last_lr': [0.1]}
# expect: [5.0] 5.0
# expect: 5 [0.0010000000000000002] 0.0010000000000000002
# expect: [0.28125] [0.375] 3 0.0
# expect: [0.5] 0 0.5
# expect-error: ValueError: Starting multiplicative factor expected to be greater than 0 and less or equal to 1.
