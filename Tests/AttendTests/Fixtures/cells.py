# A notebook in a .py file, as Jupytext and VS Code write them.
x = 21

# %% [markdown]
# Prose cells are not run: 1/0

# %% The answer
y = x * 2
y

# %%
print("printed")
y + 1;

# %% Third
z = [y,
     y]
z[5]

# %%
print("never reached")
