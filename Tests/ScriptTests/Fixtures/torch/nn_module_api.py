# The nn.Module API on script models and native layers: registries, attribute rules, traversal, state dicts, modes,
# dtype moves, and PyTorch's errors for misuse.
import torch
import torch.nn as nn


def attempt(label, fn):
    try:
        print(label, '->', fn())
    except Exception as e:
        print(label, '!!', type(e).__name__, e)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(3, 4)
        self.act = nn.ReLU()
        self.fc2 = nn.Linear(4, 2)
        self.register_buffer('running', torch.zeros(2))
        self.register_buffer('scratch', torch.ones(1), persistent=False)
        self.scale = nn.Parameter(torch.ones(1))
        self.note = 'hello'

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x))) * self.scale + self.running


torch.manual_seed(0)
net = Net()
print(net)
print([(n, tuple(p.shape)) for n, p in net.named_parameters()])
print([n for n, _ in net.named_buffers()], list(net.state_dict().keys()))
print([type(c).__name__ for c in net.children()], [n for n, _ in net.named_children()])
print([n for n, _ in net.named_modules()], len(list(net.modules())))
print(net.note, net.training, net.fc1.training, net.get_submodule('fc2'), net.get_submodule(''))
print(net(torch.ones(2, 3)))

# attribute rules
net.extra = nn.Linear(2, 2)
print([n for n, _ in net.named_children()])
net.scale = nn.Parameter(torch.full((1,), 2.0))
print(net.scale, [n for n, _ in net.named_parameters()][-1])
net.running = torch.ones(2)
print(net.running, 'running' in dict(net.named_buffers()))
del net.extra
print([n for n, _ in net.named_children()])
attempt('assign tensor to parameter', lambda: setattr(net, 'scale', torch.ones(1)))
attempt('assign int to submodule', lambda: setattr(net, 'fc1', 3))
attempt('assign str to buffer', lambda: setattr(net, 'running', 'x'))
attempt('missing attribute', lambda: net.nothing)


def delete_missing():
    del net.nothing


attempt('del missing', delete_missing)
net.fc1 = None
print(net.fc1, [n for n, _ in net.named_children()])
net.fc1 = nn.Linear(3, 4)


class Early(nn.Module):
    def __init__(self):
        self.fc = nn.Linear(1, 1)


class EarlyParam(nn.Module):
    def __init__(self):
        self.w = nn.Parameter(torch.ones(1))


class NoInit(nn.Module):
    def __init__(self):
        pass


attempt('module before init', lambda: Early())
attempt('parameter before init', lambda: EarlyParam())
attempt('no super init', lambda: list(NoInit().parameters()))

# registration errors
m = nn.Module()
attempt('register_buffer non-str', lambda: m.register_buffer(1, torch.ones(1)))
attempt('register_buffer dotted', lambda: m.register_buffer('a.b', torch.ones(1)))
attempt('register_buffer empty', lambda: m.register_buffer('', torch.ones(1)))
attempt('register_buffer not tensor', lambda: m.register_buffer('b', 3))
m.attr = 5
attempt('register_buffer existing attr', lambda: m.register_buffer('attr', torch.ones(1)))
attempt('register_parameter tensor', lambda: m.register_parameter('p', torch.ones(1)))
attempt('register_parameter dotted', lambda: m.register_parameter('p.q', nn.Parameter(torch.ones(1))))
attempt('register_parameter None', lambda: m.register_parameter('p', None))
print(list(m.named_parameters()), m.p)
attempt('add_module not module', lambda: m.add_module('sub', 3))
attempt('add_module dotted', lambda: m.add_module('a.b', nn.ReLU()))
attempt('add_module empty', lambda: m.add_module('', nn.ReLU()))
attempt('add_module existing attr', lambda: m.add_module('attr', nn.ReLU()))
m.add_module('sub', nn.Tanh())
print(m)
attempt('register_module', lambda: m.register_module('other', nn.Sigmoid()))
attempt('get_submodule missing', lambda: net.get_submodule('fc9'))
attempt('get_submodule not module', lambda: net.get_submodule('fc1.weight'))
attempt('get_parameter', lambda: net.get_parameter('fc1.bias').shape)
attempt('get_parameter buffer', lambda: net.get_parameter('running'))
attempt('get_parameter missing', lambda: net.get_parameter('fc1.nope'))
attempt('get_submodule note', lambda: net.get_submodule('note'))
attempt('get_submodule deep', lambda: net.get_submodule('fc1.x'))
d = nn.ModuleDict({'a': nn.ReLU()})
attempt('ModuleDict missing', lambda: d['b'])
attempt('forward missing', lambda: nn.Module()(torch.ones(1)))

