# Errors of the function surface, with PyTorch's exception types and messages.
import torch
import torch.nn.functional as F
import torch.nn.init as init

def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

x = torch.randn(4, 5)
t = torch.tensor([1, 0, 4, 2])
check(lambda: F.cross_entropy(x, t.float()))
check(lambda: F.cross_entropy(x, t, reduction="avg"))
check(lambda: F.cross_entropy(x, torch.tensor([1, 0, 5, 2])))
check(lambda: F.cross_entropy(x, torch.tensor([1, 0, 4])))
check(lambda: F.nll_loss(x, t.float()))
check(lambda: F.mse_loss(x, torch.randn(4, 5), reduction="bad"))
check(lambda: F.linear(x, torch.randn(3, 4)))
check(lambda: F.layer_norm(x, (4,)))
check(lambda: F.dropout(x, p=1.5))
check(lambda: F.embedding(torch.tensor([0.5]), x))
check(lambda: F.one_hot(torch.tensor([1.0])))
check(lambda: F.pad(x, (1,)))
check(lambda: F.glu(torch.randn(3)))
check(lambda: F.hardtanh(x, 1.0, -1.0))
check(lambda: F.leaky_relu(torch.tensor([1, -2])))
check(lambda: F.softmax(x, dim=2))
check(lambda: F.binary_cross_entropy(torch.sigmoid(x), torch.ones(4)))
check(lambda: F.scaled_dot_product_attention(torch.randn(2, 3), torch.randn(2, 4), torch.randn(2, 4)))
check(lambda: init.kaiming_uniform_(torch.empty(3)))
check(lambda: init.kaiming_normal_(torch.empty(2, 2), mode="fan_avg"))
check(lambda: init.calculate_gain("swish"))
check(lambda: init.eye_(torch.empty(2, 2, 2)))
check(lambda: init.uniform_(torch.empty(2), 1, 0))
check(lambda: torch.finfo(torch.int64))
check(lambda: torch.iinfo(torch.float32))
check(lambda: torch.mm(x, x))
check(lambda: torch.bmm(x, x))
check(lambda: x.gather(1, torch.tensor([[5]])))
check(lambda: x.index_select(0, torch.tensor([1.0])))
check(lambda: torch.meshgrid(torch.arange(2), indexing="yx"))
check(lambda: torch.outer(x, x))
check(lambda: torch.frac(torch.tensor([1, 2])))
check(lambda: torch.floor(torch.tensor([True])))
check(lambda: torch.multinomial(torch.tensor([0.5, 0.5]), 3))
check(lambda: x.new_full((2,), "a"))
check(lambda: F.cross_entropy(x, t, label_smoothing=1.5))
check(lambda: x.lerp(torch.ones(3), 0.5))
check(lambda: torch.isclose(x, x.double()))
check(lambda: torch.tensor(1.0).stride(0))
check(lambda: torch.tensor(1.0).size(-1))
check(lambda: torch.tensor(1.0).stride())
check(lambda: torch.meshgrid())
check(lambda: F.cosine_similarity(x, torch.ones(2)))
check(lambda: torch.finfo("a"))
check(lambda: x.multinomial(2, generator=3))
check(lambda: torch.lerp(x, x, x.double()))
check(lambda: torch.isclose(x, x, rtol=-1.5))
check(lambda: F.dropout(x, p=float("nan")))
check(lambda: x.diagonal(0, 0, 0))
check(lambda: x.new_tensor([[1], [2, 3]]))
check(lambda: F.cross_entropy(x, 3))
check(lambda: F.nll_loss(x, [1]))
check(lambda: F.layer_norm(x, 3.5))
check(lambda: F.cross_entropy(x, t, reduction=3))
check(lambda: F.cross_entropy(x, t, ignore_index=1.5))
check(lambda: x.roll("a"))
check(lambda: x.flip("a"))
check(lambda: torch.zeros(2).copy_(3))
check(lambda: F.linear(x, 3))
F.nll_loss(x, t.float())

