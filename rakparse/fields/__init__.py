"""Field parsers: one small, pure module per notation (weeks, rupiah, target, items)."""
