"""The unit tier: the library's use cases and core rules, called directly (no CLI)."""
