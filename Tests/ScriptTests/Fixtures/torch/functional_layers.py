# Layers and attention as functions: linear, embedding, layer_norm, dropout, pad, one_hot, conv1d, attention.
import torch
import torch.nn.functional as F
torch.manual_seed(0)
a, b = torch.randn(3, 2), torch.randn(3, 2)
target = torch.tensor([1, 0, 4, 2])
print(F.one_hot(target), F.one_hot(torch.tensor([0, 2]), num_classes=4))
print(F.pad(a, (1, 2)), F.pad(a, (0, 0, 1, 0), value=9.0), F.pad(a.unsqueeze(0), (1, 1), mode="replicate"))
w = torch.randn(3, 2)
print(F.linear(a, w), F.linear(a, w, torch.ones(3)))
emb = torch.randn(6, 3)
print(F.embedding(torch.tensor([[0, 5], [2, 2]]), emb), F.embedding(torch.tensor([1]), emb, padding_idx=1))
print(F.layer_norm(a, (2,)), F.layer_norm(a, [2], weight=torch.tensor([2.0, 0.5]), bias=torch.ones(2), eps=1e-3))
print(F.dropout(a, p=0.5), F.dropout(a, 0.5, training=False), F.dropout(a, p=0.0))
conv_w = torch.randn(2, 3, 3)
s = torch.randn(1, 3, 6)
print(F.conv1d(s, conv_w), F.conv1d(s, conv_w, torch.ones(2), stride=2, padding=1), F.conv1d(s, conv_w, padding="same").shape)
q, k, v = torch.randn(1, 2, 4, 3), torch.randn(1, 2, 4, 3), torch.randn(1, 2, 4, 3)
print(F.scaled_dot_product_attention(q, k, v, is_causal=True))
mask = torch.ones(4, 4, dtype=torch.bool).tril()
print(F.scaled_dot_product_attention(q, k, v, attn_mask=mask, scale=0.5))
E = 4
qm = torch.randn(3, 1, E)
out, weights = F.multi_head_attention_forward(qm, qm, qm, E, 2, torch.randn(3 * E, E), torch.zeros(3 * E), None, None, False, 0.0, torch.randn(E, E), torch.zeros(E), training=False)
print(out, weights)
F.linear(a, torch.randn(3, 4))

# expect: tensor([[0, 1, 0, 0, 0],
# expect:         [1, 0, 0, 0, 0],
# expect:         [0, 0, 0, 0, 1],
# expect:         [0, 0, 1, 0, 0]]) tensor([[1, 0, 0, 0],
# expect:         [0, 0, 1, 0]])
# expect: tensor([[ 0.0000,  1.5410, -0.2934,  0.0000,  0.0000],
# expect:         [ 0.0000, -2.1788,  0.5684,  0.0000,  0.0000],
# expect:         [ 0.0000, -1.0845, -1.3986,  0.0000,  0.0000]]) tensor([[ 9.0000,  9.0000],
# expect:         [ 1.5410, -0.2934],
# expect:         [-2.1788,  0.5684],
# expect:         [-1.0845, -1.3986]]) tensor([[[ 1.5410,  1.5410, -0.2934, -0.2934],
# expect:          [-2.1788, -2.1788,  0.5684,  0.5684],
# expect:          [-1.0845, -1.0845, -1.3986, -1.3986]]])
# expect: tensor([[-1.6431, -1.6867, -0.9822],
# expect:         [ 2.4921,  2.4036,  1.4460],
# expect:         [-0.6102,  0.9901,  0.0923]]) tensor([[-0.6431, -0.6867,  0.0178],
# expect:         [ 3.4921,  3.4036,  2.4460],
# expect:         [ 0.3898,  1.9901,  1.0923]])
# expect: tensor([[[ 0.4397,  0.1124,  0.5433],
# expect:          [-0.4949, -1.4959, -0.1938]],
# expect: 
# expect:         [[-0.5731, -0.5554,  0.5943],
# expect:          [-0.5731, -0.5554,  0.5943]]]) tensor([[-0.3952,  0.2055, -0.4503]])
# expect: tensor([[ 1.0000, -1.0000],
# expect:         [-1.0000,  1.0000],
# expect:         [ 0.9998, -0.9998]]) tensor([[ 2.9988,  0.5003],
# expect:         [-0.9995,  1.4999],
# expect:         [ 2.9606,  0.5098]])
# expect: tensor([[ 0.0000, -0.0000],
# expect:         [-4.3576,  0.0000],
# expect:         [-2.1690, -2.7972]]) tensor([[ 1.5410, -0.2934],
# expect:         [-2.1788,  0.5684],
# expect:         [-1.0845, -1.3986]]) tensor([[ 1.5410, -0.2934],
# expect:         [-2.1788,  0.5684],
# expect:         [-1.0845, -1.3986]])
# expect: tensor([[[-5.7971,  4.8259, -4.2547,  2.2975],
# expect:          [ 0.3005,  0.9586, -0.9858,  0.6667]]]) tensor([[[0.1360, 5.8259, 3.2975],
# expect:          [0.1751, 1.9586, 1.6667]]]) torch.Size([1, 2, 6])
# expect: tensor([[[[-0.2813, -1.3299, -0.6538],
# expect:           [ 1.5469, -0.9928, -0.6389],
# expect:           [ 0.3722, -0.6566, -0.4323],
# expect:           [ 0.5211, -0.2561, -0.5808]],
# expect: 
# expect:          [[-0.4955, -0.3615,  0.5851],
# expect:           [-0.7346, -0.4736,  0.1632],
# expect:           [-0.7500,  0.0913, -0.1242],
# expect:           [-0.5526, -0.2347, -0.0270]]]])
# expect: tensor([[[[-0.2813, -1.3299, -0.6538],
# expect:           [ 1.4900, -1.0033, -0.6394],
# expect:           [ 0.3899, -0.6450, -0.4289],
# expect:           [ 0.5194, -0.2795, -0.5684]],
# expect: 
# expect:          [[-0.4955, -0.3615,  0.5851],
# expect:           [-0.7463, -0.4790,  0.1425],
# expect:           [-0.7302,  0.1187, -0.0977],
# expect:           [-0.5554, -0.2116, -0.0588]]]])
# expect: tensor([[[4.4662, 0.8936, 1.2136, 1.3857]],
# expect: 
# expect:         [[5.0951, 0.8124, 0.6498, 0.8700]],
# expect: 
# expect:         [[5.0070, 0.9239, 0.6578, 1.1283]]]) tensor([[[0.3208, 0.3496, 0.3296],
# expect:          [0.2994, 0.1774, 0.5232],
# expect:          [0.2250, 0.2247, 0.5503]]])
# expect-error: RuntimeError: mat1 and mat2 shapes cannot be multiplied (3x2 and 4x3)
