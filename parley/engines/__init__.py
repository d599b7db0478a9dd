"""Engines run the pipeline over many documents: ``local`` (worker processes on this
machine, results in input order to one writer)."""
