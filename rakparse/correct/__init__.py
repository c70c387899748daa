"""correct stage: fix OCR errors in cell text, recording every change.

- ``packaged``: the package's data files (``rakparse/data/``), read when needed;
- ``vocabulary``: the domain vocabulary (package data plus ``--vocab`` files);
- ``lexicon``: the general Indonesian word list and its affix rules;
- ``confusions``: OCR-aware costs and candidate search;
- ``rules``: the thresholds and word classes the rules use;
- ``cell``: a cell's tokens, changes and result (``Fixed``);
- ``document``: what a whole document writes (``DocumentWords``: its words, how
  often, and side by side), the context that settles what a cell leaves in doubt;
- ``pairs``: the word pairs of RAK text in general (``corpus/``), which settle what
  the document leaves in doubt;
- the rules, each layer a class built on the one before: ``knowledge`` (what the
  lists say of a word, near words ranked) → ``case`` (the case a correction takes)
  → ``glue`` (joins and splits) → ``phrases`` (vocabulary phrases and word pairs) →
  ``words`` (single misread words) →
- ``engine``: ``Corrector``, the passes over a cell in order, the document's say
  and then the word pairs', and ``load_corrector(...).fix(text, column=, line=) -> Fixed``.

Nothing is imported here, so ``import rakparse.correct`` stays free; import
``rakparse.correct.engine`` for the API.
"""
