"""The daily spot check (抽查) and its ledger (检查台帐): plans, verifiable sampling, the queue, reviews,
the workbook.
"""
