"""The root's table of commands (cli/app.py), which lets a run import only the module of the
command it names: it must say exactly what the modules define."""

from wederkerig.cli.app import COMMANDS, WHERE


def test_the_table_names_exactly_the_commands_each_module_defines() -> None:
    for commands in COMMANDS:
        assert sorted(commands.build()) == sorted(commands.root_names), commands


def test_no_command_is_named_twice() -> None:
    assert len(WHERE) == sum(len(commands.root_names) for commands in COMMANDS)
