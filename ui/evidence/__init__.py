"""Evidence export (证据导出, issue 15): the export dialog, the writing progress, the retained copy record."""
