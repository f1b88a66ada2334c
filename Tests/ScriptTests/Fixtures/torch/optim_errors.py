# Mistakes with optimizers get PyTorch's exceptions and messages.
import torch

w = torch.randn(2, requires_grad=True)


def attempt(make):
    try:
        make()
        print("ok")
    except Exception as e:
        print(type(e).__name__ + ":", e)


attempt(lambda: torch.optim.SGD([], lr=0.1))
attempt(lambda: torch.optim.SGD([w], lr=-1))
attempt(lambda: torch.optim.SGD([], lr=-1))
attempt(lambda: torch.optim.SGD([w], lr=0.1, momentum=-0.5))
attempt(lambda: torch.optim.SGD([w], lr=0.1, weight_decay=-1e-3))
attempt(lambda: torch.optim.SGD([w], lr=0.1, nesterov=True))
attempt(lambda: torch.optim.SGD([w], lr="a"))
attempt(lambda: torch.optim.Adam([w], lr=-0.5))
attempt(lambda: torch.optim.Adam([w], eps=-1.0))
attempt(lambda: torch.optim.Adam([w], betas=(1.0, 0.5)))
attempt(lambda: torch.optim.Adam([w], betas=(0.9, -0.1)))
attempt(lambda: torch.optim.Adam([w], betas=0.5))
attempt(lambda: torch.optim.AdamW([w], weight_decay=-1))
attempt(lambda: torch.optim.SGD(w, lr=0.1))
attempt(lambda: torch.optim.SGD([w, 3], lr=0.1))
attempt(lambda: torch.optim.SGD([w * 2], lr=0.1))
attempt(lambda: torch.optim.SGD([{'params': {w}}], lr=0.1))
attempt(lambda: torch.optim.SGD([{'params': [w]}, w], lr=0.1))
attempt(lambda: torch.optim.SGD([{'lr': 3}], lr=0.1))
attempt(lambda: torch.optim.SGD([{'params': [w]}, {'params': w}], lr=0.1))
attempt(lambda: torch.optim.SGD(3, lr=0.1))
attempt(lambda: torch.optim.SGD(params=[w], lr=0.1, bogus=1))
attempt(lambda: torch.optim.SGD([w], 0.1, 0.9, 0, 0, True, False))
attempt(lambda: torch.optim.SGD())
attempt(lambda: torch.optim.SGD([w], 0.1, lr=0.2))
attempt(lambda: torch.optim.SGD([w], lr=0.1, foreach=True, fused=True))
attempt(lambda: torch.optim.Adam([w], 0.1, (0.9, 0.99), 1e-8, 0, True))
attempt(lambda: torch.optim.lr_scheduler.StepLR(3, 2))
attempt(lambda: torch.optim.lr_scheduler.StepLR(torch.optim.SGD([w])))

# Named parameters, as named_parameters() gives them.
b = torch.ones(1, requires_grad=True)
named = torch.optim.SGD([('w', w), ('b', b)], lr=0.1)
print(named.param_groups[0]['param_names'], named)
print(named.state_dict()['param_groups'])
attempt(lambda: named.add_param_group({'params': [torch.zeros(1, requires_grad=True)]}))
attempt(lambda: torch.optim.SGD([('w', w), b], lr=0.1))
attempt(lambda: torch.optim.SGD([{'params': [('w', w)]}, {'params': [b]}], lr=0.1))

opt = torch.optim.SGD([w], lr=0.1)
attempt(lambda: opt.add_param_group({'params': [w]}))
attempt(lambda: opt.add_param_group(w))
attempt(lambda: torch.optim.lr_scheduler.LambdaLR(opt, [lambda e: 1, lambda e: 2]))
attempt(lambda: torch.optim.lr_scheduler.LambdaLR(opt, 3))
other = torch.optim.SGD([{'params': [w]}, {'params': [torch.zeros(1, requires_grad=True)]}])
attempt(lambda: opt.load_state_dict(other.state_dict()))
del opt.param_groups[0]['lr']
opt.step()

# expect: ValueError: optimizer got an empty parameter list
# expect: ValueError: Invalid learning rate: -1
# expect: ValueError: Invalid learning rate: -1
# expect: ValueError: Invalid momentum value: -0.5
# expect: ValueError: Invalid weight_decay value: -0.001
# expect: ValueError: Nesterov momentum requires a momentum and zero dampening
# expect: TypeError: '<' not supported between instances of 'str' and 'float'
# expect: ValueError: Invalid learning rate: -0.5
# expect: ValueError: Invalid epsilon value: -1.0
# expect: ValueError: Invalid beta parameter at index 0: 1.0
# expect: ValueError: Invalid beta parameter at index 1: -0.1
# expect: TypeError: 'float' object is not subscriptable
# expect: ValueError: Invalid weight_decay value: -1
# expect: TypeError: params argument given to the optimizer should be an iterable of Tensors or dicts, but got torch.FloatTensor
# expect: TypeError: optimizer can only optimize Tensors, but one of the params is int
# expect: ValueError: can't optimize a non-leaf Tensor
# expect: TypeError: optimizer parameters need to be organized in ordered collections, but the ordering of tensors in sets will change between runs. Please use a list instead.
# expect: TypeError: param_group must be a dict, but got <class 'torch.Tensor'>
# expect: KeyError: 'params'
# expect: ValueError: some parameters appear in more than one parameter group
# expect: TypeError: 'int' object is not iterable
# expect: TypeError: SGD.__init__() got an unexpected keyword argument 'bogus'
# expect: TypeError: SGD.__init__() takes from 2 to 7 positional arguments but 8 were given
# expect: TypeError: SGD.__init__() missing 1 required positional argument: 'params'
# expect: TypeError: SGD.__init__() got multiple values for argument 'lr'
# expect: RuntimeError: `fused` and `foreach` cannot be `True` together.
# expect: ok
# expect: TypeError: int is not an Optimizer
# expect: TypeError: StepLR.__init__() missing 1 required positional argument: 'step_size'
# expect: ['w', 'b'] SGD (
# expect: Parameter Group 0
# expect:     dampening: 0
# expect:     differentiable: False
# expect:     foreach: None
# expect:     fused: None
# expect:     lr: 0.1
# expect:     maximize: False
# expect:     momentum: 0
# expect:     nesterov: False
# expect:     param_names: ['w', 'b']
# expect:     weight_decay: 0
# expect: )
# expect: [{'param_names': ['w', 'b'], 'lr': 0.1, 'momentum': 0, 'dampening': 0, 'weight_decay': 0, 'nesterov': False, 'maximize': False, 'foreach': None, 'differentiable': False, 'fused': None, 'params': [0, 1]}]
# expect: ValueError: all optimizer param groups should be with/without names. cannot add param group without names to the optimizer
# expect: ValueError: all optimizer params should be with/without names. Some param names are missing
# expect: ValueError: all optimizer param groups should be with/without names. cannot add param group without names to the optimizer
# expect: ValueError: some parameters appear in more than one parameter group
# expect: TypeError: param_group must be a dict, but got <class 'torch.Tensor'>
# expect: ValueError: Expected 1 lr_lambdas, but got 2
# expect: TypeError: 'int' object is not callable
# expect: ValueError: loaded state dict has a different number of parameter groups
# expect-error: KeyError: 'lr'
