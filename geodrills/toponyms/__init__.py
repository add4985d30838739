"""The geoparser's stages, one module each, run in this order by :func:`geodrills.mentions.geoparse`.

=============  ==============================================================
``scan``       spans that name gazetteer records, or another spelling of one
``cues``       what the words around each span say (locative, feature word,
               person, organisation, dateline, list, …)
``context``    what the whole article says: its countries and admin-1 units,
               the demonym next to each name, its clear places, its lists
``score``      each reading of a name as a sum of named terms
``accept``     whether the span is a place at all, and how sure
=============  ==============================================================

Shared by them: ``candidate`` (the span and its cues), ``text`` (words around
an offset, in linear time) and ``lexicon`` (every word list and cue pattern).
:mod:`geodrills.resolve` sequences context, score and accept; every number is a
field of :class:`geodrills.weights.Weights`.
"""
