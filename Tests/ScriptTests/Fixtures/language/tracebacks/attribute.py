config = None
value = config.learning_rate * 2
