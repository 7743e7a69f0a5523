"""Drafting claim records from an article (`factcheck extract`): sentences, who asserts each,
quotation or paraphrase, the figures in the quantity language, and how worth checking each
sentence is, with the reason. See docs/extract.md."""
