output "instance_id" {
  description = "ID of the Tocsin EC2 instance."
  value       = aws_instance.tocsin.id
}

output "api_url" {
  description = "Base URL of the Tocsin HTTP API (reachable from api_cidr only); /health, /metrics, /v1/..."
  value       = "http://${coalesce(aws_instance.tocsin.public_ip, aws_instance.tocsin.private_ip)}:8080"
}

output "ssh_command" {
  description = "SSH command for the instance (from ssh_cidr only; needs key_name's private key)."
  value       = "ssh admin@${coalesce(aws_instance.tocsin.public_ip, aws_instance.tocsin.private_ip)}"
}

output "api_token_command" {
  description = "Command printing the API token generated on the instance."
  value       = "ssh admin@${coalesce(aws_instance.tocsin.public_ip, aws_instance.tocsin.private_ip)} sudo cat /etc/tocsin/tocsin.env"
}

output "anomalies_topic_arn" {
  description = "ARN of the SNS topic receiving every anomaly alert."
  value       = aws_sns_topic.tocsin["anomalies"].arn
}

output "critical_topic_arn" {
  description = "ARN of the SNS topic receiving critical alerts."
  value       = aws_sns_topic.tocsin["critical"].arn
}

output "instance_role_arn" {
  description = "ARN of the instance role holding the least-privilege Tocsin policy."
  value       = aws_iam_role.tocsin.arn
}