# expect: RuntimeError: expected target dtype to be Long or Byte, but got Float
# expect: ValueError: avg is not a valid value for reduction
# expect: IndexError: Target 5 is out of bounds.
# expect: ValueError: Expected input batch_size (4) to match target batch_size (3).
# expect: RuntimeError: expected target dtype to be Long or Byte, but got Float
# expect: ValueError: bad is not a valid value for reduction
# expect: RuntimeError: mat1 and mat2 shapes cannot be multiplied (4x5 and 4x3)
# expect: RuntimeError: Given normalized_shape=[4], expected input with shape [*, 4], but got input of size[4, 5]
# expect: ValueError: dropout probability has to be between 0 and 1, but got 1.5
# expect: RuntimeError: Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.FloatTensor instead (while checking arguments for embedding)
# expect: RuntimeError: one_hot is only applicable to index tensor of type LongTensor.
# expect: RuntimeError: Padding length must be divisible by 2
# expect: RuntimeError: Halving dimension must be even, but dimension 0 is size 3
# expect: ValueError: min_val cannot be greater than max_val
# expect: NotImplementedError: "leaky_relu_cpu" not implemented for 'Long'
# expect: IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)
# expect: ValueError: Using a target size (torch.Size([4])) that is different to the input size (torch.Size([4, 5])) is deprecated. Please ensure they have the same size.
# expect: RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x3 and 4x2)
# expect: ValueError: Fan in and fan out can not be computed for tensor with fewer than 2 dimensions
# expect: ValueError: Mode fan_avg not supported, please use one of ['fan_in', 'fan_out']
# expect: ValueError: Unsupported nonlinearity swish
# expect: ValueError: Only tensors with 2 dimensions are supported
# expect: RuntimeError: uniform_ expects to return a [from, to) range, but found from=1 > to=0
# expect: TypeError: torch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'
# expect: TypeError: torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'
# expect: RuntimeError: mat1 and mat2 shapes cannot be multiplied (4x5 and 4x5)
# expect: RuntimeError: batch1 must be a 3D tensor
# expect: RuntimeError: index 5 is out of bounds for dimension 1 with size 5
# expect: RuntimeError: index_select(): Expected dtype int32 or int64 for index
# expect: RuntimeError: torch.meshgrid: indexing must be one of "xy" or "ij", but received: yx
# expect: RuntimeError: outer: Expected 1-D argument self, but got 2-D
# expect: NotImplementedError: "frac_cpu" not implemented for 'Long'
# expect: NotImplementedError: "floor_vml_cpu" not implemented for 'Bool'
# expect: RuntimeError: cannot sample n_sample > prob_dist.size(-1) samples without replacement
# expect: TypeError: new_full(): argument 'fill_value' (position 2) must be Number, not str
# expect: RuntimeError: label_smoothing must be between 0.0 and 1.0. Got: 1.5
# expect: RuntimeError: The size of tensor a (5) must match the size of tensor b (3) at non-singleton dimension 1
# expect: RuntimeError: Float did not match Double
# expect: IndexError: Dimension specified as 0 but tensor has no dimensions
# expect: IndexError: Dimension specified as -1 but tensor has no dimensions
# expect: ()
# expect: RuntimeError: meshgrid expects a non-empty TensorList
# expect: RuntimeError: The size of tensor a (5) must match the size of tensor b (2) at non-singleton dimension 1
# expect: TypeError: finfo(): argument 'type' (position 1) must be torch.dtype, not str
# expect: TypeError: multinomial(): argument 'generator' must be torch.Generator, not int
# expect: RuntimeError: expected dtype float for `weight` but got dtype double
# expect: RuntimeError: rtol must be greater than or equal to zero, but got -1.5
# expect: RuntimeError: dropout probability has to be between 0 and 1, but got nan
# expect: RuntimeError: diagonal dimensions cannot be identical 0, 0
# expect: ValueError: expected sequence of length 1 at dim 1 (got 2)
# expect: TypeError: cross_entropy_loss(): argument 'target' (position 2) must be Tensor, not int
# expect: TypeError: nll_loss_nd(): argument 'target' (position 2) must be Tensor, not list
# expect: TypeError: layer_norm(): argument 'normalized_shape' (position 2) must be tuple of ints, not float
# expect: ValueError: 3 is not a valid value for reduction
# expect: TypeError: cross_entropy_loss(): argument 'ignore_index' (position 5) must be int, not float
# expect: TypeError: roll(): argument 'shifts' (position 1) must be tuple of ints, not str
# expect: TypeError: flip(): argument 'dims' (position 1) must be tuple of ints, not str
# expect: tensor([3., 3.])
# expect: TypeError: linear(): argument 'weight' (position 2) must be Tensor, not int
# expect-error: RuntimeError: expected target dtype to be Long or Byte, but got Float
