"""The figures of claims and the arithmetic on them, exact throughout (Fraction, never float):

    quantity     the quantity language: "4,561", "about one in eight", "13.7%", "$1.2 million"
    expression   a check's expression: parsed into a tree, never evaluated by eval
    arithmetic   the tree evaluated over figures, with the hedges and rounding they carry

Below the records (model reads every figure through quantity); a check's verdict over a
loaded folder is factcheck.checks, above the folder.
"""
