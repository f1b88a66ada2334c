/// Attend's Python: the lexer, parser and interpreter that run PyTorch-flavoured scripts on the Tensor engine, and
/// the bindings that make `torch`, `torch.nn`, `torch.nn.functional`, `math`, `time` and `random` importable.
public enum Script {}
