# Bad input to the torch binding: each error's class and message as PyTorch reports them.
import torch, math

try:
    r = torch.zeros(10**12, 10**12)
    print('torch.zeros(10**12, 10**12)', '->', r)
except Exception as e:
    print('torch.zeros(10**12, 10**12)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.zeros(-1)
    print('torch.zeros(-1)', '->', r)
except Exception as e:
    print('torch.zeros(-1)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.tensor([[1, 2], [3]])
    print('torch.tensor([[1, 2], [3]])', '->', r)
except Exception as e:
    print('torch.tensor([[1, 2], [3]])', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2).size(100)
    print('torch.ones(2).size(100)', '->', r)
except Exception as e:
    print('torch.ones(2).size(100)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2)[5]
    print('torch.ones(2)[5]', '->', r)
except Exception as e:
    print('torch.ones(2)[5]', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2)[::0]
    print('torch.ones(2)[::0]', '->', r)
except Exception as e:
    print('torch.ones(2)[::0]', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2)[::-1]
    print('torch.ones(2)[::-1]', '->', r)
except Exception as e:
    print('torch.ones(2)[::-1]', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2)['a']
    print("torch.ones(2)['a']", '->', r)
except Exception as e:
    print("torch.ones(2)['a']", '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.randint(5, 2, (2,))
    print('torch.randint(5, 2, (2,))', '->', r)
except Exception as e:
    print('torch.randint(5, 2, (2,))', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.arange(0, 10, 0)
    print('torch.arange(0, 10, 0)', '->', r)
except Exception as e:
    print('torch.arange(0, 10, 0)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.arange(float('inf'))
    print("torch.arange(float('inf'))", '->', r)
except Exception as e:
    print("torch.arange(float('inf'))", '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.linspace(0, 1, -1)
    print('torch.linspace(0, 1, -1)', '->', r)
except Exception as e:
    print('torch.linspace(0, 1, -1)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.eye(-1)
    print('torch.eye(-1)', '->', r)
except Exception as e:
    print('torch.eye(-1)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2).view(3)
    print('torch.ones(2).view(3)', '->', r)
except Exception as e:
    print('torch.ones(2).view(3)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2, 3).permute(0)
    print('torch.ones(2, 3).permute(0)', '->', r)
except Exception as e:
    print('torch.ones(2, 3).permute(0)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2).transpose(0, 5)
    print('torch.ones(2).transpose(0, 5)', '->', r)
except Exception as e:
    print('torch.ones(2).transpose(0, 5)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.tensor(1.5).item()
    print('torch.tensor(1.5).item()', '->', r)
except Exception as e:
    print('torch.tensor(1.5).item()', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = int(torch.tensor(float('nan')))
    print("int(torch.tensor(float('nan')))", '->', r)
except Exception as e:
    print("int(torch.tensor(float('nan')))", '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(3) @ 2
    print('torch.ones(3) @ 2', '->', r)
except Exception as e:
    print('torch.ones(3) @ 2', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2).reshape(10**18, 10**18)
    print('torch.ones(2).reshape(10**18, 10**18)', '->', r)
except Exception as e:
    print('torch.ones(2).reshape(10**18, 10**18)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.tensor([])[0]
    print('torch.tensor([])[0]', '->', r)
except Exception as e:
    print('torch.tensor([])[0]', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = math.floor(float('inf'))
    print("math.floor(float('inf'))", '->', r)
except Exception as e:
    print("math.floor(float('inf'))", '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2).unsqueeze(10)
    print('torch.ones(2).unsqueeze(10)', '->', r)
except Exception as e:
    print('torch.ones(2).unsqueeze(10)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2).softmax(3)
    print('torch.ones(2).softmax(3)', '->', r)
except Exception as e:
    print('torch.ones(2).softmax(3)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2).sum(dim=(0, 0))
    print('torch.ones(2).sum(dim=(0, 0))', '->', r)
except Exception as e:
    print('torch.ones(2).sum(dim=(0, 0))', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.Size([1,2])[5]
    print('torch.Size([1,2])[5]', '->', r)
except Exception as e:
    print('torch.Size([1,2])[5]', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2)[torch.tensor([5])]
    print('torch.ones(2)[torch.tensor([5])]', '->', r)
except Exception as e:
    print('torch.ones(2)[torch.tensor([5])]', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2).masked_fill(torch.ones(3) > 0, 1.0)
    print('torch.ones(2).masked_fill(torch.ones(3) > 0, 1.0)', '->', r)
except Exception as e:
    print('torch.ones(2).masked_fill(torch.ones(3) > 0, 1.0)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.full((2,), 'a')
    print("torch.full((2,), 'a')", '->', r)
except Exception as e:
    print("torch.full((2,), 'a')", '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2, dtype=int)
    print('torch.ones(2, dtype=int)', '->', r)
except Exception as e:
    print('torch.ones(2, dtype=int)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.cat([])
    print('torch.cat([])', '->', r)
except Exception as e:
    print('torch.cat([])', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2).multinomial(-1)
    print('torch.ones(2).multinomial(-1)', '->', r)
except Exception as e:
    print('torch.ones(2).multinomial(-1)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2).repeat(-1)
    print('torch.ones(2).repeat(-1)', '->', r)
except Exception as e:
    print('torch.ones(2).repeat(-1)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2).topk(5)
    print('torch.ones(2).topk(5)', '->', r)
except Exception as e:
    print('torch.ones(2).topk(5)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2).chunk(0)
    print('torch.ones(2).chunk(0)', '->', r)
except Exception as e:
    print('torch.ones(2).chunk(0)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2).split(0)
    print('torch.ones(2).split(0)', '->', r)
except Exception as e:
    print('torch.ones(2).split(0)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2, dtype=float)
    print('torch.ones(2, dtype=float)', '->', r)
except Exception as e:
    print('torch.ones(2, dtype=float)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.tensor([1, 2], dtype=bool)
    print('torch.tensor([1, 2], dtype=bool)', '->', r)
except Exception as e:
    print('torch.tensor([1, 2], dtype=bool)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = int(torch.tensor(float('inf')))
    print("int(torch.tensor(float('inf')))", '->', r)
except Exception as e:
    print("int(torch.tensor(float('inf')))", '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2) + 'x'
    print("torch.ones(2) + 'x'", '->', r)
except Exception as e:
    print("torch.ones(2) + 'x'", '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2).frobnicate
    print('torch.ones(2).frobnicate', '->', r)
except Exception as e:
    print('torch.ones(2).frobnicate', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2).transpose(0, 1, 2)
    print('torch.ones(2).transpose(0, 1, 2)', '->', r)
except Exception as e:
    print('torch.ones(2).transpose(0, 1, 2)', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.ones(2).shape()
    print('torch.ones(2).shape()', '->', r)
except Exception as e:
    print('torch.ones(2).shape()', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.float32()
    print('torch.float32()', '->', r)
except Exception as e:
    print('torch.float32()', '!!', type(e).__name__, str(e).split('\n')[0][:100])
try:
    r = torch.device('cpu')()
    print("torch.device('cpu')()", '->', r)
except Exception as e:
    print("torch.device('cpu')()", '!!', type(e).__name__, str(e).split('\n')[0][:100])

# expect: torch.zeros(10**12, 10**12) !! RuntimeError Storage size calculation overflowed with sizes=[1000000000000, 1000000000000]
# expect: torch.zeros(-1) !! RuntimeError zeros: Dimension size must be non-negative.
# expect: torch.tensor([[1, 2], [3]]) !! ValueError expected sequence of length 2 at dim 1 (got 1)
# expect: torch.ones(2).size(100) !! IndexError Dimension out of range (expected to be in range of [-1, 0], but got 100)
# expect: torch.ones(2)[5] !! IndexError index 5 is out of bounds for dimension 0 with size 2
# expect: torch.ones(2)[::0] !! ValueError slice step cannot be zero
# expect: torch.ones(2)[::-1] !! ValueError step must be greater than zero
# expect: torch.ones(2)['a'] !! TypeError new(): invalid data type 'str'
# expect: torch.randint(5, 2, (2,)) !! RuntimeError random_ expects 'from' to be less than 'to', but got from=5 >= to=2
# expect: torch.arange(0, 10, 0) !! RuntimeError step must be nonzero
# expect: torch.arange(float('inf')) !! RuntimeError unsupported range: 0 -> inf
# expect: torch.linspace(0, 1, -1) !! RuntimeError number of steps must be non-negative
# expect: torch.eye(-1) !! RuntimeError n must be greater or equal to 0, got -1
# expect: torch.ones(2).view(3) !! RuntimeError shape '[3]' is invalid for input of size 2
# expect: torch.ones(2, 3).permute(0) !! RuntimeError permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desir
# expect: torch.ones(2).transpose(0, 5) !! IndexError Dimension out of range (expected to be in range of [-1, 0], but got 5)
# expect: torch.tensor(1.5).item() -> 1.5
# expect: int(torch.tensor(float('nan'))) !! ValueError cannot convert float NaN to integer
# expect: torch.ones(3) @ 2 !! TypeError unsupported operand type(s) for @: 'Tensor' and 'int'
# expect: torch.ones(2).reshape(10**18, 10**18) !! RuntimeError shape '[1000000000000000000, 1000000000000000000]' is invalid for input of size 2
# expect: torch.tensor([])[0] !! IndexError index 0 is out of bounds for dimension 0 with size 0
# expect: math.floor(float('inf')) !! OverflowError cannot convert float infinity to integer
# expect: torch.ones(2).unsqueeze(10) !! IndexError Dimension out of range (expected to be in range of [-2, 1], but got 10)
# expect: torch.ones(2).softmax(3) !! IndexError Dimension out of range (expected to be in range of [-1, 0], but got 3)
# expect: torch.ones(2).sum(dim=(0, 0)) !! RuntimeError dim 0 appears multiple times in the list of dims
# expect: torch.Size([1,2])[5] !! IndexError tuple index out of range
# expect: torch.ones(2)[torch.tensor([5])] !! IndexError index 5 is out of bounds for dimension 0 with size 2
# expect: torch.ones(2).masked_fill(torch.ones(3) > 0, 1.0) !! RuntimeError The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0
# expect: torch.full((2,), 'a') !! TypeError full(): argument 'fill_value' (position 2) must be Number, not str
# expect: torch.ones(2, dtype=int) -> tensor([1, 1])
# expect: torch.cat([]) !! ValueError torch.cat(): expected a non-empty list of Tensors
# expect: torch.ones(2).multinomial(-1) !! RuntimeError cannot sample n_sample <= 0 samples
# expect: torch.ones(2).repeat(-1) !! RuntimeError Trying to create tensor with negative dimension -2: [-2]
# expect: torch.ones(2).topk(5) !! RuntimeError selected index k out of range
# expect: torch.ones(2).chunk(0) !! RuntimeError chunk expects `chunks` to be greater than 0, got: 0
# expect: torch.ones(2).split(0) !! RuntimeError split_size can only be 0 if dimension size is 0, but got dimension size of 2
# expect: torch.ones(2, dtype=float) -> tensor([1., 1.], dtype=torch.float64)
# expect: torch.tensor([1, 2], dtype=bool) -> tensor([True, True])
# expect: int(torch.tensor(float('inf'))) !! OverflowError cannot convert float infinity to integer
# expect: torch.ones(2) + 'x' !! TypeError unsupported operand type(s) for +: 'Tensor' and 'str'
# expect: torch.ones(2).frobnicate !! AttributeError 'Tensor' object has no attribute 'frobnicate'
# expect: torch.ones(2).transpose(0, 1, 2) !! TypeError transpose() takes 2 positional arguments but 3 were given
# expect: torch.ones(2).shape() !! TypeError 'torch.Size' object is not callable
# expect: torch.float32() !! TypeError 'torch.dtype' object is not callable
# expect: torch.device('cpu')() !! TypeError 'torch.device' object is not callable
