"""The 档案 section: the archive browser (一人一档), the officer tree, clip details, importing from recorders."""
