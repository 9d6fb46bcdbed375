from django.urls import path

from tend.breathing import views

app_name = "breathing"
urlpatterns = [
    path("", views.pacer, name="pacer"),
    path("not-working/", views.not_working, name="not_working"),
    path("patterns/", views.pattern_list, name="patterns"),
    path("patterns/<int:pk>/edit/", views.pattern_edit, name="pattern_edit"),
    path("patterns/<int:pk>/delete/", views.pattern_delete, name="pattern_delete"),
    path("sessions/", views.session_list, name="sessions"),
    path("sessions/record/", views.session_record, name="record"),
]
