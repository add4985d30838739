"""One module per ``geodrills`` sub-command; see :mod:`geodrills.cli`."""
