"""The base of errors the user can fix: the CLI shows their message and exits with status 2."""


class UserError(Exception):
    """A problem with the input, the environment or the options, told in a complete sentence."""
