variable "region" {
  description = "AWS region of the archive bucket; the service's Archive__Region."
  type        = string
  default     = "us-east-1"
}

variable "bucket_name" {
  description = "Name of the archive bucket (globally unique); the service's Archive__Bucket."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.bucket_name))
    error_message = "bucket_name must be 3-63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit."
  }
}

variable "storage_transitions" {
  description = "Cheaper storage classes for archived payloads (raw/), by age in days. A payload's object is written on the day its key names, so its age is its date's age."
  type = list(object({
    days          = number
    storage_class = string
  }))
  default = [
    { days = 30, storage_class = "STANDARD_IA" },
    { days = 180, storage_class = "GLACIER_IR" },
  ]

  validation {
    condition = alltrue([
      for t in var.storage_transitions :
      contains(["STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"], t.storage_class)
    ])
    error_message = "storage_class must be one of STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING, GLACIER_IR, GLACIER, DEEP_ARCHIVE."
  }

  validation {
    condition = alltrue([
      for t in var.storage_transitions :
      t.days >= (contains(["STANDARD_IA", "ONEZONE_IA"], t.storage_class) ? 30 : 0) && floor(t.days) == t.days
    ])
    error_message = "days must be whole; S3 moves objects to STANDARD_IA or ONEZONE_IA no earlier than 30 days after creation."
  }
}

variable "expire_after_days" {
  description = "Delete archived payloads this many days after they were written; null keeps them for good (the archive is the only copy of what the boards sent)."
  type        = number
  default     = null

  validation {
    condition     = var.expire_after_days == null || alltrue([for t in var.storage_transitions : coalesce(var.expire_after_days, 0) > t.days])
    error_message = "expire_after_days must come after every storage transition."
  }
}

variable "versioning_enabled" {
  description = "Keep deleted objects as noncurrent versions. Off by default: the service writes each key once (put-if-absent) and may not overwrite or delete, so there is never an older version to keep; turn it on to recover from deletes by people or other tools."
  type        = bool
  default     = false
}

variable "noncurrent_version_expiration_days" {
  description = "With versioning on: how long a deleted or overwritten object stays recoverable."
  type        = number
  default     = 90
}

variable "kms_key_arn" {
  description = "A customer-managed KMS key for server-side encryption; null means SSE-S3 (AES-256, keys managed by S3)."
  type        = string
  default     = null
}

variable "role_name" {
  description = "Name of the service's IAM role; deploy/serviceaccount.yaml names it in eks.amazonaws.com/role-arn."
  type        = string
  default     = "ingestor-archive-writer"
}

variable "eks_oidc_provider_arn" {
  description = "ARN of the EKS cluster's IAM OIDC provider (IRSA), e.g. arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE."
  type        = string
}

variable "kubernetes_namespace" {
  description = "Namespace of the worker's service account (deploy/kustomization.yaml)."
  type        = string
  default     = "ingestor"
}

variable "kubernetes_service_account" {
  description = "The worker's service account (deploy/serviceaccount.yaml); the only identity that may assume the role."
  type        = string
  default     = "ingestor"
}

variable "tags" {
  description = "Tags on every resource."
  type        = map(string)
  default     = {}
}
