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
