# Sizes whose arithmetic overflows int64 (3 * embed_dim, the largest class + 1, a pad of 2**62) and expanded tensors
# claiming more elements than memory holds: each is PyTorch's error, never a crash.
import torch
import torch.nn as nn
import torch.nn.functional as F

big = 9223372036854775807


def show(make):
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__ + ":", str(e).split("\n")[0])


show(lambda: nn.MultiheadAttention(2**62, 2))
show(lambda: nn.MultiheadAttention(2**61, 2))
show(lambda: nn.TransformerEncoderLayer(2**62, 2))
show(lambda: nn.TransformerEncoderLayer(4, 2, dim_feedforward=2**62))
show(lambda: nn.GRU(2, 2**62))
show(lambda: nn.GRU(2, 2**61))
show(lambda: nn.LSTM(2, 2**61))
show(lambda: nn.RNN(2**62, 2))
show(lambda: nn.GRUCell(2, 2**62))
show(lambda: nn.LSTMCell(2, 2**61))
show(lambda: nn.RNNCell(2, 2**62))
show(lambda: nn.Linear(2**62, 2**62))
show(lambda: nn.Embedding(2**62, 2))
show(lambda: F.one_hot(torch.tensor([big])))
show(lambda: F.one_hot(torch.tensor([big - 1])))
show(lambda: F.one_hot(torch.tensor([1, 3])))
show(lambda: F.pad(torch.ones(1, 2), (2**62, 0), mode="replicate"))
show(lambda: F.pad(torch.ones(1, 1, 2, 2), (2**40, 0, 2**40, 0), mode="replicate"))
show(lambda: F.pad(torch.ones(1, 3), (2, 1), mode="replicate"))
show(lambda: torch.tensor([1.0]).expand(2**62).masked_select(torch.tensor(True)))
show(lambda: torch.tensor([1.0, 2.0]).masked_select(torch.tensor([True, False])))
show(lambda: torch.bincount(torch.tensor([1]), minlength=-big - 1))
show(lambda: torch.bincount(torch.tensor([0, 2]), weights=torch.ones(1, dtype=torch.float64).expand(2)))
show(lambda: torch.zeros(3).index_select(0, torch.zeros(1, dtype=torch.long).expand(2**62)))
show(lambda: torch.zeros(3).index_add(0, torch.zeros(1, dtype=torch.long).expand(4), torch.ones(1).expand(4)))
show(lambda: torch.zeros(2**62, 4))
show(lambda: torch.zeros(1).expand(2**62, 2**62))
show(lambda: torch.zeros(6).view(2**62, -1))
show(lambda: torch.tensor([1.0]).expand(2**62).item())
show(lambda: torch.ones(3).unsqueeze(0).expand(2**61, 3).shape)
show(lambda: torch.ones(3).unsqueeze(0).expand(2**61, 3)[2**62 - 1:].shape)
show(lambda: torch.ones(3).unsqueeze(0).expand(2**61, 3)[2**61 - 1])
show(lambda: torch.ones(3).unsqueeze(0).expand(2**61, 3).narrow(0, 2**61 - 1, 1))
show(lambda: torch.tensor([1, 2, 3])[big])
show(lambda: torch.tensor([1, 2, 3])[-big - 1:])
show(lambda: torch.zeros(3, 3).narrow(0, 1, big))
show(lambda: torch.zeros(3, 3).sum(-big - 1))
show(lambda: torch.zeros(3, 3).topk(big))
show(lambda: torch.zeros(3).multinomial(big))
show(lambda: torch.randperm(2**62))
show(lambda: torch.linspace(0, 1, big))
show(lambda: torch.tensor([-big - 1]) // -1)
show(lambda: torch.tensor([big]) + 1)
show(lambda: torch.tensor([-big - 1]).abs())
show(lambda: torch.zeros(0, 2**62, 4))
show(lambda: torch.zeros(2**62, 0, 4).sum((0, 1)))
show(lambda: torch.zeros(2**62, 0, 4).sum(2).shape)
show(lambda: F.scaled_dot_product_attention(*[torch.zeros(2**62, 0, 4)] * 3).shape)
show(lambda: torch.zeros(0).view(0, 2**62, 2**62).shape)
show(lambda: torch.zeros(0).view(0, 2**62, 2**62).sum(2).shape)
show(lambda: torch.zeros(0).view(0, 2**62, 2**62).softmax(2))
show(lambda: torch.zeros(0).view(0, 2**62, 2**62).cumsum(2))
show(lambda: torch.zeros(0).view(0, 2**62, 2**62) + 1)
show(lambda: torch.zeros(0).view(0, 2**62, 2**62))

# expect: TypeError: empty(): argument 'size' failed to unpack the object at pos 1 with error "Overflow when unpacking long long
# expect: RuntimeError: Storage size calculation overflowed with sizes=[6917529027641081856, 2305843009213693952]
# expect: TypeError: empty(): argument 'size' failed to unpack the object at pos 1 with error "Overflow when unpacking long long
# expect: RuntimeError: Storage size calculation overflowed with sizes=[4611686018427387904, 4]
# expect: TypeError: empty(): argument 'size' failed to unpack the object at pos 1 with error "Overflow when unpacking long long
# expect: RuntimeError: Storage size calculation overflowed with sizes=[6917529027641081856, 2]
# expect: TypeError: empty(): argument 'size' failed to unpack the object at pos 1 with error "Overflow when unpacking long long
# expect: RuntimeError: Storage size calculation overflowed with sizes=[2, 4611686018427387904]
# expect: TypeError: empty(): argument 'size' failed to unpack the object at pos 1 with error "Overflow when unpacking long long
# expect: TypeError: empty(): argument 'size' failed to unpack the object at pos 1 with error "Overflow when unpacking long long
# expect: RuntimeError: Storage size calculation overflowed with sizes=[4611686018427387904, 2]
# expect: RuntimeError: Storage size calculation overflowed with sizes=[4611686018427387904, 4611686018427387904]
# expect: RuntimeError: Storage size calculation overflowed with sizes=[4611686018427387904, 2]
# expect: RuntimeError: zeros: Dimension size must be non-negative.
# expect: RuntimeError: Storage size calculation overflowed with sizes=[1, 9223372036854775807]
# expect: tensor([[0, 1, 0, 0],
# expect:         [0, 0, 0, 1]])
# expect: RuntimeError: Storage size calculation overflowed with sizes=[1, 4611686018427387906]
# expect: RuntimeError: Storage size calculation overflowed with sizes=[1, 1, 1099511627778, 1099511627778]
# expect: tensor([[1., 1., 1., 1., 1., 1.]])
# expect: RuntimeError: Storage size calculation overflowed with sizes=[4611686018427387904] and strides=[1]
# expect: tensor([1.])
# expect: RuntimeError: minlength should be >= 0
# expect: tensor([1., 0., 1.], dtype=torch.float64)
# expect: RuntimeError: Storage size calculation overflowed with sizes=[4611686018427387904]
# expect: tensor([4., 0., 0.])
# expect: RuntimeError: Storage size calculation overflowed with sizes=[4611686018427387904, 4]
# expect: RuntimeError: numel: integer multiplication overflow
# expect: RuntimeError: shape '[4611686018427387904, -1]' is invalid for input of size 6
# expect: RuntimeError: a Tensor with 4611686018427387904 elements cannot be converted to Scalar
# expect: torch.Size([2305843009213693952, 3])
# expect: torch.Size([0, 3])
# expect: tensor([1., 1., 1.])
# expect: tensor([[1., 1., 1.]])
# expect: IndexError: index 9223372036854775807 is out of bounds for dimension 0 with size 3
# expect: tensor([1, 2, 3])
# expect: RuntimeError: start (1) + length (9223372036854775807) exceeds dimension size (3).
# expect: IndexError: Dimension out of range (expected to be in range of [-2, 1], but got -9223372036854775808)
# expect: RuntimeError: selected index k out of range
# expect: RuntimeError: cannot sample n_sample > prob_dist.size(-1) samples without replacement
# expect: RuntimeError: Storage size calculation overflowed with sizes=[4611686018427387904]
# expect: RuntimeError: Storage size calculation overflowed with sizes=[9223372036854775807]
# expect: tensor([-9223372036854775808])
# expect: tensor([-9223372036854775808])
# expect: tensor([-9223372036854775808])
# expect: RuntimeError: Stride calculation overflowed
# expect: tensor([0., 0., 0., 0.])
# expect: torch.Size([4611686018427387904, 0])
# expect: torch.Size([4611686018427387904, 0, 4])
# expect: torch.Size([0, 4611686018427387904, 4611686018427387904])
# expect: torch.Size([0, 4611686018427387904])
# expect: RuntimeError: Stride calculation overflowed
# expect: RuntimeError: Stride calculation overflowed
# expect: RuntimeError: Stride calculation overflowed
# expect: tensor([], size=(0, 4611686018427387904, 4611686018427387904))
