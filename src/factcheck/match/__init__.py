"""Claim matching: which claims of the archive verify a new text (`factcheck match`).

A two-stage ranker, as the CLEF CheckThat! verified-claim retrieval systems work: BM25 over
stemmed words and the nearest texts by static embeddings propose candidates; a logistic model
over named features (lexical scores, semantic similarity, the words, figures and names two
texts share) scores each candidate as the probability that it verifies the text. The model's
weights are learned from the CLEF-2020 training queries by scripts/train_matcher.py and
shipped as `model.json`. Every match says why: the words, names and figures it shares with
the text, and how close the two are in meaning.
"""
