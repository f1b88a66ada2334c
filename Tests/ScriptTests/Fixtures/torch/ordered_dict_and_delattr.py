# collections.OrderedDict into nn.Sequential, and delattr on objects and modules.
from collections import OrderedDict
import torch.nn as nn
import torch
torch.manual_seed(0)
d = OrderedDict([("fc", nn.Linear(2, 2)), ("act", nn.ReLU())])
print(d.keys(), type(d))
m = nn.Sequential(d)
print(m)
class A: pass
a = A(); a.x = 1; delattr(a, "x"); print(hasattr(a, "x"))
delattr(m, "act"); print(m)
print(OrderedDict(), OrderedDict(a=1))

# expect: odict_keys(['fc', 'act']) <class 'collections.OrderedDict'>
# expect: Sequential(
# expect:   (fc): Linear(in_features=2, out_features=2, bias=True)
# expect:   (act): ReLU()
# expect: )
# expect: False
# expect: Sequential(
# expect:   (fc): Linear(in_features=2, out_features=2, bias=True)
# expect: )
# expect: OrderedDict() OrderedDict([('a', 1)])
