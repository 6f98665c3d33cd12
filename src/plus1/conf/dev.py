"""Settings for the demo and local development: debug on, everything on this machine."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
