# Found by the mutation fuzzer (seed 26112026, input 997): a comprehension over 2**63 - 1 items calls nothing that
# looks for Ctrl-C, so SIGINT at the time limit was ignored and the process ran on. It must stop with
# KeyboardInterrupt.
# expect: KeyboardInterrupt
print([last := n for n in range(0x7fffffffffffffff)], last)
