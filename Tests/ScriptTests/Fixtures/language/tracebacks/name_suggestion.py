def train(learning_rate):
    steps = 10
    return learning_rat * stepz

train(0.1)
