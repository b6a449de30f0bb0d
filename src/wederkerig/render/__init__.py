"""Rich rendering for people: reports on stdout, messages on stderr (see console.py).

The only package that imports Rich. One module per report or family of reports;
cells.py holds what they share, so that all tables look alike.
"""
