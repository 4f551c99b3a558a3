"""What every section uses: the task runner, table models, labels, preferences, the password dialog."""
