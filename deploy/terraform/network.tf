# Network: the module deploys into an existing VPC (the account's default VPC unless vpc_id is
# set) and creates only the instance's security group.

data "aws_vpc" "selected" {
  id      = var.vpc_id != "" ? var.vpc_id : null
  default = var.vpc_id == "" ? true : null
}

data "aws_subnets" "selected" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.selected.id]
  }
}

locals {
  subnet_id = var.subnet_id != "" ? var.subnet_id : sort(data.aws_subnets.selected.ids)[0]
}

# Ingress is limited to two operator-chosen CIDRs (validated in variables.tf to never be
# 0.0.0.0/0). Egress is limited to HTTPS and HTTP: Tocsin only talks to the public AWS API
# endpoints (CloudWatch, CloudWatch Logs, EC2, SNS) over HTTPS (443), and user data fetches the
# release binary over HTTPS (443). HTTP (80) is for the rest of the download path at boot: the
# Debian package mirrors the runtime libraries (libsqlite3, libcurl) come from serve plain HTTP
# (apt checks their signatures), and a release URL may redirect through HTTP (the binary is
# still checked against tocsin_sha256 before install). DNS (the VPC resolver), the instance metadata service
# (IMDSv2, where the instance role's credentials come from) and NTP are link-local services that
# security groups do not filter, so no rule is needed for them.
resource "aws_security_group" "tocsin" {
  name        = "${var.name}-instance"
  description = "Tocsin anomaly-detection server: SSH and API from fixed CIDRs, HTTPS/HTTP egress only"
  vpc_id      = data.aws_vpc.selected.id

  ingress {
    description = "SSH from the operator CIDR only"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.ssh_cidr]
  }

  ingress {
    description = "Tocsin HTTP API (/v1, /health, /metrics) from the API CIDR only"
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = [var.api_cidr]
  }

  egress {
    description = "HTTPS to the AWS API endpoints (CloudWatch, Logs, EC2, SNS) and the release download"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    description = "HTTP for the download path at boot: Debian package mirrors (signed), release redirects"
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = {
    Name = "${var.name}-instance"
  }

  lifecycle {
    create_before_destroy = true
  }
}
