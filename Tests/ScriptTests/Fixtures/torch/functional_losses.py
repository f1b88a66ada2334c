# Losses of torch.nn.functional with their reductions, weights, ignore_index and label smoothing.
import torch
import torch.nn.functional as F
torch.manual_seed(0)
logits = torch.randn(4, 5, requires_grad=True)
target = torch.tensor([1, 0, 4, 2])
loss = F.cross_entropy(logits, target)
loss.backward()
print(loss, logits.grad)
print(F.cross_entropy(logits, target, reduction="sum"), F.cross_entropy(logits, target, reduction="none"))
print(F.cross_entropy(logits, torch.tensor([1, -100, 4, 2])), F.cross_entropy(logits, target, ignore_index=4))
print(F.cross_entropy(logits, target, label_smoothing=0.1), F.cross_entropy(logits, target, weight=torch.arange(1.0, 6.0)))
print(F.cross_entropy(logits, logits.softmax(dim=1).detach()))
print(F.nll_loss(F.log_softmax(logits, dim=1), target), F.nll_loss(logits.log_softmax(1), target, reduction="none"))
a, b = torch.randn(3, 2), torch.randn(3, 2)
print(F.mse_loss(a, b), F.l1_loss(a, b, reduction="sum"), F.smooth_l1_loss(a, b, beta=0.5), F.huber_loss(a, b, delta=0.5))
print(F.kl_div(a.log_softmax(1), b.softmax(1), reduction="batchmean"), F.kl_div(a, b, log_target=True, reduction="sum"))
p = torch.sigmoid(a)
y = (b > 0).float()
print(F.binary_cross_entropy(p, y), F.binary_cross_entropy_with_logits(a, y, pos_weight=torch.tensor([2.0, 1.0])))
F.cross_entropy(logits, target, reduction="avg")

# expect: tensor(2.4194, grad_fn=<NllLossBackward0>) tensor([[ 0.0209, -0.2297,  0.0501,  0.0417,  0.1171],
# expect:         [-0.2446,  0.0182,  0.1635,  0.0409,  0.0219],
# expect:         [ 0.0622,  0.0192,  0.0590,  0.0718, -0.2121],
# expect:         [ 0.0072,  0.0424, -0.1912,  0.1240,  0.0176]])
# expect: tensor(9.6775, grad_fn=<NllLossBackward0>) tensor([2.5099, 3.8326, 1.8878, 1.4472], grad_fn=<NllLossBackward0>)
# expect: tensor(1.9483, grad_fn=<NllLossBackward0>) tensor(2.5966, grad_fn=<NllLossBackward0>)
# expect: tensor(2.3721, grad_fn=<AddBackward0>) tensor(2.0575, grad_fn=<NllLossBackward0>)
# expect: tensor(1.3136, grad_fn=<DivBackward1>)
# expect: tensor(2.4194, grad_fn=<NllLossBackward0>) tensor([2.5099, 3.8326, 1.8878, 1.4472], grad_fn=<NllLossBackward0>)
# expect: tensor(3.3045) tensor(10.2192) tensor(1.4532) tensor(0.7266)
# expect: tensor(0.1315) tensor(7.9812)
# expect: tensor(1.3215) tensor(1.5274)
# expect-error: ValueError: avg is not a valid value for reduction
