#!/usr/bin/env python3
"""Checks deploy/terraform: (a) every .tf file parses with python-hcl2, (b) the IAM actions of
the instance role's permission policies, printed as JSON, (c) checkov reports no failed check.

    check_terraform.py --dir deploy/terraform [--checkov PATH] [--expect-actions A,B,...]

Output (stdout) is one JSON object:
    {"parsed": [files], "actions": [sorted actions], "policies": {doc name: [actions]},
     "checkov": {"passed": N, "failed": N, "skipped": N, "failed_checks": [...]}}
Exit status: 0 when everything passed, 1 when a file does not parse, a policy cannot be
resolved, checkov reports a failed check (each is printed on stderr), or --expect-actions differs.

Works with either `hcl2` module: python-hcl2 (8.x keeps the double quotes of block labels and
string values, e.g. '"aws_iam_policy_document"' and '"sns:Publish"') and checkov's
bc-python-hcl2 (no quotes, every attribute wrapped in a list), which installs the same `hcl2`
module and replaces python-hcl2's when both are installed in one venv. `normalize` below turns
both into one shape. When this interpreter has no `hcl2` and --checkov is given, the script
re-runs itself with the Python of checkov's venv.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys


# Resources whose `policy` is a permission policy of the instance role.
POLICY_RESOURCES = ("aws_iam_role_policy", "aws_iam_policy")
DOC_REF = re.compile(r"data\.aws_iam_policy_document\.([A-Za-z0-9_-]+)\.json")


def unquote(value):
    if isinstance(value, str) and len(value) >= 2 and value[0] == '"' and value[-1] == '"':
        return value[1:-1]
    return value


def normalize(node):
    """python-hcl2 / bc-python-hcl2 output -> plain dicts, unquoted strings, no line markers."""
    if isinstance(node, dict):
        return {
            unquote(k): normalize(v)
            for k, v in node.items()
            if not (isinstance(k, str) and k.startswith("__") and k.endswith("__"))
        }
    if isinstance(node, list):
        return [normalize(v) for v in node]
    return unquote(node)


def flatten(value):
    """A list attribute may come as [a, b] or [[a, b]] depending on the hcl2 flavour."""
    if isinstance(value, list):
        out = []
        for item in value:
            out.extend(flatten(item))
        return out
    return [value]


def scalar(value):
    values = flatten(value)
    return values[0] if len(values) == 1 else value


def blocks(parsed_files, kind):
    """Yield (type, name, body) of every `kind` block ("resource" or "data") in all files."""
    for parsed in parsed_files.values():
        for entry in parsed.get(kind, []):
            for type_, named in entry.items():
                for name, body in named.items():
                    yield type_, name, body


def parse_all(directory):
    import hcl2  # noqa: imported late so that the re-exec below can happen first

    parsed, errors = {}, []
    files = sorted(glob.glob(os.path.join(directory, "*.tf")))
    if not files:
        errors.append(f"no .tf file in {directory}")
    for path in files:
        try:
            with open(path) as handle:
                parsed[os.path.basename(path)] = normalize(hcl2.load(handle))
        except Exception as error:  # any parse failure is a finding
            errors.append(f"{os.path.basename(path)}: does not parse with hcl2: {error}")
    return parsed, errors


def statement_actions(doc_body):
    actions = []
    for statement in flatten(doc_body.get("statement", [])):
        if not isinstance(statement, dict):
            continue
        for key in ("actions", "Action"):
            actions.extend(a for a in flatten(statement.get(key, [])) if isinstance(a, str))
    return actions


def iam_actions(parsed):
    """{policy document name: [actions]} for the documents used as permission policies
    (the `policy` of aws_iam_role_policy / aws_iam_policy), not trust policies."""
    docs = {name: body for type_, name, body in blocks(parsed, "data") if type_ == "aws_iam_policy_document"}
    policies, errors = {}, []
    for type_, name, body in blocks(parsed, "resource"):
        if type_ not in POLICY_RESOURCES:
            continue
        reference = str(scalar(body.get("policy", "")))
        match = DOC_REF.search(reference)
        if not match or match.group(1) not in docs:
            errors.append(f"{type_}.{name}: policy {reference!r} is not a data.aws_iam_policy_document in this module")
            continue
        policies[match.group(1)] = statement_actions(docs[match.group(1)])
    if not policies:
        errors.append("no permission policy (aws_iam_role_policy / aws_iam_policy) found")
    return policies, errors


def run_checkov(checkov, directory):
    command = [checkov, "-d", directory, "--framework", "terraform", "--compact", "--quiet",
               "--skip-download", "-o", "json"]
    result = subprocess.run(command, capture_output=True, text=True)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        return None, [f"checkov did not print JSON (exit {result.returncode}): {result.stderr.strip()[-2000:]}"]
    reports = report if isinstance(report, list) else [report]
    summary = {"passed": 0, "failed": 0, "skipped": 0, "failed_checks": []}
    for item in reports:
        for key in ("passed", "failed", "skipped"):
            summary[key] += item.get("summary", {}).get(key, 0)
        for check in item.get("results", {}).get("failed_checks", []):
            summary["failed_checks"].append({
                "check_id": check.get("check_id"),
                "name": check.get("check_name"),
                "severity": check.get("severity"),
                "resource": check.get("resource"),
                "file": check.get("file_path"),
                "lines": check.get("file_line_range"),
            })
    errors = [f"checkov {c['check_id']} ({c['severity'] or 'no severity'}): {c['name']} "
              f"on {c['resource']} in {c['file']} {c['lines']}" for c in summary["failed_checks"]]
    if summary["failed"] and not errors:
        errors.append(f"checkov reports {summary['failed']} failed checks")
    return summary, errors


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", required=True, help="the Terraform folder")
    parser.add_argument("--checkov", help="path to the checkov executable; without it checkov is not run")
    parser.add_argument("--expect-actions", help="comma-separated actions the permission policies must hold exactly")
    args = parser.parse_args()

    try:
        import hcl2  # noqa: F401
    except ImportError:
        python = os.path.join(os.path.dirname(args.checkov or ""), "python")
        if args.checkov and os.path.exists(python) and os.environ.get("CHECK_TERRAFORM_REEXEC") != "1":
            os.environ["CHECK_TERRAFORM_REEXEC"] = "1"
            os.execv(python, [python, os.path.abspath(__file__)] + sys.argv[1:])
        sys.exit("check_terraform.py: no hcl2 module; install python-hcl2 or pass --checkov from a venv that has it")

    parsed, errors = parse_all(args.dir)
    policies, policy_errors = iam_actions(parsed)
    errors += policy_errors
    actions = sorted({a for acts in policies.values() for a in acts})

    if args.expect_actions is not None:
        expected = {a.strip() for a in args.expect_actions.split(",") if a.strip()}
        if set(actions) != expected:
            errors.append(f"IAM actions differ: missing {sorted(expected - set(actions))}, "
                          f"extra {sorted(set(actions) - expected)}")

    checkov_summary = None
    if args.checkov:
        checkov_summary, checkov_errors = run_checkov(args.checkov, args.dir)
        errors += checkov_errors

    print(json.dumps({"parsed": sorted(parsed), "actions": actions, "policies": policies,
                      "checkov": checkov_summary}, indent=2))
    for error in errors:
        print(error, file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
