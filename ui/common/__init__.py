"""What every section uses: the operations (worker threads) and failure messages, table models, labels,
preferences, the password dialog."""
