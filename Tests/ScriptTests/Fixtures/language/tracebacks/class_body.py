class Config:
    size = undefined_size
