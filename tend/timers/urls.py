from django.urls import path

from tend.timers import views

app_name = "timers"
urlpatterns = [
    path("", views.timer, name="timer"),
    path("record/", views.record, name="record"),
]
