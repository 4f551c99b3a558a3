"""Tests of the frozen build, its smoke test and the installer script (installer/, tools/build_bundle.sh)."""
