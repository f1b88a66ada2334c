/// `torch.nn.functional`: the stateless forms of the layers, losses and activations (`F.linear`, `F.softmax`, ...).
public enum Functional {}
