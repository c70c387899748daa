"""correct stage: fix OCR errors in cell text, recording every change.

- ``vocabulary``: the domain vocabulary (package data plus ``--vocab`` files);
- ``lexicon``: the general Indonesian word list and its affix rules;
- ``confusions``: OCR-aware costs and candidate search;
- ``engine``: ``load_corrector(...).fix(text, column=, line=) -> Fixed``.

Nothing is imported here, so ``import rakparse.correct`` stays free; import
``rakparse.correct.engine`` for the API.
"""
