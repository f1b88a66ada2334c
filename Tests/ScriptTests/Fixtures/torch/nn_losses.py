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
