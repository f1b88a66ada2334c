# Transformer encoder/decoder layers and stacks: settings, printed trees, cloned layers' classes, masks, seeded outputs.
import torch
import torch.nn as nn

torch.manual_seed(0)
layer = nn.TransformerEncoderLayer(d_model=8, nhead=2, dim_feedforward=16, dropout=0.0)
print(layer)
print(layer.norm_first, layer.activation_relu_or_gelu, type(layer.self_attn).__name__, type(layer.self_attn.out_proj).__name__)
print([(name, tuple(p.shape)) for name, p in layer.named_parameters()])
src = torch.randn(4, 2, 8)
print(layer(src)[0])
mask = nn.Transformer.generate_square_subsequent_mask(4)
print(mask, mask.dtype)
print(layer(src, src_mask=mask, is_causal=True)[-1])
pad = torch.tensor([[False, False, False, True], [False, False, False, False]])
print(layer(src, src_key_padding_mask=pad)[1])

encoder = nn.TransformerEncoder(layer, num_layers=2, norm=nn.LayerNorm(8), enable_nested_tensor=False)
print(encoder)
print(encoder.num_layers, encoder.enable_nested_tensor, encoder.use_nested_tensor, encoder.mask_check)
print(type(encoder.layers[0]), type(encoder.layers), len(encoder.layers), encoder.layers[0] is not layer)
print(torch.equal(encoder.layers[1].linear1.weight, layer.linear1.weight))
print(list(encoder.state_dict().keys())[:4], len(encoder.state_dict()))
print(encoder(src, mask=mask)[2])
print(nn.TransformerEncoder(layer, 1).norm)

gelu_layer = nn.TransformerEncoderLayer(8, 2, 16, 0.0, 'gelu', 1e-6, True, True)
print(gelu_layer.activation_relu_or_gelu, gelu_layer.norm_first, gelu_layer.norm1.eps, gelu_layer.self_attn.batch_first)
print(gelu_layer(src.transpose(0, 1))[0, 0])
module_act = nn.TransformerEncoderLayer(8, 2, 16, 0.0, activation=nn.GELU())
print(module_act)
print(module_act.activation_relu_or_gelu, module_act(src).shape)
func_act = nn.TransformerEncoderLayer(8, 2, 16, 0.0, activation=lambda t: t.tanh())
print(func_act.activation_relu_or_gelu, func_act(src)[0, 0])
import torch.nn.functional as F
print(layer.activation is F.relu, gelu_layer.activation is F.gelu, encoder.layers[1].activation is F.relu, func_act.activation(torch.zeros(1)))
print(isinstance(module_act.activation, nn.GELU), nn.TransformerEncoderLayer(8, 2, 16, activation=F.gelu).activation_relu_or_gelu)
print(nn.TransformerDecoderLayer(8, 2, 16, activation=torch.tanh).activation is torch.tanh)

torch.manual_seed(1)
dec_layer = nn.TransformerDecoderLayer(8, 2, dim_feedforward=16, dropout=0.0)
print(dec_layer)
memory = torch.randn(5, 2, 8)
tgt = torch.randn(3, 2, 8)
print(dec_layer(tgt, memory)[0])
tmask = nn.Transformer.generate_square_subsequent_mask(3)
print(dec_layer(tgt, memory, tgt_mask=tmask, tgt_is_causal=True, memory_key_padding_mask=torch.tensor([[False] * 4 + [True], [False] * 5]))[2])
decoder = nn.TransformerDecoder(dec_layer, 2)
print(type(decoder.layers[1]).__name__, decoder.num_layers, decoder.norm)
print(decoder(tgt, memory, tgt_mask=tmask)[1])

torch.manual_seed(2)
model = nn.Transformer(d_model=8, nhead=2, num_encoder_layers=1, num_decoder_layers=1, dim_feedforward=16, dropout=0.0)
print(model.d_model, model.nhead, model.batch_first, type(model.encoder).__name__, type(model.decoder.layers[0]).__name__)
print([name for name, _ in model.named_parameters()][:8], len(list(model.parameters())))
print(model.encoder.layers[0].self_attn.in_proj_weight[0])
out = model(memory, tgt, tgt_mask=model.generate_square_subsequent_mask(3))
print(out.shape, out[0])
print(nn.Transformer.generate_square_subsequent_mask(2, dtype=torch.float64))
print(model)

