"""The frozen bundle's entry point: the same as the ``posture-break`` command."""

import sys

from posturebreak.launch import main

sys.exit(main())
