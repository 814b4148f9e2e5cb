"""Lets ``python -m posturebreak`` behave exactly like the ``posture-break`` command."""

import sys

from posturebreak.launch import main

sys.exit(main())
