# The worker's identity (EKS IRSA): it may only add new objects under raw/. The service's one S3 call is PutObject with
# If-None-Match: * (S3RawArchive.cs): it reads, lists and deletes nothing, and the condition below means it cannot
# overwrite an archived payload either. The read API (--serve) touches no S3 and gets no role.
locals {
  oidc_issuer = element(split("oidc-provider/", var.eks_oidc_provider_arn), 1)
}

data "aws_iam_policy_document" "assume_from_service_account" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [var.eks_oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:sub"
      values   = ["system:serviceaccount:${var.kubernetes_namespace}:${var.kubernetes_service_account}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "archive_writer" {
  name               = var.role_name
  description        = "Ingestor worker: adds raw payloads to s3://${var.bucket_name}/${local.archive_prefix}"
  assume_role_policy = data.aws_iam_policy_document.assume_from_service_account.json
}

data "aws_iam_policy_document" "archive_writer" {
  statement {
    sid       = "AddNewPayloadsOnly"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.archive.arn}/${local.archive_prefix}*"]

    condition {
      test     = "StringEquals"
      variable = "s3:if-none-match"
      values   = ["*"]
    }
  }

  dynamic "statement" {
    for_each = var.kms_key_arn == null ? [] : [var.kms_key_arn]
    content {
      sid       = "EncryptWithTheBucketKey"
      actions   = ["kms:GenerateDataKey"]
      resources = [statement.value]
    }
  }
}

resource "aws_iam_role_policy" "archive_writer" {
  name   = "archive-write-once"
  role   = aws_iam_role.archive_writer.id
  policy = data.aws_iam_policy_document.archive_writer.json
}
