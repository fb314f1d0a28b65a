import WireDiff
print("benchmarks: placeholder")