# state dicts
torch.manual_seed(1)
other = Net()
sd = other.state_dict()
print(list(sd.keys()), sd['fc1.bias'])
print(net.load_state_dict(sd))
print(torch.equal(net.fc1.weight, other.fc1.weight), net.fc1.weight is not other.fc1.weight)
partial = {k: v for k, v in sd.items() if k != 'fc2.bias'}
partial['extra.weight'] = torch.zeros(1)
attempt('strict missing/unexpected', lambda: net.load_state_dict(partial))
result = net.load_state_dict(partial, strict=False)
print(result.missing_keys, result.unexpected_keys)
print(result)
bad = dict(sd)
bad['fc1.weight'] = torch.zeros(2, 2)
attempt('shape mismatch', lambda: net.load_state_dict(bad))
attempt('shape mismatch non-strict', lambda: net.load_state_dict(bad, strict=False))
attempt('not a mapping', lambda: net.load_state_dict([1, 2]))

# modes, apply, moves
net.eval()
print(net.training, net.fc1.training, net.act.training)
net.train()
print(net.training, net.fc2.training)
net.train(False)
print(net.training)
print(net.train() is net, net.eval() is net)
net.fc1.training = True
print(net.training, net.fc1.training)
seen = []
print(net.apply(lambda mod: seen.append(type(mod).__name__)) is net, seen)


def init_weights(mod):
    if isinstance(mod, nn.Linear):
        with torch.no_grad():
            mod.weight.fill_(0.5)


net.apply(init_weights)
print(net.fc2.weight)
double = net.to(torch.float64)
print(double is net, net.fc1.weight.dtype, net.running.dtype, net.scale.dtype, net.fc1.weight.requires_grad)
print(net(torch.ones(1, 3, dtype=torch.float64)))
print(net.double().fc2.bias.dtype, net.float().fc2.bias.dtype, net.to('cpu') is net, net.cpu() is net)
net.zero_grad()
print(net.fc1.weight.grad)
net.requires_grad_(False)
print(net.fc1.weight.requires_grad, [p.requires_grad for p in net.parameters()][:2])


# script classes deriving from native layers
class Scaled(nn.Linear):
    def forward(self, x):
        return super().forward(x) * 2


class SummedGRU(nn.GRU):
    def __init__(self):
        super().__init__(3, 4, batch_first=True)
        self.tag = 'gru'

    def forward(self, x):
        out, h = super().forward(x)
        return out.sum()


torch.manual_seed(3)
seq = nn.Sequential(Scaled(2, 2), nn.Tanh())
print(seq, seq(torch.ones(1, 2)), type(seq[0]).__name__, isinstance(seq[0], nn.Linear), seq[0].in_features)
gru = SummedGRU()
print(gru, gru.tag, gru.hidden_size, gru(torch.ones(2, 3, 3)))
holder = nn.ModuleList([gru])
print(holder[0] is gru, holder)
print(nn.Linear(2, 2).cuda())

