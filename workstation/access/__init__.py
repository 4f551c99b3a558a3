"""Who may see what beyond their own rights: viewing requests, routing and approvals, the access register, the
audit viewer.
"""
