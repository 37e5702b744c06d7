# Two topics: every anomaly alert, and critical alerts only (routed by severity in tocsin.yaml).
# Both are encrypted at rest with the AWS-managed SNS key; its key policy lets any principal of
# the account that may publish use it through SNS, so the instance role needs no KMS permission.

locals {
  topics = {
    anomalies = "${var.name}-anomalies"
    critical  = "${var.name}-critical"
  }
}

resource "aws_sns_topic" "tocsin" {
  for_each = local.topics

  name              = each.value
  display_name      = each.key == "critical" ? "Tocsin critical" : "Tocsin anomalies"
  kms_master_key_id = "alias/aws/sns"
}

resource "aws_sns_topic_subscription" "email" {
  for_each = var.alert_email != "" ? local.topics : {}

  topic_arn = aws_sns_topic.tocsin[each.key].arn
  protocol  = "email"
  endpoint  = var.alert_email
}
