# A program to try `pnpm executer exec examples/hello.py` with: no model, no key.
import json
import math
import statistics

numbers = [3, 7, 11, 19]
print(f"sum={sum(numbers)} mean={statistics.mean(numbers)} product={math.prod(numbers)}")
print(json.dumps({"factorial_10": math.factorial(10)}))
