"""The training room: live sessions a trainer runs and a room answers on phones (store, rules, codes)."""
