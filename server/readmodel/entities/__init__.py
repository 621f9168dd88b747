"""One module per group of projected entities; each declares PROJECTIONS (see registry.py)."""
