"""The organisation: units, officers and recorders (the registry), and user accounts with their passwords."""
