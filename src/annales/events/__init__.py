"""Events: the lexicon, trigger and argument extraction, modality and attribution.

Kept import-free so that `annales.events.codes` can be used without loading spaCy; import
the stage modules directly (`from annales.events.extract import extract`).
"""