for make in [lambda: nn.TransformerEncoderLayer(4, 2, activation='tanh'), lambda: model(torch.ones(2, 1, 8), torch.ones(3, 2, 8)),
             lambda: model(torch.ones(2, 1, 8), torch.ones(3, 1, 6)), lambda: layer(torch.ones(3, 2, 6)),
             lambda: nn.TransformerEncoderLayer(6, 4), lambda: dec_layer(tgt)]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

# expect: TransformerEncoderLayer(
# expect:   (self_attn): MultiheadAttention(
# expect:     (out_proj): NonDynamicallyQuantizableLinear(in_features=8, out_features=8, bias=True)
# expect:   )
# expect:   (linear1): Linear(in_features=8, out_features=16, bias=True)
# expect:   (dropout): Dropout(p=0.0, inplace=False)
# expect:   (linear2): Linear(in_features=16, out_features=8, bias=True)
# expect:   (norm1): LayerNorm((8,), eps=1e-05, elementwise_affine=True, bias=True)
# expect:   (norm2): LayerNorm((8,), eps=1e-05, elementwise_affine=True, bias=True)
# expect:   (dropout1): Dropout(p=0.0, inplace=False)
# expect:   (dropout2): Dropout(p=0.0, inplace=False)
# expect: )
# expect: False 1 MultiheadAttention NonDynamicallyQuantizableLinear
# expect: [('self_attn.in_proj_weight', (24, 8)), ('self_attn.in_proj_bias', (24,)), ('self_attn.out_proj.weight', (8, 8)), ('self_attn.out_proj.bias', (8,)), ('linear1.weight', (16, 8)), ('linear1.bias', (16,)), ('linear2.weight', (8, 16)), ('linear2.bias', (8,)), ('norm1.weight', (8,)), ('norm1.bias', (8,)), ('norm2.weight', (8,)), ('norm2.bias', (8,))]
# expect: tensor([[ 1.6866,  1.0838, -0.5414, -0.4359, -0.3290, -1.7599,  0.5004, -0.2046],
# expect:         [-0.6402,  0.8961, -0.1440, -0.0364, -0.9059,  2.2285, -0.7135, -0.6847]],
# expect:        grad_fn=<SelectBackward0>)
# expect: tensor([[0., -inf, -inf, -inf],
# expect:         [0., 0., -inf, -inf],
# expect:         [0., 0., 0., -inf],
# expect:         [0., 0., 0., 0.]]) torch.float32
# expect: tensor([[ 0.3170, -1.7600,  1.2214,  1.5432, -0.3110, -0.5732,  0.2326, -0.6701],
# expect:         [-0.0796,  0.3253,  0.5039, -0.4892, -0.9695,  1.4825, -1.7935,  1.0200]],
# expect:        grad_fn=<SelectBackward0>)
# expect: tensor([[ 0.3637, -0.7743,  1.0010, -0.3485, -1.2289,  1.4133, -1.3414,  0.9151],
# expect:         [ 0.0411, -0.3332,  0.2152, -1.4561, -0.4383,  2.2200,  0.4090, -0.6577]],
# expect:        grad_fn=<SelectBackward0>)
# expect: TransformerEncoder(
# expect:   (layers): ModuleList(
# expect:     (0-1): 2 x TransformerEncoderLayer(
# expect:       (self_attn): MultiheadAttention(
# expect:         (out_proj): NonDynamicallyQuantizableLinear(in_features=8, out_features=8, bias=True)
# expect:       )
# expect:       (linear1): Linear(in_features=8, out_features=16, bias=True)
# expect:       (dropout): Dropout(p=0.0, inplace=False)
# expect:       (linear2): Linear(in_features=16, out_features=8, bias=True)
# expect:       (norm1): LayerNorm((8,), eps=1e-05, elementwise_affine=True, bias=True)
# expect:       (norm2): LayerNorm((8,), eps=1e-05, elementwise_affine=True, bias=True)
# expect:       (dropout1): Dropout(p=0.0, inplace=False)
# expect:       (dropout2): Dropout(p=0.0, inplace=False)
# expect:     )
# expect:   )
# expect:   (norm): LayerNorm((8,), eps=1e-05, elementwise_affine=True, bias=True)
# expect: )
# expect: 2 False False True
# expect: <class 'torch.nn.modules.transformer.TransformerEncoderLayer'> <class 'torch.nn.modules.container.ModuleList'> 2 True
# expect: True
# expect: ['layers.0.self_attn.in_proj_weight', 'layers.0.self_attn.in_proj_bias', 'layers.0.self_attn.out_proj.weight', 'layers.0.self_attn.out_proj.bias'] 26
# expect: tensor([[-0.6296,  0.6394, -1.3463, -0.9484, -0.2391,  0.8039, -0.2124,  1.9324],
# expect:         [ 0.9146,  0.7446, -0.4909, -1.4987, -1.6384,  0.9381,  0.4008,  0.6300]],
# expect:        grad_fn=<SelectBackward0>)
# expect: None
# expect: 2 True 1e-06 True
# expect: tensor([ 1.6688,  0.2325,  0.0421, -1.1067, -0.4674, -2.4419,  0.1487, -0.4460],
# expect:        grad_fn=<SelectBackward0>)
# expect: TransformerEncoderLayer(
# expect:   (self_attn): MultiheadAttention(
# expect:     (out_proj): NonDynamicallyQuantizableLinear(in_features=8, out_features=8, bias=True)
# expect:   )
# expect:   (linear1): Linear(in_features=8, out_features=16, bias=True)
# expect:   (dropout): Dropout(p=0.0, inplace=False)
# expect:   (linear2): Linear(in_features=16, out_features=8, bias=True)
# expect:   (norm1): LayerNorm((8,), eps=1e-05, elementwise_affine=True, bias=True)
# expect:   (norm2): LayerNorm((8,), eps=1e-05, elementwise_affine=True, bias=True)
# expect:   (dropout1): Dropout(p=0.0, inplace=False)
# expect:   (dropout2): Dropout(p=0.0, inplace=False)
# expect:   (activation): GELU(approximate='none')
# expect: )
# expect: 2 torch.Size([4, 2, 8])
# expect: 0 tensor([ 1.3245,  1.1787, -0.6402, -0.7254,  0.3516, -1.8960,  0.4476, -0.0408],
# expect:        grad_fn=<SelectBackward0>)
# expect: True True True tensor([0.])
# expect: True 2
# expect: True
# expect: TransformerDecoderLayer(
# expect:   (self_attn): MultiheadAttention(
# expect:     (out_proj): NonDynamicallyQuantizableLinear(in_features=8, out_features=8, bias=True)
# expect:   )
# expect:   (multihead_attn): MultiheadAttention(
# expect:     (out_proj): NonDynamicallyQuantizableLinear(in_features=8, out_features=8, bias=True)
# expect:   )
# expect:   (linear1): Linear(in_features=8, out_features=16, bias=True)
# expect:   (dropout): Dropout(p=0.0, inplace=False)
# expect:   (linear2): Linear(in_features=16, out_features=8, bias=True)
# expect:   (norm1): LayerNorm((8,), eps=1e-05, elementwise_affine=True, bias=True)
# expect:   (norm2): LayerNorm((8,), eps=1e-05, elementwise_affine=True, bias=True)
# expect:   (norm3): LayerNorm((8,), eps=1e-05, elementwise_affine=True, bias=True)
# expect:   (dropout1): Dropout(p=0.0, inplace=False)
# expect:   (dropout2): Dropout(p=0.0, inplace=False)
# expect:   (dropout3): Dropout(p=0.0, inplace=False)
# expect: )
# expect: tensor([[ 0.1574,  1.6023, -1.0190, -0.9220,  1.0317, -1.4024, -0.1339,  0.6858],
# expect:         [ 1.4428, -1.7839,  1.1143, -1.0328,  0.3786, -0.4662,  0.2313,  0.1160]],
# expect:        grad_fn=<SelectBackward0>)
# expect: tensor([[-0.7549,  1.4098, -0.6773,  1.9139, -0.8723, -0.1934, -0.1118, -0.7140],
# expect:         [-1.0595, -0.2973,  0.2515,  1.5794,  0.4112, -0.0993,  0.9752, -1.7611]],
# expect:        grad_fn=<SelectBackward0>)
# expect: TransformerDecoderLayer 2 None
# expect: tensor([[ 0.9943,  0.5330, -0.3808,  1.1114,  0.3689, -1.4936,  0.5147, -1.6479],
# expect:         [-1.2227,  0.5755, -0.7278,  0.4271,  0.3025, -1.1635, -0.1865,  1.9954]],
# expect:        grad_fn=<SelectBackward0>)
# expect: 8 2 False TransformerEncoder TransformerDecoderLayer
# expect: ['encoder.layers.0.self_attn.in_proj_weight', 'encoder.layers.0.self_attn.in_proj_bias', 'encoder.layers.0.self_attn.out_proj.weight', 'encoder.layers.0.self_attn.out_proj.bias', 'encoder.layers.0.linear1.weight', 'encoder.layers.0.linear1.bias', 'encoder.layers.0.linear2.weight', 'encoder.layers.0.linear2.bias'] 34
# expect: tensor([ 0.2102, -0.1492, -0.2129,  0.3920,  0.2976, -0.3439, -0.1952, -0.1280],
# expect:        grad_fn=<SelectBackward0>)
# expect: torch.Size([3, 2, 8]) tensor([[-1.1310,  0.7845, -1.4382, -0.9396,  1.1934,  1.3035,  0.0642,  0.1632],
# expect:         [ 1.2173, -1.1254, -0.8993, -1.4650,  0.6284,  0.1948,  1.3625,  0.0867]],
# expect:        grad_fn=<SelectBackward0>)
# expect: tensor([[0., -inf],
# expect:         [0., 0.]], dtype=torch.float64)
# expect: Transformer(
# expect:   (encoder): TransformerEncoder(
# expect:     (layers): ModuleList(
# expect:       (0): TransformerEncoderLayer(
# expect:         (self_attn): MultiheadAttention(
# expect:           (out_proj): NonDynamicallyQuantizableLinear(in_features=8, out_features=8, bias=True)
# expect:         )
# expect:         (linear1): Linear(in_features=8, out_features=16, bias=True)
# expect:         (dropout): Dropout(p=0.0, inplace=False)
# expect:         (linear2): Linear(in_features=16, out_features=8, bias=True)
# expect:         (norm1): LayerNorm((8,), eps=1e-05, elementwise_affine=True, bias=True)
# expect:         (norm2): LayerNorm((8,), eps=1e-05, elementwise_affine=True, bias=True)
# expect:         (dropout1): Dropout(p=0.0, inplace=False)
# expect:         (dropout2): Dropout(p=0.0, inplace=False)
# expect:       )
# expect:     )
# expect:     (norm): LayerNorm((8,), eps=1e-05, elementwise_affine=True, bias=True)
# expect:   )
# expect:   (decoder): TransformerDecoder(
# expect:     (layers): ModuleList(
# expect:       (0): TransformerDecoderLayer(
# expect:         (self_attn): MultiheadAttention(
# expect:           (out_proj): NonDynamicallyQuantizableLinear(in_features=8, out_features=8, bias=True)
# expect:         )
# expect:         (multihead_attn): MultiheadAttention(
# expect:           (out_proj): NonDynamicallyQuantizableLinear(in_features=8, out_features=8, bias=True)
# expect:         )
# expect:         (linear1): Linear(in_features=8, out_features=16, bias=True)
# expect:         (dropout): Dropout(p=0.0, inplace=False)
# expect:         (linear2): Linear(in_features=16, out_features=8, bias=True)
# expect:         (norm1): LayerNorm((8,), eps=1e-05, elementwise_affine=True, bias=True)
# expect:         (norm2): LayerNorm((8,), eps=1e-05, elementwise_affine=True, bias=True)
# expect:         (norm3): LayerNorm((8,), eps=1e-05, elementwise_affine=True, bias=True)
# expect:         (dropout1): Dropout(p=0.0, inplace=False)
# expect:         (dropout2): Dropout(p=0.0, inplace=False)
# expect:         (dropout3): Dropout(p=0.0, inplace=False)
# expect:       )
# expect:     )
# expect:     (norm): LayerNorm((8,), eps=1e-05, elementwise_affine=True, bias=True)
# expect:   )
# expect: )
# expect: RuntimeError activation should be relu/gelu, not tanh
# expect: RuntimeError the batch number of src and tgt must be equal
# expect: RuntimeError the feature number of src and tgt must be equal to d_model
# expect: AssertionError was expecting embedding dimension of 8, but got 6
# expect: AssertionError embed_dim must be divisible by num_heads
# expect: TypeError TransformerDecoderLayer.forward() missing 1 required positional argument: 'memory'
