"""argparse's own words ("usage:", "options", its errors) in the app's language.

argparse translates them with the ``_`` and ``ngettext`` it imports from
:mod:`gettext` (the global "messages" domain, which the app never binds).  The
command line points those two names at the app's catalogue instead; the
messages it can show are marked below so that they are extracted into it.
"""

from __future__ import annotations

import argparse

from posturebreak import i18n
from posturebreak.i18n import N_

# What argparse (Python 3.11) can say to a user of this command line, exactly as it
# writes it; only for xgettext, which copies them into the catalogue.  (Its one plural,
# "expected %s argument(s)", needs nargs=N, which no option here uses.)
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
)


def speak_our_language() -> None:
    """Makes argparse look its words up in the app's catalogue (harmless when repeated)."""
    vars(argparse).update(_=i18n._, ngettext=i18n.ngettext)
