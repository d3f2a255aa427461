"""Readers of the input formats beyond the seed format, plain text and JSON Lines
(`kg/articles.py`): web pages (`html`), RSS and Atom feeds (`feeds`), CSV/TSV exports (`table`),
and the rule that dates an article by its wire dateline (`dateline`).

Each reader turns the bytes or text of one file into `Article` records, or `Skip`s that say
where and why; `kg.articles.read_file` picks the reader by the file's extension. Nothing here
fetches a URL: the libraries are given bytes or parsed trees, never addresses.
"""