# expect: Net(
# expect:   (fc1): Linear(in_features=3, out_features=4, bias=True)
# expect:   (act): ReLU()
# expect:   (fc2): Linear(in_features=4, out_features=2, bias=True)
# expect: )
# expect: [('scale', (1,)), ('fc1.weight', (4, 3)), ('fc1.bias', (4,)), ('fc2.weight', (2, 4)), ('fc2.bias', (2,))]
# expect: ['running', 'scratch'] ['scale', 'running', 'fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias']
# expect: ['Linear', 'ReLU', 'Linear'] ['fc1', 'act', 'fc2']
# expect: ['', 'fc1', 'act', 'fc2'] 4
# expect: hello True True Linear(in_features=4, out_features=2, bias=True) Net(
# expect:   (fc1): Linear(in_features=3, out_features=4, bias=True)
# expect:   (act): ReLU()
# expect:   (fc2): Linear(in_features=4, out_features=2, bias=True)
# expect: )
# expect: tensor([[-0.1338,  0.0367],
# expect:         [-0.1338,  0.0367]], grad_fn=<AddBackward0>)
# expect: ['fc1', 'act', 'fc2', 'extra']
# expect: Parameter containing:
# expect: tensor([2.], requires_grad=True) extra.bias
# expect: tensor([1., 1.]) True
# expect: ['fc1', 'act', 'fc2']
# expect: assign tensor to parameter !! TypeError cannot assign 'torch.FloatTensor' as parameter 'scale' (torch.nn.Parameter or None expected)
# expect: assign int to submodule !! TypeError cannot assign 'int' as child module 'fc1' (torch.nn.Module or None expected)
# expect: assign str to buffer !! TypeError cannot assign 'str' as buffer 'running' (torch.nn.Buffer, torch.Tensor or None expected)
# expect: missing attribute !! AttributeError 'Net' object has no attribute 'nothing'
# expect: del missing !! AttributeError 'Net' object has no attribute 'nothing'
# expect: None ['act', 'fc2']
# expect: module before init !! AttributeError cannot assign module before Module.__init__() call
# expect: parameter before init !! AttributeError cannot assign parameters before Module.__init__() call
# expect: no super init !! AttributeError 'NoInit' object has no attribute '_parameters'
# expect: register_buffer non-str !! TypeError buffer name should be a string. Got int
# expect: register_buffer dotted !! KeyError 'buffer name can\'t contain "."'
# expect: register_buffer empty !! KeyError 'buffer name can\'t be empty string ""'
# expect: register_buffer not tensor !! TypeError cannot assign 'int' object to buffer 'b' (torch Tensor or None required)
# expect: register_buffer existing attr !! KeyError "attribute 'attr' already exists"
# expect: register_parameter tensor !! TypeError cannot assign 'torch.FloatTensor' object to parameter 'p' (torch.nn.Parameter or None required)
# expect: register_parameter dotted !! KeyError 'parameter name can\'t contain "."'
# expect: register_parameter None -> None
# expect: [] None
# expect: add_module not module !! TypeError int is not a Module subclass
# expect: add_module dotted !! KeyError 'module name can\'t contain ".", got: a.b'
# expect: add_module empty !! KeyError 'module name can\'t be empty string ""'
# expect: add_module existing attr !! KeyError "attribute 'attr' already exists"
# expect: Module(
# expect:   (sub): Tanh()
# expect: )
# expect: register_module -> None
# expect: get_submodule missing !! AttributeError Net has no attribute `fc9`
# expect: get_submodule not module !! AttributeError `weight` is not an nn.Module
# expect: get_parameter -> torch.Size([4])
# expect: get_parameter buffer !! AttributeError `running` is not an nn.Parameter
# expect: get_parameter missing !! AttributeError Linear has no attribute `nope`
# expect: get_submodule note !! AttributeError `note` is not an nn.Module
# expect: get_submodule deep !! AttributeError Linear has no attribute `x`
# expect: ModuleDict missing !! KeyError 'b'
# expect: forward missing !! NotImplementedError Module [Module] is missing the required "forward" function
# expect: ['scale', 'running', 'fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias'] tensor([ 0.2109, -0.2250, -0.0421, -0.0520])
# expect: <All keys matched successfully>
# expect: True True
# expect: strict missing/unexpected !! RuntimeError Error(s) in loading state_dict for Net:
# expect: 	Missing key(s) in state_dict: "fc2.bias". 
# expect: 	Unexpected key(s) in state_dict: "extra.weight". 
# expect: ['fc2.bias'] ['extra.weight']
# expect: _IncompatibleKeys(missing_keys=['fc2.bias'], unexpected_keys=['extra.weight'])
# expect: shape mismatch !! RuntimeError Error(s) in loading state_dict for Net:
# expect: 	size mismatch for fc1.weight: copying a param with shape torch.Size([2, 2]) from checkpoint, the shape in current model is torch.Size([4, 3]).
# expect: shape mismatch non-strict !! RuntimeError Error(s) in loading state_dict for Net:
# expect: 	size mismatch for fc1.weight: copying a param with shape torch.Size([2, 2]) from checkpoint, the shape in current model is torch.Size([4, 3]).
# expect: not a mapping !! TypeError Expected state_dict to be dict-like, got <class 'list'>.
# expect: False False False
# expect: True True
# expect: False
# expect: True True
# expect: False True
# expect: True ['Linear', 'ReLU', 'Linear', 'Net']
# expect: Parameter containing:
# expect: tensor([[0.5000, 0.5000, 0.5000, 0.5000],
# expect:         [0.5000, 0.5000, 0.5000, 0.5000]], requires_grad=True)
# expect: True torch.float64 torch.float64 torch.float64 True
# expect: tensor([[2.7857, 2.9698]], dtype=torch.float64, grad_fn=<AddBackward0>)
# expect: torch.float64 torch.float32 True True
# expect: None
# expect: False [False, False]
# expect: Sequential(
# expect:   (0): Scaled(in_features=2, out_features=2, bias=True)
# expect:   (1): Tanh()
# expect: ) tensor([[-0.9890, -0.9966]], grad_fn=<TanhBackward0>) Scaled True 2
# expect: SummedGRU(3, 4, batch_first=True) gru 4 tensor(-7.6970, grad_fn=<SumBackward0>)
# expect: True ModuleList(
# expect:   (0): SummedGRU(3, 4, batch_first=True)
# expect: )
# expect-error: AssertionError: Torch not compiled with CUDA enabled
