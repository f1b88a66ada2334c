class Model:
    def __init__(self, size):
        self.size = size

    def forward(self, items):
        total = 0
        for item in items:
            total = total + item
        return total


model = Model(3)
model.forward([1, 2, "three"])
