output "bucket_name" {
  description = "Archive__Bucket in deploy/settings.env."
  value       = aws_s3_bucket.archive.bucket
}

output "bucket_region" {
  description = "Archive__Region in deploy/settings.env."
  value       = var.region
}

output "bucket_arn" {
  value = aws_s3_bucket.archive.arn
}

output "role_arn" {
  description = "The eks.amazonaws.com/role-arn annotation of deploy/serviceaccount.yaml."
  value       = aws_iam_role.archive_writer.arn
}
