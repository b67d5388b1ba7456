"""One module per command, each holding a click command named ``command``.

The modules are imported by name when their command runs (see ``unitedfront._cli.app``);
this package imports none of them.
"""
