# Least-privilege instance role: exactly the AWS operations Tocsin's Swift clients call
# (Sources/TocsinAWS): CloudWatch GetMetricData, ListMetrics, PutMetricData; CloudWatch Logs
# FilterLogEvents; EC2 DescribeInstances, RebootInstances; SNS Publish. Nothing else.
#
# The permission policy is the data source aws_iam_policy_document.tocsin below: every action is a
# literal string in a statement's `actions` list, so a test parsing this file with python-hcl2
# finds them at data[*].aws_iam_policy_document.tocsin.statement[*].actions[*].
# The trust policy (aws_iam_policy_document.assume_role) is not a permission policy.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  # Default: every log group of this account and region.
  log_group_arns = length(var.log_group_arns) > 0 ? var.log_group_arns : [
    "arn:${local.partition}:logs:${var.region}:${local.account_id}:log-group:*",
  ]
}

data "aws_iam_policy_document" "assume_role" {
  statement {
    sid     = "EC2AssumeRole"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "tocsin" {
  # GetMetricData and ListMetrics support no resource-level permissions or condition keys.
  statement {
    sid       = "CloudWatchRead"
    effect    = "Allow"
    actions   = ["cloudwatch:GetMetricData", "cloudwatch:ListMetrics"]
    resources = ["*"]
  }

  # Anomaly scores go back as metric AnomalyScore in namespace Tocsin, and nowhere else.
  statement {
    sid       = "CloudWatchPublishScores"
    effect    = "Allow"
    actions   = ["cloudwatch:PutMetricData"]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "cloudwatch:namespace"
      values   = ["Tocsin"]
    }
  }

  # Root-cause hints: log events around an anomaly, from the chosen log groups only.
  statement {
    sid       = "LogsRead"
    effect    = "Allow"
    actions   = ["logs:FilterLogEvents"]
    resources = local.log_group_arns
  }

  # Describe* calls cannot be restricted to resources.
  statement {
    sid       = "EC2Describe"
    effect    = "Allow"
    actions   = ["ec2:DescribeInstances"]
    resources = ["*"]
  }

  # Remediation (reboot_instance) only on instances carrying the monitor tag.
  statement {
    sid       = "EC2RebootTagged"
    effect    = "Allow"
    actions   = ["ec2:RebootInstances"]
    resources = ["arn:${local.partition}:ec2:${var.region}:${local.account_id}:instance/*"]

    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/tocsin:monitor"
      values   = ["true"]
    }
  }

  # Alerts: the two topics of this module only.
  statement {
    sid       = "SNSPublishAlerts"
    effect    = "Allow"
    actions   = ["sns:Publish"]
    resources = [for t in aws_sns_topic.tocsin : t.arn]
  }
}

resource "aws_iam_role" "tocsin" {
  name               = "${var.name}-instance"
  description        = "Tocsin server: read CloudWatch metrics and logs, publish scores and alerts, reboot tagged instances"
  assume_role_policy = data.aws_iam_policy_document.assume_role.json
}

resource "aws_iam_role_policy" "tocsin" {
  name   = "${var.name}-least-privilege"
  role   = aws_iam_role.tocsin.id
  policy = data.aws_iam_policy_document.tocsin.json
}

resource "aws_iam_instance_profile" "tocsin" {
  name = "${var.name}-instance"
  role = aws_iam_role.tocsin.name
}
