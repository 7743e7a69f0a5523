"""Access to a claims folder, in layers, each importing only from those before it:

    discovery, atomic   the folder's files, walked once; files written atomically
    allocation          many small objects built without the cyclic collector in the way
    problems, locate    what can be wrong with the data, and where it stands in its file
    cache               validated records kept by the bytes they came from
    store               the loader: files to records, every problem in one run
    query               views over loaded records (a claim with what disputes it)
    pieces              a claims file's share of its folder's listing, kept by its bytes
    listing             `list`, `show`, `topics`, `validate` answered without a load
    records             records appended to a file safely
    access              the Folder: the one way a command asks for any of it

tests/test_layering.py holds the package to this order.
"""
