#!/usr/bin/env python3
"""Isolation forest: Tocsin against scikit-learn on the same data, in one run.

Builds a labelled data set (windows of 10 consecutive values of a synthetic metric with
injected spikes, level shifts and noise bursts), fits both implementations on the same
training rows with the same hyperparameters (100 trees, 256 samples per tree), scores
the same test rows, and prints fit and score throughput (medians of --repeat runs; Tocsin's
times are the ones `tocsin score --json` measures around fit and score, excluding CSV
parsing), their ratios, and both ROC AUCs.

    python3 bench/peers/isolation_forest.py [--rows 100000] [--tocsin PATH] [--json]

Needs numpy and scikit-learn (installed with pip when missing) and a release build of
tocsin (`swift build -c release --product tocsin`, done here when PATH is missing).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def ensure_python_packages():
    try:
        import numpy  # noqa: F401
        import sklearn  # noqa: F401
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", "numpy", "scikit-learn"])


def make_windows(rows, lags, seed):
    """Windows of `lags` consecutive values; a window is anomalous when its newest value is."""
    import numpy as np

    rng = np.random.default_rng(seed)
    n = rows + lags - 1
    t = np.arange(n)
    values = 50 + 10 * np.sin(2 * np.pi * t / 288) + rng.normal(0, 2, n)
    labels = np.zeros(n, dtype=bool)
    for start in rng.choice(n - 50, size=n // 400, replace=False):
        kind = rng.integers(3)
        if kind == 0:  # spike
            values[start] += rng.choice([-1, 1]) * rng.uniform(12, 25)
            labels[start] = True
        elif kind == 1:  # short level shift
            values[start:start + 20] += rng.uniform(10, 20)
            labels[start:start + 20] = True
        else:  # noise burst
            values[start:start + 15] += rng.normal(0, 10, 15)
            labels[start:start + 15] = True
    windows = np.lib.stride_tricks.sliding_window_view(values, lags)
    return np.ascontiguousarray(windows), labels[lags - 1:]


def write_csv(path, matrix):
    import numpy as np

    header = ",".join(f"lag_{i}" for i in range(matrix.shape[1]))
    np.savetxt(path, matrix, delimiter=",", header=header, comments="", fmt="%.17g")


def run_sklearn(train, test, seed, repeat):
    """Median fit and score times over `repeat` runs, and the scores of the last."""
    from sklearn.ensemble import IsolationForest

    fits, scorings = [], []
    for _ in range(repeat):
        model = IsolationForest(n_estimators=100, max_samples=256, random_state=seed)
        start = time.perf_counter()
        model.fit(train)
        fits.append(time.perf_counter() - start)
        start = time.perf_counter()
        scores = -model.score_samples(test)
        scorings.append(time.perf_counter() - start)
    return scores, statistics.median(fits), statistics.median(scorings)


def run_tocsin(binary, train_csv, test_csv, out, seed, repeat):
    """Median of the fit and score times `tocsin score --json` reports over `repeat` runs."""
    import numpy as np

    fits, scorings = [], []
    for _ in range(repeat):
        result = subprocess.run(
            [binary, "score", "--detector", "isolation-forest", "--param", "trees=100", "--param", "sampleSize=256",
             "--seed", str(seed), "--train", train_csv, "--test", test_csv, "--out", out, "--json"],
            check=True, capture_output=True, text=True)
        summary = json.loads(result.stdout)
        fits.append(summary["fitSeconds"])
        scorings.append(summary["scoreSeconds"])
    return np.loadtxt(out), statistics.median(fits), statistics.median(scorings)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="training rows and test rows (each)")
    parser.add_argument("--lags", type=int, default=10)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each; medians are reported")
    parser.add_argument("--tocsin", default=os.path.join(ROOT, ".build", "release", "tocsin"))
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    ensure_python_packages()
    import numpy as np
    from sklearn.metrics import roc_auc_score

    if not os.path.exists(args.tocsin):
        subprocess.check_call(["swift", "build", "-c", "release", "--product", "tocsin"], cwd=ROOT)

    windows, labels = make_windows(2 * args.rows, args.lags, args.seed)
    train, test = windows[:args.rows], windows[args.rows:]
    test_labels = labels[args.rows:]
    with tempfile.TemporaryDirectory() as folder:
        train_csv = os.path.join(folder, "train.csv")
        test_csv = os.path.join(folder, "test.csv")
        write_csv(train_csv, train)
        write_csv(test_csv, test)
        sk_scores, sk_fit, sk_score = run_sklearn(train, test, args.seed, args.repeat)
        ts_scores, ts_fit, ts_score = run_tocsin(args.tocsin, train_csv, test_csv, os.path.join(folder, "scores.txt"),
                                                 args.seed, args.repeat)

    report = {
        "rows": args.rows, "features": args.lags, "anomaly_rate": float(test_labels.mean()),
        "sklearn": {"fit_seconds": sk_fit, "score_seconds": sk_score, "score_rows_per_second": args.rows / sk_score,
                    "roc_auc": roc_auc_score(test_labels, sk_scores)},
        "tocsin": {"fit_seconds": ts_fit, "score_seconds": ts_score, "score_rows_per_second": args.rows / ts_score,
                   "roc_auc": roc_auc_score(test_labels, ts_scores)},
    }
    report["fit_speedup"] = sk_fit / ts_fit
    report["score_speedup"] = sk_score / ts_score
    report["roc_auc_difference"] = report["tocsin"]["roc_auc"] - report["sklearn"]["roc_auc"]
    if args.json:
        print(json.dumps(report, sort_keys=True))
        return
    print(f"data: {args.rows} training and {args.rows} test rows x {args.lags} features, "
          f"{100 * report['anomaly_rate']:.2f}% anomalous test rows")
    print(f"{'':10} {'fit s':>9} {'score s':>9} {'score rows/s':>14} {'ROC AUC':>8}")
    for name in ("sklearn", "tocsin"):
        r = report[name]
        print(f"{name:10} {r['fit_seconds']:9.3f} {r['score_seconds']:9.3f} {r['score_rows_per_second']:14,.0f} "
              f"{r['roc_auc']:8.4f}")
    print(f"tocsin/sklearn: fit {report['fit_speedup']:.1f}x faster, score {report['score_speedup']:.1f}x faster, "
          f"ROC AUC difference {report['roc_auc_difference']:+.4f}")


if __name__ == "__main__":
    main()
