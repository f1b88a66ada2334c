# Loss modules: constructors and settings, forward(input, target) against seeded data, weights, reductions, errors.
import torch
import torch.nn as nn

torch.manual_seed(0)
pred = torch.randn(4, 3, requires_grad=True)
target = torch.randn(4, 3)
for loss in [nn.MSELoss(), nn.MSELoss(reduction='sum'), nn.L1Loss(), nn.L1Loss(reduction='none'), nn.SmoothL1Loss(beta=0.5), nn.HuberLoss(delta=0.5)]:
    print(loss, loss.reduction, loss(pred, target))
print(nn.SmoothL1Loss().beta, nn.HuberLoss().delta, nn.HuberLoss('sum', 2.0).reduction, nn.MSELoss(size_average=False).reduction, nn.L1Loss(reduce=False).reduction)

logits = torch.randn(4, 5, requires_grad=True)
labels = torch.tensor([1, 0, 4, 2])
ce = nn.CrossEntropyLoss()
print(ce, ce.ignore_index, ce.label_smoothing, ce.weight, ce.reduction)
loss = ce(logits, labels)
loss.backward()
print(loss, logits.grad[0])
w = torch.tensor([1.0, 2.0, 0.5, 1.0, 3.0])
print(nn.CrossEntropyLoss(weight=w)(logits, labels), nn.CrossEntropyLoss(label_smoothing=0.1)(logits, labels))
ce_ignore = nn.CrossEntropyLoss(ignore_index=0, reduction='none')
print(ce_ignore.ignore_index, ce_ignore(logits, labels))
print(nn.CrossEntropyLoss()(logits, torch.softmax(torch.randn(4, 5), dim=1)))
print(nn.CrossEntropyLoss(w).weight, [name for name, _ in nn.CrossEntropyLoss(w).named_buffers()])

logp = torch.log_softmax(logits.detach(), dim=1)
nll = nn.NLLLoss(weight=w, ignore_index=2)
print(nll, nll.ignore_index, nll(logp, labels), nn.NLLLoss(reduction='sum')(logp, labels))

probs = torch.sigmoid(torch.randn(6))
bin_target = torch.tensor([1.0, 0.0, 1.0, 1.0, 0.0, 0.0])
print(nn.BCELoss()(probs, bin_target), nn.BCELoss(weight=torch.arange(6.0))(probs, bin_target))
raw = torch.randn(2, 3)
bt = torch.tensor([[1.0, 0.0, 1.0], [0.0, 0.0, 1.0]])
bce = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([1.0, 2.0, 3.0]))
print(bce, bce.pos_weight, bce.weight, bce(raw, bt), nn.BCEWithLogitsLoss(reduction='none')(raw, bt))
print(nn.BCEWithLogitsLoss(weight=torch.tensor([0.5, 1.0, 2.0]))(raw, bt))

kl = nn.KLDivLoss(reduction='batchmean')
lp = torch.log_softmax(torch.randn(3, 4), dim=1)
tp = torch.softmax(torch.randn(3, 4), dim=1)
print(kl, kl.log_target, kl(lp, tp), nn.KLDivLoss(reduction='sum', log_target=True)(lp, tp.log()))

print(nn.MSELoss()(input=pred, target=target))
model = nn.Sequential(nn.Linear(3, 2))
print(nn.ModuleDict({'loss': nn.MSELoss()}), isinstance(ce, nn.Module))

for make in [lambda: nn.MSELoss(reduction='bad')(pred, target), lambda: nn.MSELoss()(pred),
             lambda: nn.CrossEntropyLoss()(logits, torch.tensor([0, 5, 1, 1])),
             lambda: nn.BCELoss()(torch.tensor([2.0]), torch.tensor([1.0])),
             lambda: nn.HuberLoss(delta=-1)(pred, target), lambda: nn.L1Loss(reduction='avg')(pred, target),
             lambda: nn.NLLLoss()(logp, labels.float())]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# expect: MSELoss() mean tensor(2.2559, grad_fn=<MseLossBackward0>)
# expect: MSELoss() sum tensor(27.0705, grad_fn=<MseLossBackward0>)
# expect: L1Loss() mean tensor(1.3630, grad_fn=<MeanBackward0>)
# expect: L1Loss() none tensor([[2.3977, 1.3940, 1.1076],
# expect:         [0.4457, 0.5182, 1.7717],
# expect:         [1.2953, 2.3471, 1.0897],
# expect:         [1.8598, 1.5364, 0.5928]], grad_fn=<AbsBackward0>)
# expect: SmoothL1Loss() mean tensor(1.1133, grad_fn=<SmoothL1LossBackward0>)
# expect: HuberLoss() mean tensor(0.5566, grad_fn=<HuberLossBackward0>)
# expect: 1.0 1.0 sum sum none
# expect: CrossEntropyLoss() -100 0.0 None mean
# expect: tensor(1.8619, grad_fn=<NllLossBackward0>) tensor([ 0.0177, -0.1669,  0.0998,  0.0415,  0.0079])
# expect: tensor(2.1021, grad_fn=<NllLossBackward0>) tensor(1.8816, grad_fn=<AddBackward0>)
# expect: 0 tensor([1.1012, 0.0000, 3.1651, 2.4311], grad_fn=<NllLossBackward0>)
# expect: tensor(2.0755, grad_fn=<DivBackward1>)
# expect: tensor([1.0000, 2.0000, 0.5000, 1.0000, 3.0000]) ['weight']
# expect: NLLLoss() 2 tensor(2.0747) tensor(7.4477)
# expect: tensor(0.4479) tensor(0.9493)
# expect: BCEWithLogitsLoss() tensor([1., 2., 3.]) None tensor(1.9960) tensor([[1.7590, 1.4876, 0.2215],
# expect:         [1.4411, 0.9332, 1.8968]])
# expect: tensor(1.3762)
# expect: KLDivLoss() False tensor(0.2356) tensor(0.7067)
# expect: tensor(2.2559, grad_fn=<MseLossBackward0>)
# expect: ModuleDict(
# expect:   (loss): MSELoss()
# expect: ) True
# expect: ValueError bad is not a valid value for reduction
# expect: TypeError MSELoss.forward() missing 1 required positional argument: 'target'
# expect: IndexError Target 5 is out of bounds.
# expect: RuntimeError all elements of input should be between 0 and 1
# expect: RuntimeError huber_loss does not support non-positive values for delta.
# expect: ValueError avg is not a valid value for reduction
# expect: RuntimeError expected target dtype to be Long or Byte, but got Float
