"""The 管理 section: recorders and holders, user accounts, the audit log and the access register."""
