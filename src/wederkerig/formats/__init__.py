"""Machine formats: CSV (RFC 4180) and JSON for scripts, and the files imports read.

``columns`` holds the column tuples (the scripting contract), ``writers`` writes rows and
documents as they stream, ``records`` turns use-case results into rows, and ``readers`` reads
CSV, JSON and vCard files back, naming the file and line of any problem.
"""
