"""Account networks: actors and their links as a graph, tables of accounts, coordinated sharing.

graph     the actors and links as a networkx graph, its analysis and exports (needs networkx)
accounts  import a table of accounts (CSV) into actors of kind social-account
detect    pairs of accounts that share the same objects within a time window (co-link), with
          the evidence rows behind every pair; written back as suspected links only
similar   near-duplicate texts as one object (Jaccard over words, MinHash bands)
table     reading the CSV tables of both, with the line of every problem
synth     a synthetic table of posts with a planted coordinated group, for tests and benches
"""
