"""The command-line layer: parse arguments, call a use case, render the result. Nothing more."""
