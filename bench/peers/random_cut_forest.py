#!/usr/bin/env python3
"""Random cut forest: Tocsin's streaming detector against AWS's Rust implementation
(the `krcf` package) on the same series, score then update for every point.

Both run 50 trees, 256 samples per tree, shingles of 8 and the same time decay
(1 / 2560) on one synthetic metric (daily cycle, noise, spikes, a level shift) of
--points values. Tocsin's time is the one `tocsin detect --json` measures around scoring
and learning (no CSV parsing); krcf's is measured around its score and update calls.
Prints per-point times (medians of --repeat runs), the throughput ratio, and the ROC AUC
of both score streams against the injected anomalies.

    python3 bench/peers/random_cut_forest.py [--points 20000] [--repeat 3] [--tocsin PATH]

Needs krcf and numpy (installed with pip when missing) and a release build of tocsin.
"""
import argparse
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def ensure_packages():
    try:
        import krcf  # noqa: F401
        import numpy  # noqa: F401
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", "krcf", "numpy"])


def make_series(points, seed):
    rng = random.Random(seed)
    values, labels = [], []
    shift = 0.0
    for i in range(points):
        value = 50 + 10 * math.sin(2 * math.pi * i / 1440) + rng.gauss(0, 1) + shift
        label = 0
        if i > 2000 and rng.random() < 0.002:
            value += rng.choice([-1, 1]) * rng.uniform(8, 15)
            label = 1
        if i == points * 3 // 4:
            shift = 12.0
            label = 1
        values.append(value)
        labels.append(label)
    return values, labels


def roc_auc(scores, labels):
    pairs = sorted(zip(scores, labels))
    positives = sum(labels)
    negatives = len(labels) - positives
    rank_sum, index = 0.0, 0
    while index < len(pairs):
        end = index
        while end + 1 < len(pairs) and pairs[end + 1][0] == pairs[index][0]:
            end += 1
        average_rank = (index + end) / 2 + 1
        rank_sum += average_rank * sum(label for _, label in pairs[index:end + 1])
        index = end + 1
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def run_krcf(values):
    import krcf

    forest = krcf.RandomCutForest({
        "dimensions": 1, "shingle_size": 8, "num_trees": 50, "sample_size": 256, "internal_shingling": True,
        "random_seed": 42, "output_after": 64, "lambda": 1 / 2560,
    })
    scores = []
    started = time.perf_counter()
    for value in values:
        scores.append(forest.score([value]))
        forest.update([value])
    return time.perf_counter() - started, scores


def run_tocsin(tocsin, csv_path, every_score=False):
    """Tocsin's detection time; with every_score, also every point's score (a threshold
    near 0 lists every scored point)."""
    command = [
        tocsin, "detect", "--detector", "random-cut-forest", "--param", "shingleSize=8", "--param", "trees=50",
        "--param", "sampleSize=256", "--param", "timeDecay=0.000390625", "--json", csv_path,
    ]
    if every_score:
        command[2:2] = ["--param", "rawThreshold=0.000000001"]
    report = json.loads(subprocess.check_output(command))
    return report["detectionSeconds"], {finding["row"] - 1: finding["score"] for finding in report["anomalies"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--points", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tocsin", default=os.path.join(ROOT, ".build", "release", "tocsin"))
    arguments = parser.parse_args()
    ensure_packages()
    if not os.path.exists(arguments.tocsin):
        subprocess.check_call(["swift", "build", "-c", "release", "--product", "tocsin"], cwd=ROOT)
    values, labels = make_series(arguments.points, seed=7)
    with tempfile.TemporaryDirectory() as folder:
        csv_path = os.path.join(folder, "series.csv")
        with open(csv_path, "w") as handle:
            handle.write("timestamp,value\n")
            for index, value in enumerate(values):
                handle.write(f"{1_700_000_000 + 60 * index},{value!r}\n")
        krcf_times, tocsin_times = [], []
        krcf_scores = None
        for _ in range(arguments.repeat):
            elapsed, krcf_scores = run_krcf(values)
            krcf_times.append(elapsed)
            tocsin_times.append(run_tocsin(arguments.tocsin, csv_path)[0])
        _, tocsin_scores = run_tocsin(arguments.tocsin, csv_path, every_score=True)
    krcf_time = statistics.median(krcf_times)
    tocsin_time = statistics.median(tocsin_times)
    per_point = lambda seconds: seconds / arguments.points * 1e6
    print(f"points: {arguments.points}; 50 trees, sample 256, shingle 8, time decay 1/2560; medians of {arguments.repeat}")
    print(f"krcf (AWS Rust) score+update: {per_point(krcf_time):8.2f} us/point")
    print(f"Tocsin          score+update: {per_point(tocsin_time):8.2f} us/point")
    print(f"ratio: Tocsin is {krcf_time / tocsin_time:.1f}x faster")
    scored = range(100, arguments.points)
    print(f"ROC AUC on the injected anomalies: krcf {roc_auc([krcf_scores[i] for i in scored], [labels[i] for i in scored]):.4f}, "
          f"Tocsin {roc_auc([tocsin_scores.get(i, 0.0) for i in scored], [labels[i] for i in scored]):.4f}")


if __name__ == "__main__":
    main()
