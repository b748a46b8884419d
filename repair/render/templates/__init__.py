"""Assets of the HTML report (page skeleton, stylesheet, script), inlined at render time."""
