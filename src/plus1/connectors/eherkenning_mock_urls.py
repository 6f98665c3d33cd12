from django.urls import path

from . import eherkenning_mock

app_name = "eherkenning"

urlpatterns = [path("login/", eherkenning_mock.login, name="login")]
