# PyTorch demo: One GPT-2 style decoder reused for multiple tasks

import torch
import torch.nn as nn

# Toy GPT-like decoder-only model
class MiniGPT(nn.Module):
    def __init__(self, vocab_size=100, d_model=32, nhead=4, nlayers=2):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, d_model)
        decoder_layer = nn.TransformerDecoderLayer(d_model=d_model, nhead=nhead, batch_first=True)
        self.decoder = nn.TransformerDecoder(decoder_layer, num_layers=nlayers)
        self.out = nn.Linear(d_model, vocab_size)

    def forward(self, x, memory=None, tgt_mask=None):
        h = self.embed(x)
        dec_out = self.decoder(h, memory if memory is not None else h, tgt_mask=tgt_mask)
        return self.out(dec_out)

# Same model reused for different tasks
model = MiniGPT()

# Example: predict next word in a sentence (language modeling)
x = torch.randint(0, 100, (1, 6))  # toy input sequence
logits = model(x)
probs = torch.softmax(logits, dim=-1)

print("Output vocab distribution shape:", probs.shape)  # (batch, seq_len, vocab_size)
print("Predicted next token at last step:", torch.argmax(probs[:, -1, :], dim=-1).item())

# The same model could be prompted differently for QA, summarization, translation, etc.
