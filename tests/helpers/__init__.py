"""Builders of test archives and worker scripts the tests start as processes."""
