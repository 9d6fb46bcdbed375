from django.urls import path

from tend.safety import views

app_name = "safety"
urlpatterns = [
    path("support/", views.support, name="support"),
    path("safety/report/", views.report, name="report"),
]
