"""Fault tests: what can go wrong outside the program (hostile or damaged input), and what must not follow."""
