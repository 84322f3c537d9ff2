from . import models
from . import wizards


def uninstall_hook(env):
    """Drop the aggregated callback figures and their functions."""
    models.figures_store.uninstall(env.cr)
