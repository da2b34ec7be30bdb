#!/usr/bin/env python3
"""Build the football knowledge graph: the same as `kg build` (see `python build_graph.py --help`).

    python build_graph.py                      # the bundled sample articles -> out/
    python build_graph.py PATH... -o DIR       # your own files and folders
"""
import sys

from kg.cli import cli

if __name__ == "__main__":
    cli.main(args=["build", *sys.argv[1:]], prog_name="build_graph.py")
