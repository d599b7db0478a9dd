"""Reports for people: a text report and a self-contained HTML page of one analysis."""
