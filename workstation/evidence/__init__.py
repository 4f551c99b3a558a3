"""Evidence export for the procuratorate, the court and inspection bodies (issue 15, R9)."""
