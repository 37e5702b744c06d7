#!/usr/bin/env python3
"""LSTM autoencoder: Tocsin against PyTorch on the same labelled windows, in one run.

Builds a labelled univariate series (a seasonal sine with noise; the test part has
injected spikes, a level shift and a segment whose shape changes), cuts it into sliding
windows of W values, trains both implementations of the same network on the same
training windows (encoder LSTM(H) whose last hidden state is the code, the code repeated
W times into a decoder LSTM(H), a linear layer per step; MSE loss; Adam lr 1e-3, betas
0.9/0.999, eps 1e-8; mini-batches of 32; gradient norm clipped at 5; uniform(-1/sqrt(H),
1/sqrt(H)) initialisation; last 10 % of the training windows held out for the threshold),
scores the same test windows, and prints both ROC AUCs (a window is anomalous when it
contains an anomalous point), both training times and their ratio (PyTorch / Tocsin).

    python3 bench/peers/lstm_autoencoder.py [--tocsin-command CMD] [--epochs 20] [--json]

The Tocsin side is run as `CMD score --detector lstm-autoencoder --param ... --seed S
--train TRAIN.csv --test TEST.csv --out SCORES --json` (the interface of `tocsin score`);
its time is the `fitSeconds` it reports (training, excluding CSV parsing). CMD defaults to
the release build of tocsin in this repository (`swift build -c release --product tocsin`).
The PyTorch time covers the same work: standardisation, training and the validation
errors. Needs numpy, scikit-learn and torch (CPU; installed with pip when missing);
PyTorch runs on --threads threads (2 by default). The runs alternate (Tocsin, PyTorch,
Tocsin, ...) and the medians of --repeat runs are reported with every run's time: on a
shared machine PyTorch's thread pool slows down far more than Tocsin under other load,
so compare runs made while the machine is otherwise idle. Exits with status 1 when the
two ROC AUCs differ by more than 0.03.
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def ensure_python_packages():
    missing = []
    for module, package in (("numpy", "numpy"), ("sklearn", "scikit-learn"), ("torch", "torch")):
        try:
            __import__(module)
        except ImportError:
            missing.append(package)
    if missing:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", *missing])


def make_series(train_points, test_points, seed):
    """A seasonal series; anomalies (with their labels) only in the test part."""
    import numpy as np

    rng = np.random.default_rng(seed)
    n = train_points + test_points
    t = np.arange(n)
    period = 48
    values = 10 + 2 * np.sin(2 * np.pi * t / period) + rng.normal(0, 0.2, n)
    labels = np.zeros(n, dtype=bool)
    base = train_points
    # Spikes, up or down, of 1.5 to 3 (7.5 to 15 noise standard deviations).
    for offset in np.linspace(200, test_points - 200, 8).astype(int):
        index = base + offset + int(rng.integers(-20, 20))
        values[index] += rng.choice([-1, 1]) * rng.uniform(1.5, 3)
        labels[index] = True
    # A level shift of +1.5 for 150 points.
    shift = slice(base + test_points // 4, base + test_points // 4 + 150)
    values[shift] += 1.5
    labels[shift] = True
    # A changed shape for 200 points: the cycle runs twice as fast.
    start = base + (2 * test_points) // 3
    shape = slice(start, start + 200)
    values[shape] = 10 + 2 * np.sin(4 * np.pi * t[shape] / period) + rng.normal(0, 0.2, 200)
    labels[shape] = True
    return values, labels


def windows(values, labels, length):
    import numpy as np

    rows = np.lib.stride_tricks.sliding_window_view(values, length)
    flags = np.lib.stride_tricks.sliding_window_view(labels, length).any(axis=1)
    return np.ascontiguousarray(rows), flags


def write_csv(path, matrix):
    import numpy as np

    header = ",".join(f"step_{i}" for i in range(matrix.shape[1]))
    np.savetxt(path, matrix, delimiter=",", header=header, comments="", fmt="%.17g")


def run_pytorch(train, test, args):
    """Trains the PyTorch twin; returns the test errors (the score before the monotone map
    e/(e+c), which does not change ROC AUC), the fit and score times, the epoch losses and
    the error threshold (mean + 2 std of the held-out errors)."""
    import numpy as np
    import torch
    from torch import nn

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    hidden, dims = args.hidden, 1
    steps = train.shape[1] // dims

    class Autoencoder(nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = nn.LSTM(dims, hidden, batch_first=True)
            self.decoder = nn.LSTM(hidden, hidden, batch_first=True)
            self.output = nn.Linear(hidden, dims)
            bound = 1 / hidden ** 0.5
            for parameter in self.parameters():
                nn.init.uniform_(parameter, -bound, bound)

        def forward(self, x):
            _, (code, _) = self.encoder(x)
            repeated = code[-1].unsqueeze(1).expand(-1, x.shape[1], -1)
            decoded, _ = self.decoder(repeated)
            return self.output(decoded)

    # Warm-up (thread pool, allocator, kernels' first call) outside the timing, then reseed.
    warm = Autoencoder()
    warm_batch = torch.zeros(args.batch, steps, dims)
    ((warm(warm_batch) - warm_batch) ** 2).mean().backward()
    torch.manual_seed(args.seed)

    start = time.perf_counter()
    validation_rows = max(1, int(len(train) * 0.1))
    fit_rows = len(train) - validation_rows
    mean = train[:fit_rows].mean()
    scale = train[:fit_rows].std() or 1.0
    data = torch.tensor(((train - mean) / scale).reshape(len(train), steps, dims), dtype=torch.float32)
    fit, held = data[:fit_rows], data[fit_rows:]
    model = Autoencoder()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
    loss_fn = nn.MSELoss()
    generator = torch.Generator().manual_seed(args.seed)
    losses = []
    for _ in range(args.epochs):
        order = torch.randperm(fit_rows, generator=generator)
        total = 0.0
        for first in range(0, fit_rows, args.batch):
            batch = fit[order[first:first + args.batch]]
            optimizer.zero_grad()
            loss = loss_fn(model(batch), batch)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
            total += loss.item() * len(batch)
        losses.append(total / fit_rows)
    with torch.no_grad():
        held_errors = ((model(held) - held) ** 2).mean(dim=(1, 2)).numpy()
    fit_seconds = time.perf_counter() - start
    threshold = held_errors.mean() + 2 * held_errors.std()
    start = time.perf_counter()
    with torch.no_grad():
        x = torch.tensor(((test - mean) / scale).reshape(len(test), steps, dims), dtype=torch.float32)
        errors = ((model(x) - x) ** 2).mean(dim=(1, 2)).numpy()
    score_seconds = time.perf_counter() - start
    return errors, fit_seconds, score_seconds, losses, float(threshold)


def run_tocsin(command, train_csv, test_csv, out, args):
    import numpy as np

    argv = shlex.split(command) + [
        "score", "--detector", "lstm-autoencoder", "--param", f"hiddenSize={args.hidden}",
        "--param", f"epochs={args.epochs}", "--param", f"batchSize={args.batch}", "--seed", str(args.seed),
        "--train", train_csv, "--test", test_csv, "--out", out, "--json"]
    result = subprocess.run(argv, check=True, capture_output=True, text=True)
    summary = json.loads(result.stdout)
    return np.loadtxt(out), summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tocsin-command", default=os.path.join(ROOT, ".build", "release", "tocsin"),
                        help="the command that runs `tocsin` (split like a shell would)")
    parser.add_argument("--train-points", type=int, default=4000)
    parser.add_argument("--test-points", type=int, default=4000)
    parser.add_argument("--window", type=int, default=32)
    parser.add_argument("--hidden", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--threads", type=int, default=2, help="PyTorch threads")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, alternating; medians of the times are reported")
    parser.add_argument("--skip-pytorch", action="store_true")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    ensure_python_packages()
    import numpy as np
    from sklearn.metrics import roc_auc_score

    default_binary = os.path.join(ROOT, ".build", "release", "tocsin")
    if args.tocsin_command == default_binary and not os.path.exists(default_binary):
        subprocess.check_call(["swift", "build", "-c", "release", "--product", "tocsin"], cwd=ROOT)

    values, labels = make_series(args.train_points, args.test_points, args.seed)
    train, _ = windows(values[:args.train_points], labels[:args.train_points], args.window)
    test, test_labels = windows(values[args.train_points:], labels[args.train_points:], args.window)
    report = {"train_windows": len(train), "test_windows": len(test), "anomalous_test_windows": int(test_labels.sum()),
              "window": args.window, "hidden": args.hidden, "epochs": args.epochs, "batch": args.batch,
              "seed": args.seed}
    report["load_average_before"] = os.getloadavg()[0]
    ts_fits, ts_scorings, pt_fits, pt_scorings = [], [], [], []
    with tempfile.TemporaryDirectory() as folder:
        train_csv = os.path.join(folder, "train.csv")
        test_csv = os.path.join(folder, "test.csv")
        write_csv(train_csv, train)
        write_csv(test_csv, test)
        # The runs alternate, so that a change in the machine's load affects both sides alike.
        for _ in range(args.repeat):
            ts_scores, summary = run_tocsin(args.tocsin_command, train_csv, test_csv, os.path.join(folder, "scores.txt"),
                                            args)
            ts_fits.append(summary["fitSeconds"])
            ts_scorings.append(summary["scoreSeconds"])
            if not args.skip_pytorch:
                pt_errors, pt_fit, pt_score, losses, pt_threshold = run_pytorch(train, test, args)
                pt_fits.append(pt_fit)
                pt_scorings.append(pt_score)
    report["load_average_after"] = os.getloadavg()[0]
    report["tocsin"] = {"fit_seconds": statistics.median(ts_fits), "fit_seconds_all": ts_fits,
                        "score_seconds": statistics.median(ts_scorings),
                        "roc_auc": roc_auc_score(test_labels, ts_scores), "threshold": summary["threshold"],
                        "flagged_test_windows": int((ts_scores >= summary["threshold"]).sum())}
    if "epochLosses" in summary:
        report["tocsin"]["final_loss"] = summary["epochLosses"][-1]
    if not args.skip_pytorch:
        report["pytorch"] = {"version": __import__("torch").__version__, "fit_seconds": statistics.median(pt_fits),
                             "fit_seconds_all": pt_fits, "score_seconds": statistics.median(pt_scorings),
                             "roc_auc": roc_auc_score(test_labels, pt_errors), "final_loss": losses[-1],
                             "flagged_test_windows": int((pt_errors >= pt_threshold).sum())}
        report["time_ratio_pytorch_over_tocsin"] = report["pytorch"]["fit_seconds"] / report["tocsin"]["fit_seconds"]
        report["roc_auc_difference"] = report["tocsin"]["roc_auc"] - report["pytorch"]["roc_auc"]
        report["within_0_03"] = abs(report["roc_auc_difference"]) <= 0.03
    if args.json:
        print(json.dumps(report, sort_keys=True))
        if "pytorch" in report and not report["within_0_03"]:
            sys.exit(1)
        return
    print(f"data: {report['train_windows']} training and {report['test_windows']} test windows of {args.window} values, "
          f"{report['anomalous_test_windows']} anomalous test windows; H={args.hidden}, {args.epochs} epochs, "
          f"batch {args.batch}")
    print(f"{'':10} {'fit s':>9} {'score s':>9} {'final loss':>11} {'ROC AUC':>8} {'flagged':>8}")
    for name in ("pytorch", "tocsin"):
        if name in report:
            r = report[name]
            print(f"{name:10} {r['fit_seconds']:9.2f} {r['score_seconds']:9.3f} {r.get('final_loss', float('nan')):11.5f} "
                  f"{r['roc_auc']:8.4f} {r['flagged_test_windows']:8d}")
    print(f"fit times (s): tocsin {', '.join(f'{x:.2f}' for x in report['tocsin']['fit_seconds_all'])}" +
          (f"; pytorch {', '.join(f'{x:.2f}' for x in report['pytorch']['fit_seconds_all'])}" if "pytorch" in report else "") +
          f"; load average {report['load_average_before']:.2f} before, {report['load_average_after']:.2f} after")
    if "pytorch" in report:
        print(f"PyTorch time / Tocsin time: {report['time_ratio_pytorch_over_tocsin']:.2f}; "
              f"ROC AUC difference (Tocsin - PyTorch) {report['roc_auc_difference']:+.4f}")
    if "pytorch" in report and not report["within_0_03"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
