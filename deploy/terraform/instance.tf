# The Tocsin server: Debian 12 (the distribution Tocsin is built and tested on, so a release
# binary's glibc and shared libraries match), IMDSv2 only, encrypted root volume, detailed
# monitoring, EBS optimized, the least-privilege instance profile from iam.tf.

locals {
  debian_arch = var.architecture == "arm64" ? "arm64" : "amd64"
}

# Official Debian cloud images, published by the Debian cloud team's AWS account.
data "aws_ami" "debian12" {
  most_recent = true
  owners      = ["136693071363"]

  filter {
    name   = "name"
    values = ["debian-12-${local.debian_arch}-*"]
  }

  filter {
    name   = "architecture"
    values = [var.architecture]
  }

  filter {
    name   = "virtualization-type"
    values = ["hvm"]
  }
}

resource "aws_instance" "tocsin" {
  #checkov:skip=CKV_AWS_88: the default VPC has no NAT gateway or VPC endpoints, so the public IP is the instance's only route to the AWS APIs and the release download, and the operators' way in; ingress is limited to ssh_cidr and api_cidr, and associate_public_ip = false turns it off for private subnets
  ami                         = data.aws_ami.debian12.id
  instance_type               = var.instance_type
  subnet_id                   = local.subnet_id
  vpc_security_group_ids      = [aws_security_group.tocsin.id]
  iam_instance_profile        = aws_iam_instance_profile.tocsin.name
  key_name                    = var.key_name != "" ? var.key_name : null
  associate_public_ip_address = var.associate_public_ip
  monitoring                  = true
  ebs_optimized               = true

  user_data = templatefile("${path.module}/user-data.sh.tftpl", {
    download_url        = var.tocsin_download_url
    sha256              = var.tocsin_sha256
    region              = var.region
    poll_interval       = var.poll_interval
    anomalies_topic_arn = aws_sns_topic.tocsin["anomalies"].arn
    critical_topic_arn  = aws_sns_topic.tocsin["critical"].arn
    log_group_names     = var.log_group_names
    remediation_execute = var.remediation_execute
  })
  user_data_replace_on_change = true

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
    instance_metadata_tags      = "disabled"
  }

  root_block_device {
    volume_type           = "gp3"
    volume_size           = var.root_volume_size
    encrypted             = true
    delete_on_termination = true
  }

  tags = {
    Name = var.name
  }

  # The role's policy must exist before Tocsin's first AWS call at boot.
  depends_on = [aws_iam_role_policy.tocsin]
}
