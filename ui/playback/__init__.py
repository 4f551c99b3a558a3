"""Player windows: one clip or an officer's day, with marks, segments and stills."""
