"""The application around the sections: sign-in, connection, main window, idle lock, settings, smoke test,
screenshots.
"""
