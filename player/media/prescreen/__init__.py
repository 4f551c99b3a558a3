"""Automatic pre-screen of one media file: covered or dark lens, frozen picture, silent or clipped audio,
undecodable stretches. Qt-free, no archive: a file in, time spans with a confidence out (issue 17)."""
