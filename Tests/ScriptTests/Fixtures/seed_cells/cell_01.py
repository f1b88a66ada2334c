print(log_probs.shape)
