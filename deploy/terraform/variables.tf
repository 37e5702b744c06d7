variable "region" {
  description = "AWS region to deploy into; Tocsin's CloudWatch source watches the instances of this region."
  type        = string
  default     = "eu-west-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as eu-west-1."
  }
}

variable "name" {
  description = "Name prefix for every resource (instance, security group, role, topics)."
  type        = string
  default     = "tocsin"

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9-]{0,30}$", var.name))
    error_message = "name must start with a letter and hold at most 31 letters, digits or dashes."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default = {
    Project = "tocsin"
  }
}

variable "instance_type" {
  description = "EC2 instance type; must match var.architecture (e.g. t3.small for x86_64, t4g.small for arm64)."
  type        = string
  default     = "t3.small"
}

variable "architecture" {
  description = "CPU architecture of the AMI and of the release binary at tocsin_download_url."
  type        = string
  default     = "x86_64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.architecture)
    error_message = "architecture must be x86_64 or arm64."
  }
}

variable "root_volume_size" {
  description = "Size of the encrypted gp3 root volume in GiB (the SQLite store lives on it)."
  type        = number
  default     = 20

  validation {
    condition     = var.root_volume_size >= 8 && var.root_volume_size <= 16384
    error_message = "root_volume_size must be between 8 and 16384 GiB."
  }
}

variable "vpc_id" {
  description = "VPC to deploy into; empty means the account's default VPC."
  type        = string
  default     = ""
}

variable "subnet_id" {
  description = "Subnet for the instance; empty means the first default subnet of the VPC. Must give the instance a route to the AWS APIs and to the download URL."
  type        = string
  default     = ""
}

variable "associate_public_ip" {
  description = "Give the instance a public IPv4 address (needed for SSH/API from outside the VPC without a VPN or load balancer)."
  type        = bool
  default     = true
}

variable "key_name" {
  description = "Name of an existing EC2 key pair for SSH; empty means none (use SSM or EC2 Instance Connect instead)."
  type        = string
  default     = ""
}

variable "ssh_cidr" {
  description = "The only CIDR allowed to reach SSH (22), e.g. your office address as 203.0.113.10/32. Never 0.0.0.0/0."
  type        = string

  validation {
    condition     = can(cidrhost(var.ssh_cidr, 0)) && var.ssh_cidr != "0.0.0.0/0"
    error_message = "ssh_cidr must be a valid IPv4 CIDR other than 0.0.0.0/0."
  }
}

variable "api_cidr" {
  description = "The only CIDR allowed to reach the Tocsin HTTP API (8080). Never 0.0.0.0/0."
  type        = string

  validation {
    condition     = can(cidrhost(var.api_cidr, 0)) && var.api_cidr != "0.0.0.0/0"
    error_message = "api_cidr must be a valid IPv4 CIDR other than 0.0.0.0/0."
  }
}

variable "tocsin_download_url" {
  description = "HTTPS URL of the Tocsin release binary for var.architecture (a bare executable, or a .tar.gz holding one named tocsin)."
  type        = string

  validation {
    condition     = can(regex("^https://", var.tocsin_download_url))
    error_message = "tocsin_download_url must be an https:// URL."
  }
}

variable "tocsin_sha256" {
  description = "Expected SHA-256 (64 hex digits) of the file at tocsin_download_url; user data refuses to install anything else."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f]{64}$", var.tocsin_sha256))
    error_message = "tocsin_sha256 must be 64 lower-case hex digits."
  }
}

variable "poll_interval" {
  description = "Time between CloudWatch pulls (Tocsin duration, e.g. 5m)."
  type        = string
  default     = "5m"

  validation {
    condition     = can(regex("^[0-9]+[smhd]$", var.poll_interval))
    error_message = "poll_interval must be a duration such as 30s, 5m or 1h."
  }
}

variable "log_group_arns" {
  description = "CloudWatch Logs log-group ARNs Tocsin may read with FilterLogEvents for root-cause hints; empty means every group in this account and region."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.log_group_arns : can(regex("^arn:aws[a-z-]*:logs:", a))])
    error_message = "log_group_arns must hold CloudWatch Logs ARNs (arn:aws:logs:REGION:ACCOUNT:log-group:NAME)."
  }
}

variable "log_group_names" {
  description = "Log group names written to tocsin.yaml (alerting.root_cause.cloudwatch_logs.groups); empty means no CloudWatch Logs root-cause hints."
  type        = list(string)
  default     = []
}

variable "remediation_execute" {
  description = "Let Tocsin really reboot tagged instances (remediation.execute); false means remediation is only simulated and logged."
  type        = bool
  default     = false
}

variable "alert_email" {
  description = "E-mail address subscribed to both SNS topics (AWS sends a confirmation mail); empty means no subscription."
  type        = string
  default     = ""

  validation {
    condition     = var.alert_email == "" || can(regex("^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$", var.alert_email))
    error_message = "alert_email must be empty or an e-mail address."
  }
}
