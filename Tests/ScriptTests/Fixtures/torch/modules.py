# The modules the binding registers, imported every way notebooks import them.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn import functional as F2
from torch import nn as nn2
import math
from math import pi, log

print(torch.nn is nn, nn is nn2, F is F2, torch.nn.functional is F, nn.functional is F)
print(type(torch).__name__, torch.float32, pi == math.pi, log(math.e))
print(math.sqrt(16), math.exp(0), math.floor(-1.5), math.ceil(-1.5), math.inf > 1e308, math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1))
import torchvision

# expect: True True True True True
# expect: module torch.float32 True 1.0
# expect: 4.0 1.0 -2 -1 True True True True
# expect-error: ModuleNotFoundError: No module named 'torchvision'
