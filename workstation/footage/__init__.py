"""Footage: getting recordings in (ingest, name patterns, verified copy), keeping them intact (verify), finding
them (clips, the officer tree, an officer's day) and annotating them (cases, marks, stills).
"""
