"""Typed models of every content file in data/, one module per content area."""
