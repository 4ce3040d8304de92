"""Everything that brings data in: export parsers, live API connectors, the demo generator.

Each export format is one module with the same shape (see `connectors.base`); they all load
through `warehouse.loader.load`. `python -m connectors` is the command line.
"""
