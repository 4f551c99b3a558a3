"""The 审批 section: viewing requests, the approvals inbox."""
