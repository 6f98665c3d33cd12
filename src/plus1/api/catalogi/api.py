from ..common.api import make_api

api = make_api("catalogi")
