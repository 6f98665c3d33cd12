from ..common.api import make_api

api = make_api("zaken")
from .zaakinformatieobjecten import router as zio_router  # noqa: E402

api.add_router("", zio_router)
