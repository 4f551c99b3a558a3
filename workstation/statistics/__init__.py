"""Statistics and reports (issue 16, R10): workload per unit and officer, recorder use, spot checks, viewing."""
