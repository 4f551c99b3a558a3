"""The 抽查 section: plans, the review queue and checklist, the review window, the ledger."""
