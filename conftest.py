"""Settings for every test run, notebooks included (nbval kernels inherit this environment)."""

import os

# Notebooks show the kit's errors as plain sentences, which nbval would not count as a failure;
# under test they keep their traceback, so a notebook cell that raises still fails.
os.environ["OKRSIM_PLAIN_ERRORS"] = "0"
