"""The branch archive server (issue 12): one trust boundary between the workstations and the evidence."""
