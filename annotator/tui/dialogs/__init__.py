"""Modal screens that ask one thing and dismiss with the answer."""
