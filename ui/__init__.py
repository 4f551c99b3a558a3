"""The Qt user interface. Calls workstation services; never imports db (import-linter)."""
