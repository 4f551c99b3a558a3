"""Domain services of the review workstation: archive, ingest, registry, audit, CLI.

Qt-free by contract (import-linter): everything here runs and is tested without a display. Services take
and return plain dataclasses from workstation.types, never ORM objects.
"""
