"""Placeholder: its issue adds the subcommands here."""

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    return None
