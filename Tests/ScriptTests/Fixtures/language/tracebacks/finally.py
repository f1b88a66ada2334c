def a():
    try:
        return {}["k"]
    finally:
        print("cleanup")

a()
