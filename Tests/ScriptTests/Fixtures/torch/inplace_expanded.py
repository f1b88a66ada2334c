# In-place ops that compute each element from its own input refuse an expanded tensor, where one write would land on
# several elements; fill_, zero_, item assignment and masked_fill_ write a single value and go ahead.
import torch

for name, op in [
    ("add_", lambda x: x.add_(1)),
    ("sub_ alpha", lambda x: x.sub_(torch.ones(3), alpha=2)),
    ("mul_", lambda x: x.mul_(2)),
    ("exp_", lambda x: x.exp_()),
    ("copy_", lambda x: x.copy_(torch.ones(3))),
    ("clamp_", lambda x: x.clamp_(0, 1)),
    ("fill_", lambda x: x.fill_(1)),
    ("zero_", lambda x: x.zero_()),
    ("setitem", lambda x: x.__setitem__(0, 5.0)),
]:
    x = torch.zeros(1).expand(3)
    try:
        op(x)
        print(name, "ok", x)
    except RuntimeError as error:
        print(name, "RuntimeError:", error)
x = torch.zeros(1, 3).expand(2, 3)
x.clone().add_(1)
x.add_(1)

# expect: add_ RuntimeError: unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.
# expect: sub_ alpha RuntimeError: unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.
# expect: mul_ RuntimeError: unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.
# expect: exp_ RuntimeError: unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.
# expect: copy_ RuntimeError: unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.
# expect: clamp_ RuntimeError: unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.
# expect: fill_ ok tensor([1., 1., 1.])
# expect: zero_ ok tensor([0., 0., 0.])
# expect: setitem ok tensor([5., 5., 5.])
# expect-error: RuntimeError: unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.
