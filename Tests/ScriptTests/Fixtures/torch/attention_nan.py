# NaN and fully masked rows through attention: a NaN score makes its whole row NaN, a fully masked row is zeros in
# scaled_dot_product_attention and NaN in nn.MultiheadAttention, with and without autograd.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
q = torch.randn(1, 1, 3, 4)
k = torch.randn(1, 1, 3, 4)
v = torch.randn(1, 1, 3, 4)
inf, nan = float("inf"), float("nan")
mask = torch.tensor([[0.0, 0, 0], [-inf, nan, -inf], [-inf, -inf, -inf]])
print(F.scaled_dot_product_attention(q, k, v, attn_mask=mask))
with torch.no_grad():
    print(F.scaled_dot_product_attention(q, k, v, attn_mask=mask))

attention = nn.MultiheadAttention(4, 2)
x = torch.randn(3, 1, 4)
mask = torch.tensor([[0.0, nan, 0], [-inf, nan, -inf], [0.0, 0, 0]])
out, weights = attention(x, x, x, attn_mask=mask)
print(out.isnan().all(dim=-1).flatten(), weights)
with torch.no_grad():
    out, weights = attention(x, x, x, attn_mask=mask)
print(out.isnan().all(dim=-1).flatten(), weights)

# expect: tensor([[[[ 0.1171,  0.4515, -0.8037, -0.8058],
# expect:           [    nan,     nan,     nan,     nan],
# expect:           [ 0.0000,  0.0000,  0.0000,  0.0000]]]])
# expect: tensor([[[[ 0.1171,  0.4515, -0.8037, -0.8058],
# expect:           [    nan,     nan,     nan,     nan],
# expect:           [ 0.0000,  0.0000,  0.0000,  0.0000]]]])
# expect: tensor([ True,  True, False]) tensor([[[   nan,    nan,    nan],
# expect:          [   nan,    nan,    nan],
# expect:          [0.4095, 0.3146, 0.2759]]], grad_fn=<MeanBackward1>)
# expect: tensor([ True,  True, False]) tensor([[[   nan,    nan,    nan],
# expect:          [   nan,    nan,    nan],
# expect:          [0.4095, 0.3146, 0.2759]]])
