"""The statistics section (统计, issue 16): figures per unit, officer and recorder over a period, with charts,
each figure opening its clips in the archive browser, and the reports exported as HTML or Excel."""
