"""TRD Map building blocks: content store, domain rules, figures and small render helpers."""
